/** A community leader's rewards on an offer for every order: the ordinary reward, and a member's retention reward on top. */
import { describe, expect, it } from 'vitest';
import { clawbackFor, rewardsFor } from './rewards.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

const program = aProgram({
  firstOrderOnly: false,
  rewardHoldDays: 0,
  tiers: [{ minRedemptions: 3, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
  roles: {
    community_leader: { repeatOrderReward: { basis: 'fixed', type: 'cash', amount: 250 }, repeatWindowDays: 30 },
  },
});
const leader = anAmbassador({ role: 'community_leader' });
const repeat = aRedemption({
  customer: { id: 'c_9', firstOrder: false },
  order: { currency: 'USD', subtotal: 4000, discount: 600, total: 3400 },
});
/** The customer's first order was with the leader's code, three weeks before: a member, inside the window. */
const member = [{ code: leader.code, occurredAt: '2026-11-01T00:00:00.000Z' }];

describe("rewardsFor: a leader's repeat order on an offer for every order", () => {
  it("pays a member's repeat order the ordinary reward and the retention reward beside it, each in its unit", () => {
    const rewards = rewardsFor(program, leader, repeat, { redemptions: 1, customerOrders: member });
    expect([rewards.ambassador, rewards.retention]).toMatchObject([
      { amount: 1000, type: 'credit', reason: 'repeat_order', status: 'confirmed' },
      { amount: 250, type: 'cash', reason: 'repeat_order', status: 'confirmed' },
    ]);
  });

  it('pays the ordinary reward at the tier the leader’s referrals reached, as any ambassador’s', () => {
    const history = { redemptions: 3, confirmedRedemptions: 3, customerOrders: member };
    expect(rewardsFor(program, leader, repeat, history).ambassador?.amount).toBe(1500);
  });

  it.each([
    ['another ambassador brought', [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }]],
    ['the leader brought before the window', [{ code: leader.code, occurredAt: '2026-10-01T00:00:00.000Z' }]],
  ])('pays the ordinary reward alone for a repeat order of a customer %s', (_name, customerOrders) => {
    const rewards = rewardsFor(program, leader, repeat, { redemptions: 1, customerOrders });
    expect([rewards.ambassador?.amount, 'retention' in rewards]).toEqual([1000, false]);
  });

  it('answers the retention reward after both sides, and no such key without one', () => {
    const paid = rewardsFor(program, leader, repeat, { redemptions: 1, customerOrders: member });
    expect(Object.keys(paid)).toEqual(['friend', 'ambassador', 'retention']);
    expect(Object.keys(rewardsFor(program, leader, aRedemption(), { redemptions: 0 }))).toEqual([
      'friend',
      'ambassador',
    ]);
  });

  it('claws back both rewards of a reversed repeat order, each in its unit', () => {
    const rewards = rewardsFor(program, leader, repeat, { redemptions: 1, customerOrders: member });
    expect(clawbackFor(rewards, new Date('2026-11-23T00:00:00.000Z'))).toEqual({
      amount: 1000,
      type: 'credit',
      wasConfirmed: true,
      retention: { amount: 250, type: 'cash' },
    });
  });
});
