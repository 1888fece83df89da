import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FriendOffer } from './program.js';
import { friendDiscount, maxFriendDiscount } from './rewards.js';

describe('friendDiscount', () => {
  it.each([
    ['rounds a percent half up', { kind: 'percent', percent: 15 }, 5999, 900],
    ['rounds an exact half up', { kind: 'percent', percent: 10 }, 1005, 101],
    ['holds a percent to its cap', { kind: 'percent', percent: 50, maxDiscount: 1000 }, 4800, 1000],
    ['never takes a fixed amount beyond the subtotal', { kind: 'fixed', amount: 1500 }, 1200, 1200],
    ['takes nothing off the subtotal for free shipping', { kind: 'free_shipping' }, 4800, 0],
  ] as [string, FriendOffer, number, number][])('%s', (_name, offer, subtotal, discount) => {
    expect(friendDiscount(offer, subtotal)).toBe(discount);
  });

  it.each([-5999, -1, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a subtotal of %d, which is not whole minor units, naming it',
    (subtotal) => {
      for (const offer of [
        { kind: 'percent', percent: 15 },
        { kind: 'fixed', amount: 500 },
        { kind: 'free_shipping' },
      ] as FriendOffer[]) {
        expect(() => friendDiscount(offer, subtotal)).toThrow(RangeError);
        expect(() => friendDiscount(offer, subtotal)).toThrow(`subtotal ${subtotal}`);
      }
    },
  );

  // What a shop charges must always pass the receiver's `discount_exceeds_offer` rule.
  it('is never more than the receiver accepts, nor more than the subtotal', () => {
    const offer: fc.Arbitrary<FriendOffer> = fc.oneof(
      fc.record(
        { kind: fc.constant('percent' as const), percent: fc.integer({ min: 1, max: 100 }), maxDiscount: fc.nat() },
        { requiredKeys: ['kind', 'percent'] },
      ),
      fc.record({ kind: fc.constant('fixed' as const), amount: fc.integer({ min: 1, max: 1e9 }) }),
    );
    fc.assert(
      fc.property(offer, fc.integer({ min: 0, max: 1e12 }), (offer, subtotal) => {
        const discount = friendDiscount(offer, subtotal);
        expect(discount).toBeLessThanOrEqual(maxFriendDiscount(offer, subtotal) ?? 0);
        expect(discount).toBeLessThanOrEqual(subtotal);
        expect(Number.isInteger(discount) && discount >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
