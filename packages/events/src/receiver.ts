/**
 * The receiver: one function that turns a posted event into a verdict and records it exactly once.
 * In order: method, content type, size (counted while reading), signature over the raw bytes,
 * JSON, schema, program and code, order confirmation, then claim + rules + rewards + record in
 * one store commit. Every refusal is JSON with a stable `error.code`; bad input never gets a 5xx.
 */
import type { Ambassador } from './ambassador.js';
import type { Callback } from './callback.js';
import { checkedAmbassador } from './checked-ambassador.js';
import { countsNeeded } from './counts-needed.js';
import type { RedemptionEvent, ReferralEvent, ReversalEvent } from './event.js';
import { claimsFor } from './idempotency.js';
import { CLOCK_SKEW_SEC, type Issue, parseEvent } from './parse-event.js';
import { type Program, type ProgramInput, programSchema } from './program.js';
import { exceeds, rawBytes, readBody } from './read-body.js';
import { type HeaderSource, readHeader } from './read-header.js';
import { type RedemptionRewards, rewardsFor, standingOf } from './rewards.js';
import { checkRedemption, checkReversal, type RuleError, ruleError } from './rules.js';
import { checkSignature, secretBytes } from './signature.js';
import type { CommitResult, Decision, LedgerHistory, ReferralStore } from './stores/store.js';
import { explainUnmigrated } from './stores/unmigrated.js';
import { formatTime, parseTime } from './time.js';

/** Options of {@link createReceiver}. */
export interface ReceiverOptions {
  /** The programs this receiver accepts events for, parsed with `programSchema` at creation. */
  programs: readonly (Program | ProgramInput)[];
  /**
   * Finds the ambassador of a code in the event's program; `null` refuses the event with
   * `unknown_code`, so one program's code never redeems on another's terms. The answer is checked
   * against `ambassadorSchema` (an `AmbassadorInput` gets its defaults, fields of its own are dropped,
   * `Date` times are read); one the rules cannot read is a lookup defect, answered
   * `503 store_unavailable` and told to `onError`. Freeze it to have it checked once.
   */
  resolveCode(code: string, program: string): Ambassador | null | Promise<Ambassador | null>;
  store: ReferralStore;
  /**
   * The Standard Webhooks secret(s). When set, unsigned requests are refused. Given as `undefined` (an
   * unset environment variable), creation throws rather than take unsigned claims unasked: leave the key
   * out for a receiver of unsigned claims, confirmed by `confirmOrder`.
   */
  secret?: string | readonly string[] | undefined;
  /**
   * Confirms an unsigned redemption or reversal against the brand's orders (a browser's event is a
   * claim). Without a `secret`, such events count only when this returns true.
   */
  confirmOrder?: Callback<[event: RedemptionEvent | ReversalEvent], boolean | Promise<boolean>> | undefined;
  /**
   * The clock: an event's arrival (time checks, signature tolerance) and, read again by the store once
   * it holds the event's locks, the moment the event is recorded. @default () => new Date()
   */
  now?: (() => Date) | undefined;
  /** The largest body accepted, in bytes. @default 65536 */
  maxBodyBytes?: number | undefined;
  /** How long a body may take to arrive before the request is answered 408. @default 10000 */
  bodyTimeoutMs?: number | undefined;
  /** The signature timestamp tolerance, either way. @default 300 */
  toleranceSec?: number | undefined;
  /**
   * How far ahead of the receiver's clock an event's `occurredAt` or `landedAt` may be, in seconds:
   * room for senders' clocks that run fast. A later time is refused (`400 invalid_event`,
   * `future_timestamp`); `@referkit/sdk` keeps such an event and sends it again later.
   * @default 300
   */
  clockSkewSec?: number | undefined;
  /**
   * How long before the receiver's clock an unsigned landing's or share's `occurredAt` counts as it is,
   * in seconds: room for a browser's outbox that sends it late (at the next visit, after an outage).
   * Anyone can post one, and a share counts toward a contribution period by its time, so one claimed
   * earlier is recorded as this long before the receiver's clock: counted, never refused (a refusal
   * would drop a late share for good), but unable to fill a period long past. Signed events, the
   * brand's own server's, keep their time.
   * @default 604800 (a week: the time idempotency keys are kept, `IDEMPOTENCY_RETENTION_DAYS`)
   */
  lateDeliverySec?: number | undefined;
  /**
   * How long after a signed reversal's `occurredAt` the receiver waits for its order's redemption, in
   * seconds. A shop that refunds at once may send the reversal while the redemption is still in an
   * outbox, retried after a `503`: until then such a reversal is answered `503 redemption_pending`,
   * nothing recorded, so that the sender retries it; after, `422 unknown_order`, so that a reversal of
   * an order that never redeemed is not retried for ever. `0` answers `unknown_order` at once, as for an
   * unsigned reversal, which is never waited for.
   * @default 300 (five minutes)
   */
  reversalWaitSec?: number | undefined;
  /**
   * Told what went wrong when the answer cannot say it: a store or lookup that threw (answered
   * `503 store_unavailable`), a program whose terms name another currency than its ledger's redemptions
   * (`503 program_currency_changed`), or the receiver's own code (`500 internal_error`). Log or alert
   * here; the answer is the same whatever this does, and a throw from it is ignored.
   * @default nothing
   */
  onError?: Callback<[error: unknown, failure: ReceiverFailure], void> | undefined;
}

