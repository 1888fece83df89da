import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attempt, retryAfter } from './delivery.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('retryAfter', () => {
  it.each(['America/New_York', 'Asia/Kolkata', 'UTC'])('reads an IMF-fixdate as GMT in %s', (tz) => {
    process.env.TZ = tz;
    expect(retryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 27))).toBe(10_000);
  });

  it.each([
    'abc 2027',
    '12/31/2099',
    'x 1',
    '2026-11-22T10:00:30Z',
    'Sun, 22 Nov 2026 10:00:30 +0200',
    'Sun, 22 Nov 2026 10:00:30 PST',
    'Sun, 22 Nov 2026 10:00:30',
  ])('reads %j, which is no delay-seconds nor HTTP-date, as unreadable', (value) => {
    expect(retryAfter(value, Date.UTC(2026, 10, 22, 10))).toBeNaN();
  });

  it.each([
    ['RFC 850', 'Sunday, 22-Nov-26 10:00:30 GMT', Date.UTC(2026, 10, 22, 10, 0, 30)],
    ['asctime', 'Sun Nov 22 10:00:30 2026', Date.UTC(2026, 10, 22, 10, 0, 30)],
    ['asctime, a one-digit day', 'Sun Nov  1 10:00:30 2026', Date.UTC(2026, 10, 1, 10, 0, 30)],
  ])('reads the obsolete %s form as GMT, as every recipient must (RFC 9110 §5.6.7)', (_form, value, at) => {
    process.env.TZ = 'Asia/Kolkata';
    expect(retryAfter(value, at - 30_000)).toBe(30_000);
  });

  // Date.parse rolls an impossible date over (31 Feb as 3 Mar, 24:00 as the next day's midnight; V8
  // refuses hour 25, other engines may roll it too) and ignores the day's name: such a header is no
  // HTTP-date, and the backoff applies.
  it.each([
    ['31 February', 'Sun, 31 Feb 2027 10:00:00 GMT'],
    ['29 February of a common year', 'Mon, 29 Feb 2027 10:00:00 GMT'],
    ["a day's name that is not the date's", 'Sun, 01 Mar 2027 10:00:00 GMT'],
    ['hour 24', 'Mon, 01 Mar 2027 24:00:00 GMT'],
    ['hour 25', 'Mon, 01 Mar 2027 25:00:00 GMT'],
    ['second 61', 'Mon, 01 Mar 2027 10:00:61 GMT'],
    ['RFC 850, 31 February', 'Sunday, 31-Feb-27 10:00:00 GMT'],
    ["RFC 850, a day's name that is not the date's", 'Sunday, 01-Mar-27 10:00:00 GMT'],
    ['RFC 850, hour 24', 'Monday, 01-Mar-27 24:00:00 GMT'],
    ['asctime, 29 February of a common year', 'Mon Feb 29 10:00:00 2027'],
    ["asctime, a day's name that is not the date's", 'Sun Mar  1 10:00:00 2027'],
    ['asctime, hour 25', 'Mon Mar  1 25:00:00 2027'],
  ])('reads an impossible date, %s, as unreadable', (_case, value) => {
    expect(retryAfter(value, Date.UTC(2027, 0, 1))).toBeNaN();
  });

  it('reads the 29 February of a leap year', () => {
    expect(retryAfter('Tue, 29 Feb 2028 10:00:00 GMT', Date.UTC(2028, 1, 29, 9, 59))).toBe(60_000);
  });

  it('reads delay-seconds, and nothing else, as a number of seconds', () => {
    expect([retryAfter('7'), retryAfter(' 0 '), retryAfter('1e3'), retryAfter('0x10'), retryAfter(null)]).toEqual([
      7000,
      0,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
});

describe('attempt', () => {
  const url = 'https://shop.example/api/referrals/events';
  /** The attempt's result, or 'still waiting' a second after a timeout of 20 ms. */
  const within = (attempted: Promise<unknown>) =>
    Promise.race([attempted, new Promise((resolve) => setTimeout(resolve, 1000, 'still waiting'))]);

  it('ends at the timeout, to be retried, when the fetch ignores its signal', async () => {
    const fetch = () => new Promise<never>(() => {});
    expect(await within(attempt('{}', { url, fetch, timeout: 20 }))).toMatchObject([
      { ok: false, queued: true, error: { code: 'timeout' } },
      // No Retry-After: the backoff decides.
      Number.NaN,
    ]);
  });

  it("ends at the timeout, to be retried, when an answer's body never ends and reading it ignores the signal", async () => {
    const fetch = async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 201 });
    // Without the receiver's answer a 201 is no proof of delivery: the retry is answered `duplicate` if it was one.
    expect(await within(attempt('{}', { url, fetch, timeout: 20 }))).toMatchObject([
      { ok: false, queued: true, error: { code: 'http_201' } },
      Number.NaN,
    ]);
  });

  // A brand's own tests fake the page's timers (vi.useFakeTimers, sinon) and advance them past the timeout.
  it("times out on the page's timers, aborting the fetch", async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const fetch = (_url: RequestInfo | URL, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal?.reason)));
      };
      const attempted = attempt('{}', { url, fetch, timeout: 10_000 });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(signal?.aborted).toBe(true);
      expect(await attempted).toMatchObject([{ ok: false, queued: true, error: { code: 'timeout' } }, Number.NaN]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no timer running once the attempt has its answer', async () => {
    vi.useFakeTimers();
    try {
      const fetch = async () => Response.json({ status: 'recorded' }, { status: 201 });
      expect(await attempt('{}', { url, fetch, timeout: 10_000 })).toMatchObject([{ ok: true, status: 201 }]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps an event whose 400 lost its body on the way: the verdict may have been a future time', async () => {
    // The first bytes of the receiver's answer, then the connection drops.
    const fetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"error":{"code":"invalid_event","iss'));
            controller.error(new TypeError('network error'));
          },
        }),
        { status: 400 },
      );
    expect(await within(attempt('{}', { url, fetch }))).toMatchObject([
      { ok: false, queued: true, error: { code: 'http_400' } },
      Number.NaN,
    ]);
    // A whole body that is not JSON (a proxy's page) is an answer: a 400 stays a verdict.
    const page = async () => new Response('<h1>Bad Request</h1>', { status: 400 });
    expect(await attempt('{}', { url, fetch: page })).toMatchObject([{ ok: false, queued: false }, Number.NaN]);
  });

  it("takes a proxy's 400 page as a verdict when the fetch given comes from another realm", async () => {
    // A page may pass an iframe's fetch (one no script has wrapped); Jest's node environment runs the SDK
    // in a vm context beside Node's own fetch. Their Response.json() rejects with a SyntaxError of theirs.
    const page = async () => {
      const response = new Response('<h1>Bad Request</h1>', { status: 400 });
      const json = () => Promise.reject(runInNewContext('new SyntaxError("Unexpected token <")'));
      return Object.assign(response, { json });
    };
    expect(await attempt('{}', { url, fetch: page })).toMatchObject([{ ok: false, queued: false }, Number.NaN]);
  });

  // The endpoint given as the receiver's full URL (…/referrals/events/referrals/events), a route mounted
  // elsewhere, a gateway's sign-in: none of them is the receiver's verdict on the event, which waits
  // until the endpoint is fixed, as after a redirect.
  it.each([
    ["an HTML 404 from a route that is not the receiver's", 404, '<h1>Not Found</h1>', 'text/html'],
    ["a framework's plain 404", 404, '404 Not Found', 'text/plain'],
    ["a gateway's 403", 403, '<h1>Forbidden</h1>', 'text/html'],
    ["a JSON 404 without the receiver's error code", 404, '{"message":"no route"}', 'application/json'],
  ])('keeps an event answered %s', async (_from, status, body, type) => {
    const fetch = async () => new Response(body, { status, headers: { 'content-type': type } });
    expect(await attempt('{}', { url, fetch })).toMatchObject([
      { ok: false, queued: true, error: { code: `http_${status}` } },
      Number.NaN,
    ]);
  });

  // The receiver's own refusals on a status worth retrying (a first order not yet in, an outage, a rate
  // limit) are not verdicts on the event: dropped, a redemption's reward would be lost.
  it.each([
    [503, 'first_order_pending'],
    [500, 'internal_error'],
    [408, 'request_timeout'],
    [429, 'rate_limited'],
    [200, 'invalid_event'],
    [302, 'invalid_event'],
  ])('keeps an event the receiver answered %i with error code %s', async (status, code) => {
    const fetch = async () => Response.json({ error: { code, message: code } }, { status });
    expect(await attempt('{}', { url, fetch })).toMatchObject([{ ok: false, queued: true }, Number.NaN]);
  });

  it.each(['unrecorded', 'recorded_not', 'duplicate!'])(
    'keeps an event whose 2xx only looks like a verdict, status %j',
    async (status) => {
      const fetch = async () => Response.json({ status }, { status: 200 });
      expect(await attempt('{}', { url, fetch })).toMatchObject([{ ok: false, queued: true }, Number.NaN]);
    },
  );

  it("takes the receiver's own 4xx, with its error code, for a final verdict", async () => {
    const fetch = async () =>
      Response.json({ error: { code: 'unknown_code', message: 'No ambassador has this code.' } }, { status: 404 });
    expect(await attempt('{}', { url, fetch })).toMatchObject([
      { ok: false, queued: false, error: { code: 'unknown_code' } },
      Number.NaN,
    ]);
  });

  // A page shows `error.message` and branches on `error.code`: each is text whatever the answer's body held.
  it.each([
    ['a code and message that are not text', 403, { code: 42, message: { a: 1 } }, 'http_403', true],
    ['a code and message that are not text, on a 400', 400, { code: 42, message: { a: 1 } }, 'http_400', false],
    ['a code without a message', 403, { code: 'x' }, 'x', false],
    ['a message without a code', 404, { message: 'gone' }, 'http_404', true],
  ])('gives the code and message as text for an error with %s', async (_what, status, error, code, queued) => {
    const fetch = async () => Response.json({ error }, { status });
    const [result] = await attempt('{}', { url, fetch });
    expect(result).toEqual({ ok: false, queued, error: { code, message: expect.any(String) } });
    expect(result.ok || result.error.message).toMatch(/\S/);
  });

  it("measures a Retry-After date from the server's Date, not the device's clock", async () => {
    // The device runs two hours slow; the server asks for a minute.
    const fetch = async () =>
      new Response('{}', {
        status: 503,
        headers: { date: 'Sun, 22 Nov 2026 10:00:00 GMT', 'retry-after': 'Sun, 22 Nov 2026 10:01:00 GMT' },
      });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T08:00:00.000Z') });
    try {
      expect(await attempt('{}', { url, fetch })).toMatchObject([{ ok: false, queued: true }, 60_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
