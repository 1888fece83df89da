/**
 * One delivery attempt: POST an event body to the receiver and classify the answer.
 * Network trouble never throws: it becomes a result, retryable or final.
 */

/** One reward the receiver says an ambassador earned for a redemption. */
export interface AmbassadorReward {
  amount: number;
  type: 'credit' | 'cash' | 'points';
  currency: string;
  status: 'pending' | 'confirmed';
  confirmsAt: string;
  reason: 'first_order' | 'repeat_order';
}

/** What the receiver says both sides earned for a redemption. */
export interface Rewards {
  friend: { discount: number; currency: string };
  ambassador: AmbassadorReward | null;
  /** A community leader's retention reward for a member's repeat order, paid beside `ambassador` on an offer for every order. */
  retention?: AmbassadorReward;
}

/**
 * Why a delivery failed: the receiver's stable `error.code` (with its `issues` for `invalid_event`),
 * or `network_error`, `timeout`, `redirected` (a browser's view of a redirect), `http_<status>` (an answer
 * without a Referkit error: a 3xx in Node, a 2xx that is not the receiver's `recorded` or `duplicate`), `future_timestamp` (an `invalid_event` only for a time the
 * receiver's clock has not reached: kept and retried), `retry_after` (an event made while the wait a
 * 429's or 503's `Retry-After` named runs: kept, not sent, and sent when the wait ends), `redemption_queued` (a server's reversal kept, unsent, behind its order's redemption, which the
 * same client still holds), `no_referral`, `invalid_code`, `invalid_id`, `invalid_program`, `invalid_endpoint`.
 * Both `code` and `message` are always text, whatever an answer's body held.
 */
export interface DeliveryError {
  code: string;
  message: string;
  issues?: { path: (string | number)[]; code: string; message: string }[];
}

/**
 * The outcome of a delivery. `queued: true` means the event is kept in the outbox and retried (next
 * page load or return to the page, `online`, `pagehide`, `flush()`); `queued: false` is a final
 * verdict. While consent is pending or storage is refused the outbox is in memory: it is retried for
 * the page's life, sent once more as the page goes, and moved to storage if consent is granted meanwhile.
 */
export type Delivery =
  | { ok: true; status: number; rewards?: Rewards }
  | { ok: false; queued: boolean; error: DeliveryError };

/** How to reach the receiver. */
export interface Transport {
  url: string;
  fetch: typeof fetch;
  /** Milliseconds before an attempt is abandoned as a timeout. @default 10000 */
  timeout?: number | undefined;
}

/** One attempt's result, and the wait in ms the server asked for (`Retry-After`), when it did. */
export type Attempt = [result: Delivery, retryAfter?: number];

/**
 * The request every delivery makes with an event body; `keepalive` lets it outlive a closing page.
 * Redirects are not followed: after a 301, 302 or 303 the POST arrives as a GET without its event, and
 * the page it lands on answers 200 as if the receiver had recorded it.
 */
export const postOf = (body: string, keepalive?: boolean, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  body,
  keepalive,
  signal,
  redirect: 'manual',
  headers: { 'content-type': 'application/json' },
});

/**
 * Sends one event body once and classifies the answer: the receiver's `recorded` or `duplicate` ok;
 * network, timeout, a redirect, another 2xx, 408, 429, 5xx and a 4xx but 400 without the receiver's
 * error code retryable; a 400 and the receiver's other 4xx final.
 */