/** What {@link ReceiverOptions.onError} is told beside the error. */
export interface ReceiverFailure {
  status: 500 | 503;
  code: 'internal_error' | 'store_unavailable' | 'program_currency_changed';
  /** The event, when it was read before the failure. */
  event?: ReferralEvent;
}

/** The JSON body of an answer. */
export type ReceiverBody =
  | { status: 'recorded' | 'duplicate'; rewards?: RedemptionRewards }
  | { error: { code: string; message: string; issues?: Issue[] } };

/** An answer as plain data, for frameworks without Fetch. */
export interface ReceiverAnswer {
  status: number;
  body: ReceiverBody;
  /**
   * Headers the answer must carry besides its JSON content type, for an adapter to copy: `allow: POST`
   * on a `405` (RFC 9110 §15.5.6). The Fetch handler sends the same ones.
   */
  headers?: Record<string, string>;
}

/** What {@link Receiver.handle} takes: a request already read by the framework. */
export interface RawDelivery {
  /** @default 'POST' (Node's `req.method` is typed `string | undefined`, so undefined is taken too). */
  method?: string | undefined;
  headers: HeaderSource;
  /**
   * The raw body: signatures are verified over these exact bytes. Text, or bytes as an `ArrayBuffer` or
   * any view of one (a Buffer, a `Uint8Array`, a `DataView`); `null` or `undefined` is an empty body.
   */
  body: string | ArrayBufferView | ArrayBuffer | null | undefined;
}

/** A Fetch handler with a `.handle` for frameworks without Fetch. */
export interface Receiver {
  (request: Request): Promise<Response>;
  handle(delivery: RawDelivery): Promise<ReceiverAnswer>;
}

