import { afterEach, describe, expect, it } from 'vitest';
import { attempt, retryAfter } from './delivery.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('retryAfter', () => {
  it.each(['America/New_York', 'Asia/Kolkata', 'UTC'])('reads all three HTTP-date forms as GMT in %s', (tz) => {
    process.env.TZ = tz;
    const now = Date.UTC(1994, 10, 6, 8, 49, 27);
    expect([
      retryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now),
      retryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now),
      retryAfter('Sun Nov  6 08:49:37 1994', now),
    ]).toEqual([10_000, 10_000, 10_000]);
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
});
