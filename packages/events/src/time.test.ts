import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTime, parseTime } from './time.js';

const padded = (max: number, width: number) =>
  fc.integer({ min: 0, max }).map((value) => String(value).padStart(width, '0'));
// Each field a little past its range, so months 13, days 00 and 32, hours 24, minutes 60 and years 0042 all come up.
const canonicalShaped = fc
  .tuple(padded(9999, 4), padded(13, 2), padded(32, 2), padded(25, 2), padded(61, 2), padded(61, 2), padded(999, 3))
  .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);

describe('parseTime', () => {
  it('reads every canonical-shaped time as Date.parse does, NaN included', () => {
    fc.assert(
      fc.property(canonicalShaped, (text) => {
        expect(parseTime(text)).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads every time toISOString writes back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(parseTime(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '2026-11-22T10:00:00Z',
    '2026-11-22T11:00:00.000+01:00',
    '2026-11-22T10:00:00.123456Z',
    '2026-11-22T24:00:00.000Z',
    '2026-02-31T10:00:00.000Z',
    'not a time',
  ])('reads %s as Date.parse does', (text) => {
    expect(parseTime(text)).toBe(Date.parse(text));
  });
});

describe('formatTime', () => {
  it('writes every time as toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_198_755_200_000, max: 8_640_000_000_000_000 }), (ms) => {
        expect(formatTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([0, 946_684_800_000, 253_402_300_799_999, 253_402_300_800_000, -1])('writes %d as toISOString does', (ms) => {
    expect(formatTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('refuses an invalid time as toISOString does', () => {
    expect(() => formatTime(Number.NaN)).toThrow(RangeError);
  });
});