// A week, as long as idempotency keys are kept (IDEMPOTENCY_RETENTION_DAYS) and a leader's repeat order
// waits for its first (rewards.ts): the project's room for an outbox delivering late.
const LATE_DELIVERY_SEC = 604_800;
// Five minutes: room for the run of retries of a redemption that met a 503 (the SDK's five attempts last
// about a minute at most, with their timeouts) and a flush after it, while a shop that reports the
// refund of an order whose redemption was refused, or never sent, has its final answer within minutes.
const REVERSAL_WAIT_SEC = 300;
// RFC 9110 §8.3.1 and §5.6.6: `application/json`, then parameters, each a `;` and an optional `name=value`,
// the value a token or a quoted string. Spaces before a `;` go with it and those after it with its parameter,
// so a header reads one way only, in time linear in its length however many `;` it holds (a pattern that let
// either take them would try every split, exponential in the count of `; ;`).
const TOKEN = /[!#$%&'*+.^_`|~0-9a-z-]+/.source;
const QUOTED = /"(?:[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\t\x20-\x7e\x80-\xff])*"/.source;
const JSON_TYPE = new RegExp(`^application/json(?:[ \t]*;(?:[ \t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))?)*[ \t]*$`, 'i');
// `identity` (or none) is the only content coding the receiver reads; `gzip, identity` is not one.
const IDENTITY_CODING = /^(?:\s*identity\s*(?:,|$))*$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Creates a receiver for the brand's backend. Besides the contract's answers (`201`, `200`, `400`,
 * `401`, `405`, `409`, `413`, `415`, `422`, `503 store_unavailable|first_order_pending|redemption_pending|program_currency_changed`), it answers
 * `408 request_timeout` when a body stalls past `bodyTimeoutMs`, and `500 internal_error` when its
 * own code fails, the rules and rewards inside the commit included; nothing is recorded then.
 * @example
 * const store = memoryStore();
 * const receive = createReceiver({ programs: [program], store, secret, resolveCode: (code, program) => store.ambassadorByCode(code, program) });
 * app.post('/api/referrals/events', (c) => receive(c.req.raw));
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const programs = new Map<string, Program>();
  /** Per program, how far a store must count an ambassador's first orders (counts-needed.ts). */
  const countUpTo = new Map<string, number>();
  for (const input of options.programs) {
    const program = programSchema.parse(input);
    // Two brands' lists merged, or a program added again with new terms: the last would silently take
    // the first's events, in its own currency and rewards.
    if (programs.has(program.id))
      throw new TypeError(
        `[referkit] Could not create the receiver: two programs have the id "${program.id}". Give each its own id, or pass the one whose terms hold now.`,
      );
    programs.set(program.id, program);
    countUpTo.set(program.id, countsNeeded(program));
  }
  // `secret: process.env.X` with X unset would silently turn a signed receiver into one of unsigned claims:
  // forged landings recorded, and the shop's signed redemptions refused for want of confirmOrder.
  if ('secret' in options && options.secret === undefined)
    throw new TypeError(
      '[referkit] Could not create the receiver: `secret` is undefined (an unset environment variable?). Pass the whsec_ secret, or leave `secret` out to take unsigned claims with confirmOrder.',
    );
  const secrets =
    options.secret === undefined
      ? undefined
      : typeof options.secret === 'string'
        ? [options.secret]
        : [...options.secret];
  // A bad secret is a deployment mistake: fail at start, not on the first delivery.
  secrets?.forEach(secretBytes);
  if (secrets?.length === 0)
    throw new TypeError(
      '[referkit] Could not create the receiver: `secret` is an empty list. Pass a secret or leave it out.',
    );
  // A skew read from the environment may be NaN, which would turn the future check off without a word.
  for (const name of ['clockSkewSec', 'lateDeliverySec', 'reversalWaitSec'] as const) {
    const seconds = options[name];
    if (seconds !== undefined && !(seconds >= 0 && seconds < Infinity))
      throw new RangeError(`[referkit] Could not create the receiver: ${name} is ${seconds}. Pass seconds, 0 or more.`);
  }
  const lateDeliveryMs = (options.lateDeliverySec ?? LATE_DELIVERY_SEC) * 1000;
  const reversalWaitMs = (options.reversalWaitSec ?? REVERSAL_WAIT_SEC) * 1000;
  const clockSkewMs = (options.clockSkewSec ?? CLOCK_SKEW_SEC) * 1000;
  const now = options.now ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;

  // The programs whose changed currency was logged: every sender retries, and one line says it.
  const currencyLogged = new Set<string>();

  /** Hands a failure to `onError`; an operator's logger that throws must not change the answer. */
  function report(error: unknown, failure: ReceiverFailure) {
    try {
      options.onError?.(error, failure);
    } catch {}
  }

  async function handle(delivery: RawDelivery): Promise<ReceiverAnswer> {
    try {
      return await decide(delivery);
    } catch (error) {
      // Input cannot get here (every step returns a verdict, and the rules and rewards are pure):
      // this is a defect of the receiver, not a store outage, so it is not a 503.
      const defect = error instanceof DecisionDefect;
      report(defect ? error.cause : error, {
        status: 500,
        code: 'internal_error',
        ...(defect ? { event: error.event } : {}),
      });
      return fail(500, 'internal_error', 'The receiver failed unexpectedly; nothing was recorded.');
    }
  }

  /** The answer when the mounting, not the sender, lost the request's bytes: `onError` is told how to mount it. */
  function notRaw(how: string): ReceiverAnswer {
    report(new Error(how), { status: 500, code: 'internal_error' });
    return fail(500, 'internal_error', 'The receiver was not given the raw request body; nothing was recorded.');
  }

  async function decide(delivery: RawDelivery): Promise<ReceiverAnswer> {
    // A framework that hands over no headers, or no delivery at all, gets the answer for a request
    // without them: readHeader reads missing headers as none.
    const headers = delivery?.headers;
    const method = delivery?.method;
    if (typeof method === 'string' && method.toUpperCase() !== 'POST') return methodNotAllowed();
    const unsupported = unsupportedMedia(headers);
    if (unsupported) return unsupported;
    const raw = rawBytes(delivery?.body);
    // A request that declared bytes (a Content-Length above 0) handed over parsed (`express.json()` ran
    // first) or not at all (no raw parser on the route) is a mistake of the mounting, not of the event: as
    // with a Request whose body was read, a 500 told to onError, which the sender retries until the route
    // is fixed. A 4xx would have it drop a valid redemption for good. Otherwise it is the sender's request
    // (Express 4's raw parser hands over `{}` for an empty one; chunks may have been none): a 4xx, which no
    // one can turn into a 500 and an operator's alert.
    if ((raw === null || !raw.length) && Number(readHeader(headers, 'content-length')) > 0) return notRaw(BODY_NOT_RAW);
    if (raw === null)
      return fail(400, 'invalid_json', 'Expected the raw body as a string or bytes, not a parsed value');
    if (exceeds(raw, maxBodyBytes))
      return fail(413, 'payload_too_large', `Expected a body of at most ${maxBodyBytes} bytes`);
    const at = now();
    let webhookId: string | undefined;
    if (secrets) {
      const checked = checkSignature(secrets, {
        headers,
        body: raw,
        now: at,
        toleranceSec: options.toleranceSec,
      });
      // node:crypto answers at once; only WebCrypto's verdict is waited for.
      const verdict = checked instanceof Promise ? await checked : checked;
      if (!verdict.ok) return fail(401, verdict.error.code, verdict.error.message);
      webhookId = verdict.value.id;
    }
    let text: string;
    let input: unknown;
    try {
      // A byte order mark before the JSON is ignored, as RFC 8259 §8.1 allows and TextDecoder does with
      // bytes: the same signed delivery gets one answer whether a framework hands over text or bytes.
      text = typeof raw === 'string' ? raw.replace(/^\uFEFF/, '') : decoder.decode(raw);
      input = JSON.parse(text);
    } catch {
      return fail(400, 'invalid_json', 'Expected a body of valid UTF-8 JSON');
    }
    const parsed = parseEvent(input, { now: at, clockSkewSec: options.clockSkewSec });
    if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
    const event = parsed.value;
    const program = programs.get(event.program);
    if (!program) return refuse(ruleError('unknown_program', ['program']));
    // resolveCode, confirmOrder and the store reach other systems: when they throw, the answer is
    // a retryable 503 and nothing is recorded (the commit is one transaction). The rules and the
    // rewards run inside the commit too, but a throw there is a defect of ours: rethrown, it is a 500.
    let result: CommitResult;
    try {
      // A lookup in a map answers at once: waiting a turn of the event loop is only for one that does not.
      const resolved = options.resolveCode(event.code, event.program);
      const ambassador = checkedAmbassador(isThenable(resolved) ? await resolved : resolved, event.code);
      // From pages (no secret), an unknown code or an order the shop does not confirm is refused before the
      // store: a forged event costs no transaction and learns nothing of the ledger (which orders it holds).
      if (!secrets) {
        if (!ambassador) return refuse(ruleError('unknown_code', ['code']));
        if (
          (event.type === 'redemption' || event.type === 'reversal') &&
          (options.confirmOrder ? await options.confirmOrder(event) : false) !== true
        )
          return refuse(ruleError('order_not_confirmed', ['orderId']));
      }
      // A signed sender's unknown code is judged inside the commit, after the event's keys are read: a
      // replay of what the ledger holds stays a duplicate once the ambassador has left the program, not a
      // 422 telling the brand's server that its recorded order was refused, and a reversal of a recorded
      // redemption takes its reward back.
      // Keys and fingerprints are the event's as sent, so that a page sending it again gets `duplicate`.
      const recorded = secrets ? event : noEarlierThan(event, at.getTime() - lateDeliveryMs);
      // A signed reversal is the shop's word that the order was redeemed, and its redemption may still be
      // on its way: waited for while the reversal is young. An unsigned one's order was confirmed by then.
      const awaitsRedemption =
        !!secrets && event.type === 'reversal' && at.getTime() - parseTime(event.occurredAt) < reversalWaitMs;
      result = await options.store.commit({
        claims: claimsFor(event, webhookId),
        event: recorded,
        recordedAt: at,
        // The store reads the clock again once the event is ordered among its code's: the moment it records at.
        now,
        countUpTo: countUpTo.get(program.id),
        // bind, not an arrow: no closure to create and name on the hot path.
        decide: decideInCommit.bind(null, program, ambassador, recorded, awaitsRedemption, clockSkewMs),
      });
    } catch (error) {
      if (error instanceof DecisionDefect) throw error;
      if (error instanceof ProgramCurrencyChanged) {
        // The brand's configuration, not the sender's event: a 4xx would have the SDK drop the order for
        // good, a 5xx keeps it in its outbox until the program's currency is the ledger's again.
        if (!currencyLogged.has(error.message)) {
          currencyLogged.add(error.message);
          console.error(error.message);
        }
        report(error, { status: 503, code: 'program_currency_changed', event });
        return fail(
          503,
          'program_currency_changed',
          "The program's currency is not the one its ledger holds; nothing was recorded. Retry later.",
        );
      }
      report(explainUnmigrated(error), { status: 503, code: 'store_unavailable', event });
      return fail(503, 'store_unavailable', 'The store is unavailable; nothing was recorded. Retry later.');
    }
    switch (result.status) {
      case 'recorded':
        return { status: 201, body: answer('recorded', event, result.rewards) };
      case 'duplicate':
        return { status: 200, body: answer('duplicate', event, result.rewards) };
      case 'conflict':
        return fail(409, 'idempotency_conflict', 'This key was first recorded with different content');
      case 'rejected':
        // No verdict yet: the sender's retry (an outbox retries any 5xx) comes after the first order, or
        // after the reversed order's redemption.
        return refuse(result.error, /^(first_order|redemption)_pending$/.test(result.error.code) ? 503 : 422);
    }
  }

  async function receive(request: Request): Promise<Response> {
    if (request.method.toUpperCase() !== 'POST') return toResponse(methodNotAllowed());
    const unsupported = unsupportedMedia(request.headers);
    if (unsupported) return toResponse(unsupported);
    const declared = request.headers.get('content-length');
    if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBodyBytes) {
      await request.body?.cancel().catch(() => {});
      return toResponse(fail(413, 'payload_too_large', `Expected a body of at most ${maxBodyBytes} bytes`));
    }
    const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
    if (body === 'too_large')
      return toResponse(fail(413, 'payload_too_large', `Expected a body of at most ${maxBodyBytes} bytes`));
    if (body === 'timeout') return toResponse(fail(408, 'request_timeout', 'The body did not arrive in time'));
    if (body === 'unreadable') return toResponse(fail(400, 'invalid_json', 'The body could not be read'));
    if (body === 'consumed') {
      // A mistake of the mounting (a middleware parsed the body first), not of the event: a 4xx would
      // make @referkit/sdk drop a redemption that is valid, while a 5xx keeps it in the outbox, retried
      // until the deployment is fixed. So it is the receiver's own failure, 500 internal_error, told to onError.
      return toResponse(notRaw(BODY_CONSUMED));
    }
    return toResponse(await handle({ method: 'POST', headers: request.headers, body }));
  }

  return Object.assign(receive, { handle });
}

