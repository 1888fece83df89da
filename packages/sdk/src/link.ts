/** Share links and reading the referral a landing URL carries. */
import type { Channel } from '@referkit/events';
import { normalizeCode } from '@referkit/events/code';
import { quietly } from './quietly.js';

/**
 * UTM tags added to a share link, each as `utm_<name>`, its value text. Other names of letters, digits and
 * underscores that start with a letter are added too (GA4's `source_platform`, `id`).
 */
export interface Utm {
  source?: string | undefined;
  medium?: string | undefined;
  campaign?: string | undefined;
  content?: string | undefined;
  term?: string | undefined;
}

/** What {@link buildShareLink} needs. */
export interface ShareLinkInput {
  /** An absolute http or https URL without a user name or password; its query and hash are kept. */
  base: string;
  /** The ambassador's code, in any form `normalizeCode` accepts. */
  code: string;
  /** Where the link will be shared, carried as `rk_ch`. */
  channel?: Channel | undefined;
  /** The query parameter that carries the code; not `rk_ch`, nor a `utm_` tag also given. @default 'ref' */
  param?: string | undefined;
  utm?: Utm | undefined;
}

/** A built link, or a coded reason why none could be built. */
export type LinkResult =
  | { ok: true; value: string }
  | { ok: false; error: { code: 'invalid_base' | 'invalid_code' | 'invalid_param' | 'invalid_utm'; message: string } };

/** A referral as a URL carries it. */
export interface LinkReferral {
  code: string;
  channel?: Channel;
}

/**
 * `encodeURIComponent` that never throws: text cut inside an emoji keeps half of it (a lone
 * surrogate), which encodeURIComponent throws on; it becomes U+FFFD. In a `u` regex a whole emoji is
 * one code point, so only halves match \p{Cs}.
 */
export const encode = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));

/**
 * The address of `path` under the brand's API base, as the SDK posts its events and the widget reads
 * codes and stats: `/api/` and `/api` are one base (a double slash is another path to many routers),
 * and the path goes before a query the base carries (a function's key: `/api?code=…`).
 * @example apiUrl('https://fn.example/api/?code=KEY', '/referrals/events') // 'https://fn.example/api/referrals/events?code=KEY'
 */
