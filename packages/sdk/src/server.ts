/**
 * `@referkit/sdk/server`: the client for a brand's own backend, which signs every event with the
 * Standard Webhooks headers so the receiver can trust it, reports refunds (`reverse`), and the
 * landing-cookie helpers: a server-set HttpOnly cookie lasts the whole attribution window, where
 * Safari keeps script-written cookies at most 7 days.
 */
import type { ReversalEvent } from '@referkit/events';
import { EVENT_ID_PATTERN } from '@referkit/events/code';
import { signEvent } from '@referkit/events/signature';
import { behindRedemption, holdsRedemption } from './behind-redemption.js';
import { clientParts, refuse } from './capture-client.js';
import {
  createReferkit as createClient,
  type RedeemInput,
  type ReferkitClient,
  type ReferkitOptions,
} from './client.js';
import type { Delivery } from './delivery.js';
import { apiUrl } from './link.js';

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
  secret?: string | undefined;
  /**
   * The server's clock: the time each attempt is signed at (`webhook-timestamp`), and the
   * `occurredAt` of a `redeem` or `reverse` given none. For a backend whose tests or replays run on a
   * clock of their own, the same one its receiver checks timestamps against. A clock that throws or
   * answers no time refuses every signed event (`invalid_clock`). @default the system clock
   */
  now?: (() => Date) | undefined;
}

/** A referral as `redeem` takes it. */
type RedeemReferral = NonNullable<RedeemInput['referral']>;

/** Why an order was reversed, as the receiver reads it. */
export type ReversalReason = NonNullable<ReversalEvent['reason']>;

/** The reasons the receiver takes; `satisfies` keeps this list and the event contract's in step. */
const REVERSAL_REASONS = { refund: true, cancellation: true, fraud: true, other: true } satisfies Record<
  ReversalReason,
  true
>;

/** What {@link ServerReferkitClient.reverse} needs. */
export interface ReverseInput {
  /** The order whose redemption is taken back: the `orderId` it was redeemed with. */
  orderId: string;
  /** The code the order was redeemed with (a reversal reaches only that ambassador's ledger). */
  code: string;
  /** Why. @default none (the receiver records a reversal without a reason) */
  reason?: ReversalReason | undefined;
  /**
   * The event's id (`evt_` and 8–64 of `A-Za-z0-9_-`). A server that may report one refund again
   * passes one made from the order (`evt_refund_${orderId}`) with the refund's time, so the same
   * refund always makes the same event; any other id is refused at once (`invalid_id`). @default a random id
   */
  id?: string | undefined;
  /** When the order was refunded or cancelled, as an ISO time. @default now */
  occurredAt?: string | undefined;
}

/** The server's Referkit client: the browser's, plus {@link ServerReferkitClient.reverse}. */
export interface ServerReferkitClient extends ReferkitClient {
  /**
   * Reports that a redeemed order was refunded, cancelled or found fraudulent, so the receiver claws
   * back the ambassador's reward. Sent like `redeem`: queued, retried with the same event, signed
   * afresh each attempt. A redemption of the same order that this client still holds (queued after a
   * 503, or on its way) goes first: it is sent again, and the reversal after it; while it has no verdict
   * the reversal stays queued, unsent (`redemption_queued`). Resolves, never rejects.
   */
  reverse(input: ReverseInput): Promise<Delivery>;
}

/**
 * Creates a Referkit client for Node, Deno, Bun or a worker. With `secret`, events carry `webhook-id`
 * (the event id), `webhook-timestamp` and `webhook-signature`. A server has no captured referral:
 * pass `referral` to `redeem` (from {@link readLandingCookie}, read when the checkout starts and kept
 * with the order). Only a server reverses an order.
 * @example
 * const referkit = createReferkit({ program: 'spring-2026', endpoint: 'https://brand.example/api', secret });
 * // When the checkout starts (a same-site request; a cross-site return from a payment page brings no cookie):
 * order.referral = readLandingCookie(request.headers.get('cookie'));
 * // Once the order is paid:
 * await referkit.redeem({ orderId: order.id, order: order.totals, referral: order.referral ?? undefined });
 * await referkit.reverse({ orderId: order.id, code: 'ALEX-7HC2QK', reason: 'refund' });
 */