/** Thrown out of a commit when the receiver's own decision code fails, so that it is not taken for a store outage. */
class DecisionDefect extends Error {
  constructor(
    cause: unknown,
    readonly event: ReferralEvent,
  ) {
    super('[referkit] The decision on an event threw inside the store commit.', { cause });
  }
}

/**
 * Thrown out of a commit when a program's terms name another currency than the redemptions its ledger
 * holds (its config changed after it recorded some): the rules compare an order with the terms alone,
 * and stats would add the two currencies' minor units under one label.
 */
class ProgramCurrencyChanged extends Error {
  constructor(program: Program, held: string) {
    super(
      `[referkit] Could not record a redemption of ${program.id}: the program is set up in ${program.currency}, but its ledger holds redemptions in ${held}, and its figures would add the two. Set its currency back to ${held}, or give the program in ${program.currency} a new id; senders keep the events meanwhile.`,
    );
  }
}

function decideInCommit(
  program: Program,
  ambassador: Ambassador | null,
  event: ReferralEvent,
  awaitsRedemption: boolean,
  clockSkewMs: number,
  history: LedgerHistory,
): Decision {
  // Outside the try: not a defect of the decision, but of the brand's config, answered 503.
  const held = history.currency;
  if (event.type === 'redemption' && held && held !== program.currency) throw new ProgramCurrencyChanged(program, held);
  // A reversal of a known code whose order the ledger holds no redemption of yet: no verdict while it is
  // waited for (an unknown code's is refused at once, as is a reversal of a redemption already reversed).
  if (awaitsRedemption && ambassador && !history.redemption)
    return { ok: false, error: ruleError('redemption_pending', ['orderId']) };
  try {
    return decideOn(program, ambassador, event, clockSkewMs, history);
  } catch (cause) {
    throw new DecisionDefect(cause, event);
  }
}

