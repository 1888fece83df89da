/**
 * `@referkit/sdk/server`: the client for a brand's own backend, which signs every event with the
 * Standard Webhooks headers so the receiver can trust it, and the landing-cookie helpers: a server-set
 * HttpOnly cookie lasts the whole attribution window, where Safari keeps script-written cookies at most 7 days.
 */
import type { AttributionModel } from '@referkit/events';
import { EVENT_ID_PATTERN, normalizeCode } from '@referkit/events/code';
import { signEvent } from '@referkit/events/signature';
import { type Referral, usableWindow } from './attribution.js';
import { refuse } from './capture-client.js';
import { createReferkit as createClient, type ReferkitClient, type ReferkitOptions } from './client.js';
import { CHANNEL_PATTERN, readReferral } from './link.js';

export type { ReferkitClient } from './client.js';

/** Options of the server {@link createReferkit}: the browser's, plus the signing secret. */
export interface ServerReferkitOptions extends ReferkitOptions {
  /** The receiver's `whsec_…` secret; when given, every attempt is signed afresh (new timestamp, same body and id). */
  secret?: string;
}

/**
 * Creates a Referkit client for Node, Deno, Bun or a worker. With `secret`, events carry `webhook-id`
 * (the event id), `webhook-timestamp` and `webhook-signature`. A server has no captured referral:
 * pass `referral` to `redeem` (from {@link readLandingCookie}).
 * @example
 * const referkit = createReferkit({ program: 'spring-2026', endpoint: 'https://brand.example/api', secret });
 * await referkit.redeem({ orderId: '1001', order, referral: readLandingCookie(request.headers.get('cookie')) ?? undefined });
 */
export function createReferkit(options: ServerReferkitOptions): ReferkitClient {
  const { secret } = options;
  // A server has no page to read a relative endpoint against: every attempt would fail as a network
  // error and be retried in vain, so it is a final verdict at once, like a malformed secret.
  const endpointProblem = endpointProblemOf(options.endpoint);
  const send = async (input: RequestInfo | URL, init?: RequestInit) =>
    endpointProblem ? refusal('invalid_endpoint', endpointProblem) : (options.fetch ?? fetch)(input, init);
  const client = createClient(secret ? { ...options, fetch: signing(secret, send) } : { ...options, fetch: send });
  const { redeem } = client;
  // An id the receiver would refuse is refused at once, before the event is queued: sent, it would
  // come back a final 400 after the request.
  client.redeem = (input) =>
    input?.id === undefined || EVENT_ID_PATTERN.test(input.id)
      ? redeem(input)
      : refuse(
          'invalid_id',
          `[referkit] Could not redeem: ${JSON.stringify(input.id)} is not an event id (evt_ and 8–64 of A–Z, a–z, 0–9, _ and -). Make one from the order, e.g. evt_order_\${orderId}.`,
        );
  return client;
}

/** A fetch that signs each attempt afresh (new timestamp, same body and id) with the Standard Webhooks headers. */
function signing(secret: string, send: typeof fetch): typeof fetch {
  return async (input, init = {}) => {
    const body = String(init.body);
    let headers: Record<string, string>;
    try {
      headers = await signEvent({ secret, id: JSON.parse(body).id, timestamp: new Date(), body });
    } catch (error) {
      // A bad secret is a final verdict: retrying cannot fix it.
      return refusal(
        'invalid_secret',
        `[referkit] Could not sign the event: ${(error as Error).message} Pass the receiver's whsec_ secret.`,
      );
    }
    return send(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
  };
}

/** Why the endpoint cannot be reached from here, or `null` when it is an http(s) URL this runtime can resolve. */
function endpointProblemOf(endpoint: string): string | null {
  let url: URL | undefined;
  try {
    // A worker or Deno with a location resolves a relative endpoint as a page would.
    url = new URL(endpoint, globalThis.location?.href);
  } catch {}
  return url && /^https?:$/.test(url.protocol)
    ? null
    : `[referkit] Could not send the event: the endpoint "${endpoint}" is not an absolute http(s) URL. On a server, pass the receiver's full URL, e.g. https://brand.example/api.`;
}

/** A final answer made here, without a request: the outbox reads a 400 with an error code as a verdict. */
function refusal(code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status: 400 });
}

/** 2000-01-01: the receiver refuses earlier times (`past_timestamp`). */
const EARLIEST = Date.UTC(2000, 0, 1);

/** The name of the server-set referral cookie. */
export const LANDING_COOKIE = 'rk_landing';

/** The landing cookie's `Set-Cookie` value, with the same attributes whether it is set or cleared (`seconds` 0). */
const landingSetCookie = (value: string, seconds: number, domain: string) =>
  `${LANDING_COOKIE}=${value}; Path=/; Max-Age=${seconds}; HttpOnly; Secure; SameSite=Lax${domain}`;

/**
 * `; Domain=…` for the landing cookie, or nothing without a domain. Anything but a host name would add
 * attributes of its own to the cookie (`x; SameSite=None`): it is refused, saying what could not be done.
 */
