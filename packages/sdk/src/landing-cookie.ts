/**
 * The landing cookie: a server-set, HttpOnly first-party cookie holding a landing's referral for the
 * whole attribution window (Safari keeps script-written cookies at most 7 days), its reader at
 * checkout, and the value that clears it when a visitor denies consent. Part of `@referkit/sdk/server`.
 */
import type { AttributionModel } from '@referkit/events';
import { type Referral, usableWindow, wellFormed } from './attribution.js';
import { readReferral } from './link.js';

/** The name of the server-set referral cookie. */
export const LANDING_COOKIE = 'rk_landing';

/** The longest a browser keeps a cookie, 400 days (RFC 6265bis §5.5, "Max-Age" and "Expires"), in seconds. */
const COOKIE_LIFETIME_LIMIT = 400 * 86400;

/** The landing cookie's `Set-Cookie` value, with the same attributes whether it is set or cleared (`seconds` 0). */
const landingSetCookie = (value: string, seconds: number, domain: string) =>
  `${LANDING_COOKIE}=${value}; Path=/; Max-Age=${seconds}; HttpOnly; Secure; SameSite=Lax${domain}`;

/**
 * `; Domain=…` for the landing cookie, or nothing without a domain. Anything but a host name would add
 * attributes of its own to the cookie (`x; SameSite=None`), and browsers drop a cookie whose domain is a
 * single label (`com`, as a public suffix) or does not domain-match the request's `host`, when known
 * (RFC 6265 §5.3 steps 5–6): each is refused, saying what could not be done. Public suffixes of more
 * labels (`co.uk`, `github.io`) are dropped too but not refused here: knowing them takes the Public
 * Suffix List, some ten thousand rules that change every few weeks, too much to carry and keep current.
 */
function domainAttribute(domain: string | undefined, doing: string, host?: string): string {
  // A leading dot is ignored (§5.2.3); host names compare case-insensitively (§5.1.3).
  const bare = domain?.replace(/^\./, '').toLowerCase() ?? '';
  const fault =
    domain === undefined
      ? ''
      : !/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(domain)
        ? 'is not a host name'
        : !bare.includes('.')
          ? 'is a single label, which browsers take for a public suffix and set no cookie for'
          : host && host !== bare && (/^[\d.]+$/.test(host) || !host.endsWith(`.${bare}`))
            ? // An address has no parent domain: 0.0.1 is not one of 127.0.0.1 (RFC 6265 §5.1.3).
              `is not the request's host ${host} or a parent domain of it, which browsers require`
            : '';
  if (fault) throw new TypeError(`[referkit] Could not ${doing}: the domain "${domain}" ${fault}.`);
  // Written without the dot: a domain-value is a host name (§4.1.1), the dot only tolerated by browsers.
  return bare ? `; Domain=${bare}` : '';
}

/** The host name of an absolute URL (lower-cased by the URL parser), or `undefined` for a relative one. */
const hostOf = (url: string | URL) => {
  try {
    return new URL(url).hostname;
  } catch {}
};

/** Options of {@link landingCookie}. */
export interface LandingCookieOptions {
  /** @default 'ref' */
  param?: string | undefined;
  /** @default 30 */
  windowDays?: number | undefined;
  /** With `first_touch`, a referral still valid in `cookie` is kept. @default 'last_touch' */
  model?: AttributionModel | undefined;
  /** The request's `Cookie` header. */
  cookie?: string | null | undefined;
  /**
   * The cookie's domain, for a checkout on a sibling subdomain: the request's host or a parent domain of
   * it of two labels or more (`shop.example` for `www.shop.example`; `url`'s host, when it is absolute;
   * an IP address has none, only itself).
   * Anything but a host name, a single label (`com`) or a domain the host is not within throws. A public
   * suffix of more labels (`co.uk`) is not checked, and browsers drop it: pass the registrable domain.
   */
  domain?: string | undefined;
  /** @default new Date() */
  now?: Date | undefined;
}

/**
 * The `Set-Cookie` value that remembers a landing request's referral for the whole window
 * (`HttpOnly; Secure; SameSite=Lax; Path=/`), or `null` when the URL carries no valid code
 * or first touch keeps an earlier referral. Browsers keep no cookie past 400 days: a longer window's
 * cookie lasts 400 (keep such referrals with the customer's account for the rest of it).
 * @example
 * const cookie = landingCookie(request.url, { cookie: request.headers.get('cookie') });
 * if (cookie) response.headers.append('set-cookie', cookie);
 */
