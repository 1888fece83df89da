import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseHttpDate } from './http-date.js';

const RFC_EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('HTTP-date', () => {
  test('reads the IMF-fixdate and both obsolete forms as the same time', () => {
    for (const value of ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'])
      expect([value, parseHttpDate(value, Date.UTC(2026, 10, 25))]).toEqual([value, RFC_EXAMPLE]);
  });

  test('reads a two-digit year as the latest one not more than 50 years ahead', () => {
    const now = Date.UTC(2026, 10, 25);
    expect(parseHttpDate('Monday, 01-Jan-76 00:00:00 GMT', now)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Thursday, 01-Jan-77 00:00:00 GMT', now)).toBe(Date.UTC(1977, 0, 1));
  });

  test('reads every time toUTCString writes back as that time, to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }), (date) => {
        expect(parseHttpDate(date.toUTCString())).toBe(Math.floor(date.getTime() / 1000) * 1000);
      }),
    );
  });

  test('reads no date that does not exist, no other zone, and nothing Date.parse would guess at', () => {
    for (const value of [
      'Tue, 31 Feb 2026 08:49:37 GMT',
      'Sun, 06 Nov 1994 24:00:00 GMT',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 06 Nov 1994 08:49:37 +0000',
      'sun, 06 nov 1994 08:49:37 gmt',
      'Sun, 6 Nov 1994 08:49:37 GMT',
      '1994-11-06T08:49:37Z',
      '2',
      '',
    ])
      expect([value, parseHttpDate(value)]).toEqual([value, null]);
  });
});