function decideOn(
  program: Program,
  ambassador: Ambassador | null,
  event: ReferralEvent,
  clockSkewMs: number,
  history: LedgerHistory,
): Decision {
  // A reversal needs no ambassador: it takes back the ledger's own redemption under the same code. Never
  // redeemed under this code, or already reversed, it is refused, and so is one dated before its order
  // (beyond clock skew: checkReversal). A store that prunes keys answers a
  // reversal replayed after its key expired from its ledger before taking this refusal (sql-store.ts).
  if (event.type === 'reversal') {
    if (history.redemption && !history.redemption.reversedAt) {
      const refusal = checkReversal(event, history.redemption.occurredAt, clockSkewMs);
      return refusal ? { ok: false, error: refusal } : { ok: true, rewards: null };
    }
    return {
      ok: false,
      error: ambassador ? ruleError('unknown_order', ['orderId']) : ruleError('unknown_code', ['code']),
    };
  }
  if (!ambassador) return { ok: false, error: ruleError('unknown_code', ['code']) };
  if (event.type === 'redemption') {
    const standing = standingOf(program, ambassador, event, history);
    const refusal = checkRedemption(program, ambassador, event, history, standing);
    if (refusal) return { ok: false, error: refusal };
    const rewards = rewardsFor(program, ambassador, event, history, standing);
    // A retention reward is the leader's only while the order that made the customer their member stands.
    return { ok: true, rewards, repeat: standing.repeat, retention: standing.inRepeatWindow };
  }
  return { ok: true, rewards: null };
}