export const apiUrl = (endpoint: string, path: string): string => endpoint.replace(/\/*(?=[?#]|$)/, path);

/**
 * `address` as an http(s) URL, read against `base` when relative; `undefined` when it is no URL or of
 * another scheme (`javascript:`, `file:`), which no share link and no event may go to.
 */
export const httpUrl = (address: string, base?: string): URL | undefined => {
  const url = quietly(() => new URL(address, base));
  return /^https?:$/.test(url?.protocol as string) ? url : undefined;
};

/**
 * The document's origin (`origin`; none in Node): an about:blank or srcdoc frame's is its creator's, where
 * its address's is "null". A sandboxed frame's is the opposite: its document's origin is opaque ("null"),
 * its address's the site's, which browsers go by for mixed content too. Whichever of the two is one.
 */
export const pageOrigin = (): string | undefined =>
  [globalThis.origin, globalThis.location?.origin].find((origin) => origin && origin !== 'null');

/**
 * `address` as an http(s) URL this document can fetch, read against `base` when relative: `undefined` when
 * `httpUrl` refuses it, or when it is http and the document https. Browsers block every such request as
 * mixed content (https://www.w3.org/TR/mixed-content/#should-block-fetch), except to a host the Secure
 * Contexts spec deems potentially trustworthy: `localhost`, a name under it, 127.0.0.0/8 and [::1]
 * (https://www.w3.org/TR/secure-contexts/#is-origin-trustworthy). The URL parser writes every form of
 * those addresses (`0x7f.1`, `[0:0::1]`) and names (`LocalHost`) in one, matched here.
 * @example fetchableUrl('http://api.shop.example/api') // undefined on an https page
 */
export const fetchableUrl = (address: string, base?: string): URL | undefined => {
  const url = httpUrl(address, base);
  return url?.protocol === 'http:' &&
    // Neither origin is one in a sandboxed srcdoc frame: its base, its parent's address, says where it is.
    /^https:/.test(pageOrigin() ?? (base as string)) &&
    !/(^|\.)localhost\.?$|^127(\.\d+){3}$|^\[::1]$/.test(url.hostname)
    ? undefined
    : url;
};

/** The query parameter that carries the channel a link was shared on. */
export const CHANNEL_PARAM = 'rk_ch';

/** The channels of @referkit/events' `channel` enum; anything else in a URL is junk the receiver would refuse. */
export const CHANNEL_PATTERN = /^(copy|native|whatsapp|x|facebook|linkedin|telegram|reddit|email|sms|qr|other)$/;

/**
 * Builds an ambassador's share link: the base URL with its query (byte for byte) and hash kept, plus
 * the code, the channel and UTM tags, each replacing one of its name the base had; a previous `rk_ch`
 * is dropped. Refuses bases that are not http(s) (no `javascript:` links) or that carry a user name or
 * password (`https://user:pw@…`, which a link meant to be posted publicly would give away), codes that
 * do not normalise, a `param` that would carry no code (empty, or the name of the channel or a UTM
 * tag given), and a UTM tag whose value is not text or whose name is no name (`__proto__`).
 * @example buildShareLink({ base: 'https://shop.example/p?x=1#top', code: 'alex-7hc2qk', channel: 'whatsapp' })
 * // { ok: true, value: 'https://shop.example/p?x=1&ref=ALEX-7HC2QK&rk_ch=whatsapp#top' }
 */
export function buildShareLink(input: ShareLinkInput): LinkResult {
  // Own properties only: an old library's enumerable `Object.prototype.channel` (or `param`, `utm`) would
  // be read for an option not given. `__proto__: null` makes an object with no prototype to read through.
  const { base, code, channel, param = 'ref', utm } = { __proto__: null, ...input } as ShareLinkInput;
  const normal = normalizeCode(code);
  const url = httpUrl(base);
  const tags: Record<string, unknown> = { [param]: normal, [CHANNEL_PARAM]: channel };
  let tagged = true;
  // A tag given as undefined (or null) is not given (an unset variable): the base's own tag of that name
  // stays. Its own properties only, as above; a value that is not text has no place in a link.
  for (const [name, value] of Object.entries(utm ?? {})) {
    if (value != null) {
      tags[`utm_${name}`] = value;
      tagged &&= typeof value === 'string' && /^[a-z]\w*$/i.test(name);
    }
  }
  // A param that is empty, or that the channel or a UTM tag takes over, would leave the link without its code.
  const which = normal
    ? url && !url.username && !url.password
      ? param && tags[param] === normal
        ? tagged
          ? ''
          : 'utm'
        : 'param'
      : 'base'
    : 'code';
  if (which) return { ok: false, error: { code: `invalid_${which}`, message: `Expected a valid ${which}` } };
  // A base that was itself a shared link (the page's own address) must not pass its channel on.
  const link = withoutParams(url!.href, Object.keys(tags));
  for (const [name, value] of Object.entries(tags)) {
    if (value) link.search += `${link.search ? '&' : ''}${encode(name)}=${encode(value as string)}`;
  }
  return { ok: true, value: link.href };
}

/**
 * Reads the referral code (and channel) from a URL, normalised; `null` when there is none or it is junk.
 * @example readReferral('https://shop.example/?ref=alex-7hc2qk&rk_ch=sms') // { code: 'ALEX-7HC2QK', channel: 'sms' }
 */
export function readReferral(url: string | URL, param = 'ref'): LinkReferral | null {
  // A relative URL is read against a placeholder origin; only its query matters.
  const query = quietly(() => new URL(url, 'http://x').searchParams);
  // A link passed through a tracker or a form can carry the parameter twice: the first real code counts.
  const code = query?.getAll(param).map(normalizeCode).find(Boolean);
  const channel = query?.get(CHANNEL_PARAM) as Channel;
  return code ? (CHANNEL_PATTERN.test(channel) ? { code, channel } : { code }) : null;
}

/** A query parameter's name as URLSearchParams reads it; as written when it is not valid percent-encoding. */
const decoded = (name: string) => quietly(() => decodeURIComponent(name.replace(/\+/g, ' '))) ?? name;

/**
 * The URL without the named query parameters, everything else exactly as written (URLSearchParams
 * would re-encode it, `a%20b` → `a+b`, and a signed or tracked address may depend on its bytes).
 * Names are compared decoded, as {@link readReferral} reads them (`r%65f` is `ref`).
 * @example withoutParams('https://shop.example/p?q=a%20b&ref=ALEX-7HC2QK#top', ['ref', 'rk_ch']).href // 'https://shop.example/p?q=a%20b#top'
 */
export const withoutParams = (url: string, names: readonly string[]): URL => {
  const clean = new URL(url);
  clean.search = clean.search
    .replace(/[?&]([^=&]*)[^&]*/g, (pair, name) => (names.includes(decoded(name)) ? '' : pair))
    .replace(/^&/, '?');
  return clean;
};