export function createReferkit(options: ServerReferkitOptions): ServerReferkitClient {
  const { secret, now = () => new Date() } = options;
  // A `secret` given empty or undefined is an unset variable, not a wish to post unsigned: it is
  // refused like a malformed one, rather than sent as a claim that a signing receiver refuses. The fetch
  // is looked up at each attempt, as the browser client's is. An endpoint a server cannot resolve (`/api`:
  // no page to read it against) is refused by the client itself, at once (`invalid_endpoint`).
  const send: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);
  // Where the outboxes post; read when first needed, as the client reads the endpoint when it is made.
  const url = () => apiUrl(options.endpoint, '/referrals/events');
  // Both outboxes post through it: a reversal is not sent while this client still holds its order's
  // redemption (behind-redemption.ts).
  const posting = {
    ...options,
    fetch: behindRedemption(
      () => client.storage,
      url,
      options.program,
      'secret' in options ? signing(secret ?? '', now, send) : send,
    ),
  };
  const client = createClient(posting) as ServerReferkitClient;
  // Reversals go through an outbox of their own, built by the same `clientParts` over the same signing
  // fetch and retry policy. Sharing the browser client's outbox would mean handing its `send` out of
  // `createReferkit`, and each way of doing that measured 4–10 B brotli more in the browser bundle
  // (`npm run size`), which must not pay for what only a server does. `flush` delivers both.
  // Made at the first reverse(): a server's client that never reverses has one outbox, and one set of
  // page listeners where a DOM is emulated (a vitest page with happy-dom resolves this entry), whose
  // pagehide would otherwise send every queued event twice.
  let reversals: ReturnType<typeof clientParts> | undefined;
  const { redeem, flush } = client;
  // The window a referral without `expiresAt` is judged by: the client's, 30 days when it is not a
  // usable number of days, as `usableWindow` reads it (which has logged it already).
  const windowDays = options.attribution?.windowDays ?? 30;
  const window = windowDays > 0 && windowDays < 1e5 ? windowDays : 30;
  // An id the receiver would refuse is refused at once, before the event is queued: sent, it would
  // come back a final 400 after the request. A time left out is the server clock's, read here. A
  // referral whose window had ended when the order was placed is none, as in the browser, where
  // `referral()` no longer returns it: sent, the receiver would refuse it (`attribution_expired`).
  client.redeem = (input) => {
    if (input?.id !== undefined && !EVENT_ID_PATTERN.test(input.id)) return badId('redeem', input.id);
    const occurredAt = input?.occurredAt ?? stamp(now);
    if (input?.referral && expiredBy(input.referral, occurredAt, window)) {
      return refuse('no_referral', `No live referral: its window had ended when the order was placed (${occurredAt})`);
    }
    return redeem(input && { ...input, occurredAt });
  };
  client.reverse = async (input) => {
    try {
      const { orderId, code, reason, id, occurredAt } = input;
      if (id !== undefined && !EVENT_ID_PATTERN.test(id)) return badId('reverse', id);
      if (reason !== undefined && !Object.hasOwn(REVERSAL_REASONS, reason))
        return refuse(
          'invalid_reason',
          `[referkit] Could not reverse order ${orderId}: ${JSON.stringify(reason)} is not a reason. Pass one of ${Object.keys(REVERSAL_REASONS).join(', ')}, or none.`,
        );
      if (typeof code !== 'string' || !code.trim())
        return refuse(
          'invalid_code',
          `[referkit] Could not reverse order ${orderId}: no code. Pass the code the order was redeemed with.`,
        );
      reversals ??= clientParts(posting);
      const [, sendReversal] = reversals;
      // The order's redemption still in this client goes first: one on its way is waited for, a queued one
      // sent again (a flush joins a delivery under way, never doubles it), so that the reversal finds it
      // recorded. Still without a verdict, it keeps the reversal queued behind it.
      if (holdsRedemption(client.storage, url(), options.program, orderId)) await flush();
      return await sendReversal('reversal', code, { orderId, reason }, id, occurredAt ?? stamp(now));
    } catch (error) {
      // Input that cannot even be read (no object) is refused like redeem's: resolved, never thrown.
      return refuse('invalid_event', `[referkit] Could not read reverse()'s input: ${error}`);
    }
  };
  // Redemptions first: a reversal queued behind its order's redemption goes in the same flush once that is recorded.
  client.flush = () =>
    flush()
      // The reversals' own client.
      .then(() => reversals?.[0].flush())
      .then(() => {});
  return client;
}

/**
 * Whether a referral's window had ended when the order was placed (its end excluded, as `referral()`
 * reads it in the browser): at its `expiresAt`, or `windowDays` after its `landedAt` when it has none.
 * A referral with neither, or a time that cannot be read, is left to the receiver.
 */
function expiredBy(referral: RedeemReferral, occurredAt: string | undefined, windowDays: number): boolean {
  const { landedAt, expiresAt } = referral;
  const end = expiresAt !== undefined ? Date.parse(expiresAt) : Date.parse(`${landedAt}`) + windowDays * 864e5;
  return end <= Date.parse(`${occurredAt}`);
}

/** The `invalid_id` refusal, made before anything is queued. */
function badId(method: 'redeem' | 'reverse', id: unknown): Promise<Delivery> {
  const example = method === 'redeem' ? 'evt_order_' : 'evt_refund_';
  return refuse(
    'invalid_id',
    `[referkit] Could not ${method}: ${JSON.stringify(id)} is not an event id (evt_ and 8–64 of A–Z, a–z, 0–9, _ and -). Make one from the order, e.g. ${example}\${orderId}.`,
  );
}

/** The clock's time, or undefined when it throws or answers something that is not a time. */
function timeOf(now: () => Date): Date | undefined {
  try {
    // Date.prototype.getTime throws for anything but a Date and, unlike `instanceof`, reads a Date of
    // any realm (a clock from a vm context or another frame).
    const time = Date.prototype.getTime.call(now());
    return Number.isNaN(time) ? undefined : new Date(time);
  } catch {}
}

/** The clock's time as an event's `occurredAt`; left unset (the event's own default) when it has none. */
const stamp = (now: () => Date) => timeOf(now)?.toISOString();

/** A fetch that signs each attempt afresh (new timestamp, same body and id) with the Standard Webhooks headers. */
function signing(secret: string, now: () => Date, send: typeof fetch): typeof fetch {
  return async (input, init = {}) => {
    const body = String(init.body);
    const timestamp = timeOf(now);
    // A clock that answers no time is a mistake of setup, final like a bad secret.
    if (!timestamp)
      return refusal(
        'invalid_clock',
        '[referkit] Could not sign the event: `now` answered no time. Pass a function that returns a valid Date.',
      );
    let headers: Record<string, string>;
    try {
      headers = await signEvent({ secret, id: JSON.parse(body).id, timestamp, body });
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

/** A final answer made here, without a request: the outbox reads a 400 with an error code as a verdict. */
function refusal(code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status: 400 });
}
