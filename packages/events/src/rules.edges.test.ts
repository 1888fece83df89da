/** The program's rules at their edges: anonymous orders, repeat orders under a cap, free shipping without a cap, the window's start, and the path of each refusal. */
import { describe, expect, it } from 'vitest';
import { checkRedemption } from './rules.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

const usd = (subtotal: number, discount: number) => ({
  currency: 'USD' as const,
  subtotal,
  discount,
  total: subtotal - discount,
});

describe('checkRedemption at the edges', () => {
  it('accepts an anonymous order (no customer) for an ambassador without customerId or emailHash', () => {
    const ambassador = anAmbassador({ customerId: undefined, emailHash: undefined });
    const { customer: _, ...anonymous } = aRedemption();
    expect(checkRedemption(aProgram(), ambassador, anonymous as never, { redemptions: 0 })).toBeNull();
    expect(
      checkRedemption(aProgram(), ambassador, aRedemption({ customer: { firstOrder: true } }), { redemptions: 0 }),
    ).toBeNull();
  });
  it('does not cap repeat orders of an every-order offer', () => {
    const program = aProgram({ firstOrderOnly: false, maxRedemptionsPerCode: 1 });
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
    expect(checkRedemption(program, anAmbassador(), repeat, { redemptions: 1 })).toBeNull();
  });
  it('takes any discount for free shipping without a cap', () => {
    const program = aProgram({ friendOffer: { kind: 'free_shipping' } });
    expect(
      checkRedemption(program, anAmbassador(), aRedemption({ order: usd(5999, 799) }), { redemptions: 0 }),
    ).toBeNull();
  });
  it('accepts an order placed exactly at the program start ([startsAt, endsAt))', () => {
    const program = aProgram({ startsAt: '2026-11-22T10:00:00.000Z' });
    expect(checkRedemption(program, anAmbassador(), aRedemption(), { redemptions: 0 })).toBeNull();
  });
  it('names the field of each refusal', () => {
    const a = anAmbassador();
    expect(
      checkRedemption(aProgram(), a, aRedemption({ order: { ...usd(5999, 900), currency: 'EUR' } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['order', 'currency']);
    expect(
      checkRedemption(aProgram({ endsAt: '2026-11-01T00:00:00Z' }), a, aRedemption(), { redemptions: 0 })?.path,
    ).toEqual(['occurredAt']);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { id: 'c_alex' } }), { redemptions: 0 })?.path,
    ).toEqual(['customer', 'id']);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { emailHash: 'a'.repeat(64) } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['customer', 'emailHash']);
    expect(checkRedemption(aProgram({ minimumOrder: 10000 }), a, aRedemption(), { redemptions: 0 })?.path).toEqual([
      'order',
      'subtotal',
    ]);
    expect(checkRedemption(aProgram({ maxRedemptionsPerCode: 1 }), a, aRedemption(), { redemptions: 1 })?.path).toEqual(
      ['code'],
    );
    expect(checkRedemption(aProgram(), a, aRedemption({ order: usd(5999, 2000) }), { redemptions: 0 })?.path).toEqual([
      'order',
      'discount',
    ]);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { id: 'c_9', firstOrder: false } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['customer', 'firstOrder']);
  });
});