export function landingCookie(url: string | URL, options: LandingCookieOptions = {}): string | null {
  const { now = new Date() } = options;
  const windowDays = usableWindow(options.windowDays ?? 30);
  const domain = domainAttribute(options.domain, 'set the landing cookie', hostOf(url));
  const found = readReferral(url, options.param);
  if (!found || (options.model === 'first_touch' && readLandingCookie(options.cookie, now))) return null;
  const referral: Referral = {
    ...found,
    landedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + windowDays * 864e5).toISOString(),
  };
  // Max-Age is whole seconds (RFC 6265 §5.2.2): Chromium ignores `60479.99999999999`, from 0.7 days,
  // and keeps the cookie for the session only. A window past 400 days says so in the header, as it
  // will be kept, rather than in a Max-Age browsers cut to 400 days without a word.
  const seconds = Math.min(Math.round(windowDays * 86400), COOKIE_LIFETIME_LIMIT);
  return landingSetCookie(encodeURIComponent(JSON.stringify(referral)), seconds, domain);
}

/** Options of {@link clearLandingCookie}. */
export interface ClearLandingCookieOptions {
  /** The domain the cookie was set with (`landingCookie`'s `domain`); without one, the host-only cookie. */
  domain?: string | undefined;
}

/**
 * The `Set-Cookie` value that expires the landing cookie. Page script cannot remove an HttpOnly cookie
 * (the SDK's `setConsent('denied')` clears only what the page stored): a server answers a visitor's
 * denial of consent with this, for each `domain` it has set the cookie with.
 * @example
 * if (consent === 'denied') response.headers.append('set-cookie', clearLandingCookie({ domain: 'shop.example' }));
 */
export function clearLandingCookie(options: ClearLandingCookieOptions = {}): string {
  return landingSetCookie('', 0, domainAttribute(options.domain, 'clear the landing cookie'));
}

/** Options of {@link readLandingCookie}. */
export interface ReadLandingCookieOptions {
  /** @default new Date() */
  now?: Date | undefined;
  /** Which referral counts when there are several: the latest landing, or the earliest under `first_touch`. @default 'last_touch' */
  model?: AttributionModel | undefined;
}

/**
 * Reads the referral from a request's `Cookie` header when the checkout starts, from the server-set
 * cookie and the one the browser SDK wrote (`rk_ref`): of several, the one the attribution model credits
 * (the latest landing, or the earliest under `first_touch`), as the SDK would. `null` when no copy is an
 * unexpired, well-formed referral, whose `landedAt` is an ISO time as the SDK writes it
 * (`2026-11-22T10:00:00.000Z`); one ahead of `now` is read as `now`. The second argument may also be the
 * time alone. Read it at a request of the shop's own site and keep it with the order: both cookies are
 * `SameSite=Lax`, so the return from a payment page by a cross-site POST (3-D Secure) brings neither,
 * and a payment webhook brings no cookie at all.
 * @example
 * // When the checkout starts: kept with the order, for redeem() once it is paid.
 * order.referral = readLandingCookie(request.headers.get('cookie'), { model: 'first_touch' });
 */
export function readLandingCookie(
  cookieHeader: string | null | undefined,
  options: Date | ReadLandingCookieOptions = {},
): Referral | null {
  // A time is told from options by its tag, not `instanceof`, which fails for a Date of another realm.
  const { now = new Date(), model } =
    Object.prototype.toString.call(options) === '[object Date]'
      ? { now: options as Date }
      : (options as ReadLandingCookieOptions);
  let credited: Referral | null = null;
  // A header that is not text has no cookies; a cookie sent twice (a changed Domain leaves an old copy
  // behind) is read copy by copy, so that a stale or junk one does not hide a good one. A single-page app
  // lands without a request, so the SDK's cookie may hold a later landing than the server's. A value may
  // come in DQUOTEs (RFC 6265 §4.1.1), and a header that a proxy or framework joined may start with a space.
  const values = (name: string) =>
    typeof cookieHeader === 'string'
      ? [...cookieHeader.matchAll(new RegExp(`(?:^|;)\\s*${name}=(?:"([^";]*)"|([^;]*))`, 'g'))].map(
          (match) => match[1] ?? match[2],
        )
      : [];
  for (const value of [...values(LANDING_COOKIE), ...values('rk_ref')]) {
    let stored: Referral | undefined;
    try {
      stored = value ? JSON.parse(decodeURIComponent(value)) : undefined;
    } catch {}
    // The cookie comes from the client: only a well-formed, unexpired referral is trusted as one. Its
    // landing time is sent on in a redemption, so it must be one the receiver takes: an ISO time as the
    // SDK writes it (not a date alone), from 2000 on (see wellFormed). A time ahead of now (a browser's
    // clock that ran fast when it wrote the cookie) is read as now, as the browser SDK reads it: a landing
    // cannot have happened after the moment it is read at, and the receiver would refuse a future time.
    if (!stored || !wellFormed(stored, now.getTime())) continue;
    const { code, channel, landedAt, expiresAt } = stored;
    const at = Date.parse(landedAt) > now.getTime() ? now.toISOString() : landedAt;
    // ISO times as the SDK writes them (checked above) compare as text.
    if (!credited || (model === 'first_touch' ? at < credited.landedAt : at > credited.landedAt)) {
      credited = channel ? { code, channel, landedAt: at, expiresAt } : { code, landedAt: at, expiresAt };
    }
  }
  return credited;
}
