import { afterEach, describe, expect, it } from 'vitest';
import { retryAfter } from './delivery.js';

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
