import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, wholePercentOf } from './percent-of.js';

/** The percent `units / 10^scale`, applied in whole numbers and rounded half up. */
const exactly = (amount: number, units: number, scale: number) =>
  Number((BigInt(amount) * BigInt(units) * 2n + 100n * 10n ** BigInt(scale)) / (200n * 10n ** BigInt(scale)));

describe('percentOf', () => {
  it.each([
    [5999, 15, 900],
    [1005, 10, 101],
    [1004, 10, 100],
    [201, 2.5, 5],
    [20, 2.5, 1],
    [1, 49.999995, 0],
    [1, 50, 1],
    [0, 100, 0],
    [Number.MAX_SAFE_INTEGER, 100, Number.MAX_SAFE_INTEGER],
    [1e9, 1e-7, 1],
  ])('takes of %d at %d%% %d', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });

  it("gives a whole unit for a friend's percent the schema would refuse", () => {
    expect(wholePercentOf(5999, 12.5)).toBe(750);
  });

  it('is exact for every amount up to 2^53 and every percent of up to 6 decimals', () => {
    const amount = fc.oneof(fc.nat({ max: 100_000 }), fc.maxSafeNat());
    const percent = fc
      .integer({ min: 0, max: 6 })
      .chain((scale) => fc.tuple(fc.integer({ min: 1, max: 100 * 10 ** scale }), fc.constant(scale)));
    fc.assert(
      fc.property(amount, percent, (amount, [units, scale]) => {
        expect(percentOf(amount, Number(`${units}e-${scale}`))).toBe(exactly(amount, units, scale));
      }),
      { numRuns: 2000 },
    );
  });
});