/**
 * An unsigned landing or share as the ledger records it: happened no earlier than `earliest` (ms since
 * the epoch). Redemptions and reversals are not moved: `confirmOrder` confirms them, their date included.
 */
function noEarlierThan(event: ReferralEvent, earliest: number): ReferralEvent {
  if ((event.type !== 'landing' && event.type !== 'share') || parseTime(event.occurredAt) >= earliest) return event;
  return { ...event, occurredAt: formatTime(earliest) };
}

function answer(
  status: 'recorded' | 'duplicate',
  event: ReferralEvent,
  rewards: RedemptionRewards | null,
): ReceiverBody {
  return event.type === 'redemption' && rewards ? { status, rewards } : { status };
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

const BODY_CONSUMED =
  '[referkit] Could not read the request body: something read it before the receiver (a body parser or middleware). Pass the untouched request, as `receive(c.req.raw)` in Hono, or the raw bytes to `receive.handle`.';

const BODY_NOT_RAW =
  "[referkit] Could not read the request body: `receive.handle` was given a parsed value, or nothing where the request had a body. Take the body raw on the receiver's route, whatever its type (`express.raw({ type: () => true })`, not `express.json()`; Fastify's `parseAs: 'buffer'`), and pass those bytes.";

function methodNotAllowed(): ReceiverAnswer {
  return {
    status: 405,
    body: { error: { code: 'method_not_allowed', message: 'Expected POST' } },
    headers: { allow: 'POST' },
  };
}

/** The `415` for a body the receiver cannot read as JSON: another media type, or a content coding it does not decode. */
function unsupportedMedia(headers: HeaderSource): ReceiverAnswer | null {
  const contentType = readHeader(headers, 'content-type');
  if (!contentType || !JSON_TYPE.test(contentType))
    return fail(415, 'unsupported_media_type', 'Expected Content-Type: application/json, any parameters as name=value');
  // RFC 9110 §8.4 and §15.5.16: a coding the server does not decode is a 415. Read undecoded, a
  // gzip body would be told its signature is forged (401) or its JSON invalid (400).
  const coding = readHeader(headers, 'content-encoding');
  if (coding !== undefined && !IDENTITY_CODING.test(coding))
    return fail(
      415,
      'unsupported_media_type',
      `Expected a body without a content coding, not Content-Encoding: ${coding.slice(0, 40)}`,
    );
  return null;
}

function fail(status: number, code: string, message: string): ReceiverAnswer {
  return { status, body: { error: { code, message } } };
}

function refuse(error: RuleError, status = 422): ReceiverAnswer {
  const issues = error.path ? [{ path: error.path, code: error.code, message: error.message }] : undefined;
  return {
    status,
    body: {
      error: issues
        ? { code: error.code, message: error.message, issues }
        : { code: error.code, message: error.message },
    },
  };
}

function toResponse(answer: ReceiverAnswer): Response {
  const headers = { 'content-type': 'application/json; charset=utf-8', ...answer.headers };
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}
