/**
 * `@referkit/sdk/server`: the client for a brand's own backend, which signs every event with the
 * Standard Webhooks headers so the receiver can trust it, and the landing-cookie helpers: a server-set
 * HttpOnly cookie lasts the whole attribution window, where Safari keeps script-written cookies at most 7 days.
 */
import { EVENT_ID_PATTERN } from '@referkit/events/code';
import { signEvent } from '@referkit/events/signature';
import { refuse } from './capture-client.js';
import { createReferkit as createClient, type ReferkitClient, type ReferkitOptions } from './client.js';

export type { ReferkitClient } from './client.js';
export {
  type ClearLandingCookieOptions,
  clearLandingCookie,
  LANDING_COOKIE,
  type LandingCookieOptions,
  landingCookie,
  type ReadLandingCookieOptions,
  readLandingCookie,
} from './landing-cookie.js';

/** Options of the server {@link createReferkit}: the browser's, plus the signing secret. */
export interface ServerReferkitOptions extends ReferkitOptions {
  /**
   * The receiver's `whsec_…` secret; when given, every attempt is signed afresh (new timestamp, same
   * body and id). Given empty or `undefined` (an unset environment variable), every event is refused
   * at once with `invalid_secret`; leave the key out to send unsigned claims.
   */
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
  // A `secret` given empty or undefined is an unset variable, not a wish to post unsigned: it is
  // refused like a malformed one, rather than sent as a claim that a signing receiver refuses.
  const signs = 'secret' in options;
  const client = createClient(signs ? { ...options, fetch: signing(secret ?? '', send) } : { ...options, fetch: send });
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
