/** A program's tiers and campaign windows must be in order: increasing tiers, windows that start before they end. */
import { describe, expect, it } from 'vitest';
import { programSchema } from './program.js';

describe('programSchema on order', () => {
  const base = {
    id: 'spring-2026',
    brand: 'Acme',
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  };
  const tier = (minRedemptions: number) => ({
    minRedemptions,
    reward: { basis: 'fixed', type: 'credit', amount: 2000 },
  });
  it('refuses an influencer campaign that ends before it starts', () => {
    expect(
      programSchema.safeParse({
        ...base,
        roles: { influencer: { startsAt: '2026-12-31T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' } },
      }).success,
    ).toBe(false);
  });
  it('refuses role tiers out of order', () => {
    expect(programSchema.safeParse({ ...base, roles: { ambassador: { tiers: [tier(5), tier(3)] } } }).success).toBe(
      false,
    );
  });
  it('refuses two tiers at the same count, and a program that ends when it starts', () => {
    expect(programSchema.safeParse({ ...base, tiers: [tier(5), tier(5)] }).success).toBe(false);
    expect(
      programSchema.safeParse({ ...base, startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }).success,
    ).toBe(false);
  });
});