function domainAttribute(domain: string | undefined, doing: string): string {
  if (domain !== undefined && !/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(domain))
    throw new TypeError(`[referkit] Could not ${doing}: the domain "${domain}" is not a host name.`);
  return domain ? `; Domain=${domain}` : '';
}

/** Options of {@link landingCookie}. */
export interface LandingCookieOptions {
  /** @default 'ref' */
  param?: string;
  /** @default 30 */
  windowDays?: number;
  /** With `first_touch`, a referral still valid in `cookie` is kept. @default 'last_touch' */
  model?: AttributionModel;
  /** The request's `Cookie` header. */
  cookie?: string | null;
  /** The cookie's domain, for a checkout on a sibling subdomain. */
  domain?: string;
  /** @default new Date() */
  now?: Date;
}

/**
 * The `Set-Cookie` value that remembers a landing request's referral for the whole window
 * (`HttpOnly; Secure; SameSite=Lax; Path=/`), or `null` when the URL carries no valid code
 * or first touch keeps an earlier referral.
 * @example
 * const cookie = landingCookie(request.url, { cookie: request.headers.get('cookie') });
 * if (cookie) response.headers.append('set-cookie', cookie);
 */
export function landingCookie(url: string | URL, options: LandingCookieOptions = {}): string | null {
  const { now = new Date() } = options;
  const windowDays = usableWindow(options.windowDays ?? 30);
  const domain = domainAttribute(options.domain, 'set the landing cookie');
  const found = readReferral(url, options.param);
  if (!found || (options.model === 'first_touch' && readLandingCookie(options.cookie, now))) return null;
  const referral: Referral = {
    ...found,
    landedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + windowDays * 864e5).toISOString(),
  };
  // Max-Age is whole seconds (RFC 6265 §5.2.2): Chromium ignores `60479.99999999999`, from 0.7 days,
  // and keeps the cookie for the session only.
  return landingSetCookie(encodeURIComponent(JSON.stringify(referral)), Math.round(windowDays * 86400), domain);
}

/** Options of {@link clearLandingCookie}. */
export interface ClearLandingCookieOptions {
  /** The domain the cookie was set with (`landingCookie`'s `domain`); without one, the host-only cookie. */
  domain?: string;
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
  now?: Date;
  /** Which referral counts when there are several: the latest landing, or the earliest under `first_touch`. @default 'last_touch' */
  model?: AttributionModel;
}

/**
 * Reads the referral from a request's `Cookie` header at checkout, from the server-set cookie and the
 * one the browser SDK wrote (`rk_ref`): of several, the one the attribution model credits (the latest
 * landing, or the earliest under `first_touch`), as the SDK would. `null` when no copy is an unexpired,
 * well-formed referral, whose `landedAt` is an ISO time as the SDK writes it (`2026-11-22T10:00:00.000Z`);
 * one ahead of `now` is read as `now`. The second argument may also be the time alone.
 * @example
 * const referral = readLandingCookie(request.headers.get('cookie'), { model: 'first_touch' });
 */
export function readLandingCookie(
  cookieHeader: string | null | undefined,
  options: Date | ReadLandingCookieOptions = {},
): Referral | null {
  const { now = new Date(), model } = options instanceof Date ? { now: options } : options;
  let credited: Referral | null = null;
  // A header that is not text has no cookies; a cookie sent twice (a changed Domain leaves an old copy
  // behind) is read copy by copy, so that a stale or junk one does not hide a good one. A single-page app
  // lands without a request, so the SDK's cookie may hold a later landing than the server's.
  const values = (name: string) =>
    typeof cookieHeader === 'string'
      ? [...cookieHeader.matchAll(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`, 'g'))].map((match) => match[1])
      : [];
  for (const value of [...values(LANDING_COOKIE), ...values('rk_ref')]) {
    let stored: Partial<Referral> | undefined;
    try {
      stored = value ? JSON.parse(decodeURIComponent(value)) : undefined;
    } catch {}
    // The cookie comes from the client: only a well-formed, unexpired referral is trusted as one. Its
    // landing time is sent on in a redemption, so it must be one the receiver takes: an ISO time as the
    // SDK writes it (not a date alone), from 2000 on. A time ahead of now (a browser's clock that ran
    // fast when it wrote the cookie) is read as now, as the browser SDK reads it: a landing cannot have
    // happened after the moment it is read at, and the receiver would refuse a future time.
    const { code, channel, landedAt = '', expiresAt = '' } = stored ?? {};
    const landed = Date.parse(landedAt);
    const at = landed > now.getTime() ? now.toISOString() : landedAt;
    if (
      code &&
      normalizeCode(code) === code &&
      (!channel || CHANNEL_PATTERN.test(channel)) &&
      landed >= EARLIEST &&
      new Date(landed).toISOString() === landedAt &&
      landed < Date.parse(expiresAt) &&
      Date.parse(expiresAt) > now.getTime() &&
      // ISO times as the SDK writes them (checked above) compare as text.
      (!credited || (model === 'first_touch' ? at < credited.landedAt : at > credited.landedAt))
    ) {
      credited = channel ? { code, channel, landedAt: at, expiresAt } : { code, landedAt: at, expiresAt };
    }
  }
  return credited;
}