export async function attempt(body: string, { url, fetch, timeout = 1e4 }: Transport): Promise<Attempt> {
  // Aborted by the page's own timer (setTimeout), not by AbortSignal.timeout's clock, which fake timers in
  // a brand's tests do not move: there a hung request never timed out.
  const timer = new AbortController();
  const signal = timer.signal;
  let clock: ReturnType<typeof setTimeout> | undefined;
  let response: Response | undefined;
  let answer: { status?: string; rewards?: Rewards; error?: DeliveryError } | null | undefined;
  let cut = false;
  // The timeout ends the attempt itself, not only through the signal: a fetch that ignores the signal
  // (one the page passed in) would otherwise hold the delivery, and the outbox, for ever. abort() returns
  // nothing: `late` rejects without a reason, and `signal.aborted` names the timeout below.
  const late = new Promise<never>((_, reject) => {
    clock = setTimeout(() => reject(timer.abort()), timeout);
  });
  try {
    response = await Promise.race([fetch(url, postOf(body, false, signal)), late]);
    // The status decides; a body that is not JSON only loses its details. One cut off on its way (the
    // connection lost, the timeout) is no answer: it may have said the event came early, which is kept.
    answer = await Promise.race([response.json(), late]).catch((reason) => {
      // Known by its name: a SyntaxError of another realm (an iframe's fetch, or Node's beside a vm context)
      // fails `instanceof`. An abort's Event has no name: cut off.
      cut = !/Syntax/.test(reason?.name);
    });
  } catch {}
  // The attempt has ended: no timer is left running, nor a Node process kept waiting for it.
  clearTimeout(clock);
  // A browser shows a redirect as an opaque answer of status 0; Node gives the 3xx itself.
  const status = response?.status ?? 0;
  const code = status ? `http_${status}` : response ? 'redirected' : signal.aborted ? 'timeout' : 'network_error';
  // The receiver's own refusal names its code, as text; anything else's (a route mounted elsewhere
  // answering an HTML 404, a gateway's 403, `{"error":{"code":42}}`) says nothing of the event. A page
  // shows the message: one that is not text is the generic one.
  const said = answer?.error;
  const verdict = typeof said?.code === 'string' && said.code;
  const error = (verdict ? said : { code }) as DeliveryError;
  if (typeof error.message !== 'string') error.message = `POST ${url}: ${error.code}`;
  // An event refused only for a time in the future was stamped by a device clock running fast: no
  // verdict on the event, which the receiver takes once its own clock has passed the stamp. It is
  // kept, the same body, for a later flush; retrying now, seconds later, would be refused again.
  const early = error.issues?.[0] && error.issues.every?.((issue) => issue?.code === 'future_timestamp');
  // Delivered only with the receiver's own answer, which comes with a 200 or 201 alone: an SPA's
  // fallback page or a proxy's 204 answers 2xx too and, like the page a redirect lands on, has recorded
  // nothing. Such an answer is kept as a redirect is.
  return /^(recorded|duplicate)$/.test(answer?.status as string)
    ? [{ ok: true, status, rewards: answer!.rewards }]
    : [
        {
          ok: false,
          // A redirect, a 2xx or a 4xx not from the receiver is kept and retried like network trouble:
          // the event waits until the endpoint is fixed. A 400 is a verdict on the request itself,
          // whoever says it (a proxy that cannot read it), and so is the receiver's every other 4xx.
          queued:
            cut ||
            !!early ||
            (!verdict && status !== 400) ||
            status < 400 ||
            status > 499 ||
            status === 408 ||
            status === 429,
          error: early ? { ...error, code: 'future_timestamp' } : error,
        },
        // A date is a moment on the server's clock: the wait is measured from its Date, not the device's.
        early
          ? Infinity
          : retryAfter(
              response?.headers.get('retry-after'),
              Date.parse(response?.headers.get('date') as string) || undefined,
            ),
      ];
}

/**
 * Reads `Retry-After` (RFC 9110 §10.2.3), delay-seconds or an HTTP-date in any of its three forms
 * (§5.6.7: IMF-fixdate, RFC 850 and asctime, all GMT), as milliseconds from now (`0`: retry at once);
 * `NaN` when absent, unreadable or an impossible date (31 Feb), negative for a date in the past (both mean:
 * use the backoff).
 */
export function retryAfter(value: string | null | undefined, now = Date.now()): number {
  // asctime does not say GMT, and Date.parse would read it as local time: it ends in a digit, and gets its zone.
  const at = Date.parse(`${value}`.replace(/\d$/, '$& GMT'));
  // Delay-seconds are digits only: `1e3` or `0x10` are not a number of seconds, nor a date. A date ends
  // as the three forms do, its time then GMT or, for asctime, its year: Date.parse alone reads anything
  // that looks like a date (`abc 2027`, an ISO time, a `+0200` zone, `PST`). It also rolls an impossible
  // date over (31 Feb or 29 Feb 2027 into March, hour 24 into the next day) and skips the day's name:
  // the date it read, as IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), must have the day's name, the
  // month and the time that were written (its every other part, whatever the form).
  return /^\s*\d+\s*$/.test(value as string)
    ? +value! * 1e3
    : /:\d\d (GMT|\d{4})$/.test(value as string) &&
        new Date(at)
          .toUTCString()
          .split(/,? /)
          .every((part, index) => index % 2 || value!.includes(part))
      ? at - now
      : NaN;
}
