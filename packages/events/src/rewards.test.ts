import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RedemptionEvent } from './event.js';
import type { ProgramInput } from './program.js';
import {
  clawbackFor,
  grantStatusAt,
  isRepeatOrderInWindow,
  maxFriendDiscount,
  rewardsFor,
  roundHalfUp,
  termsFor,
} from './rewards.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

const order = (total: number): Partial<RedemptionEvent> => ({
  order: { currency: 'USD', subtotal: total, discount: 0, total },
});

describe('rewardsFor: the ambassador reward', () => {
  it.each<[string, Partial<ProgramInput>, Record<string, unknown>, number, Partial<RedemptionEvent>, number | null]>([
    ['a fixed reward', {}, {}, 0, {}, 1000],
    [
      'a percent of the order total',
      { ambassadorReward: { basis: 'percent', type: 'cash', percent: 10 } },
      {},
      0,
      order(5099),
      510,
    ],
    [
      'a percent rounded half up',
      { ambassadorReward: { basis: 'percent', type: 'cash', percent: 10 } },
      {},
      0,
      order(5095),
      510,
    ],
    [
      'a percent rounded down below the half',
      { ambassadorReward: { basis: 'percent', type: 'cash', percent: 10 } },
      {},
      0,
      order(5094),
      509,
    ],
    [
      'the base reward below the first tier',
      { tiers: [{ minRedemptions: 5, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }] },
      {},
      3,
      {},
      1000,
    ],
    [
      'the tier from its n-th redemption on',
      { tiers: [{ minRedemptions: 5, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }] },
      {},
      4,
      {},
      1500,
    ],
    [
      'the highest tier reached',
      {
        tiers: [
          { minRedemptions: 5, reward: { basis: 'fixed', type: 'credit', amount: 1500 } },
          { minRedemptions: 10, reward: { basis: 'fixed', type: 'credit', amount: 2000 } },
        ],
      },
      {},
      20,
      {},
      2000,
    ],
    [
      'a role override of the reward',
      { roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'cash', amount: 1200 } } } },
      { role: 'community_leader' },
      0,
      {},
      1200,
    ],
    [
      "a role's own tiers instead of the program's",
      {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 9999 } }],
        roles: {
          ambassador: { tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1100 } }] },
        },
      },
      {},
      5,
      {},
      1100,
    ],
    [
      "a role's own reward above the program's tiers",
      {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
        roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'cash', amount: 3000 } } },
      },
      { role: 'community_leader' },
      5,
      {},
      3000,
    ],
    [
      "a role's own reward raised by the role's own tiers",
      {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
        roles: {
          community_leader: {
            ambassadorReward: { basis: 'fixed', type: 'cash', amount: 3000 },
            tiers: [{ minRedemptions: 4, reward: { basis: 'fixed', type: 'cash', amount: 4000 } }],
          },
        },
      },
      { role: 'community_leader' },
      5,
      {},
      4000,
    ],
    [
      "an influencer's audience reward above the program's tiers",
      {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
        roles: { influencer: { audienceRewards: { macro: { basis: 'fixed', type: 'cash', amount: 5000 } } } },
      },
      { role: 'influencer', audienceTier: 'macro' },
      5,
      {},
      5000,
    ],
    [
      "the program's tiers for a role without a reward of its own",
      {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
        roles: { influencer: { audienceRewards: { macro: { basis: 'fixed', type: 'cash', amount: 5000 } } } },
      },
      { role: 'influencer', audienceTier: 'nano' },
      5,
      {},
      1500,
    ],
    [
      "an influencer's audience-tier reward",
      { roles: { influencer: { audienceRewards: { macro: { basis: 'fixed', type: 'cash', amount: 5000 } } } } },
      { role: 'influencer', audienceTier: 'macro' },
      0,
      {},
      5000,
    ],
    [
      'the influencer base reward for a tier without its own',
      { roles: { influencer: { audienceRewards: { macro: { basis: 'fixed', type: 'cash', amount: 5000 } } } } },
      { role: 'influencer', audienceTier: 'nano' },
      0,
      {},
      1000,
    ],
    [
      'leader terms once promoted after N redemptions',
      {
        promoteToCommunityLeaderAfter: 3,
        roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1300 } } },
      },
      {},
      3,
      {},
      1300,
    ],
    [
      'ambassador terms before the promotion',
      {
        promoteToCommunityLeaderAfter: 3,
        roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1300 } } },
      },
      {},
      2,
      {},
      1000,
    ],
  ])('pays %s', (_name, programInput, ambassadorInput, redemptions, redemptionInput, amount) => {
    const rewards = rewardsFor(aProgram(programInput), anAmbassador(ambassadorInput), aRedemption(redemptionInput), {
      redemptions,
    });
    expect(rewards.ambassador?.amount ?? null).toBe(amount);
  });

  it.each([
    ['a first order, the second referral', true, 2000],
    ['a repeat order of the one friend referred so far', false, 1000],
  ])('pays %s at the tier its referrals reached', (_name, firstOrder, amount) => {
    const program = aProgram({
      firstOrderOnly: false,
      tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 2000 } }],
    });
    const redemption = aRedemption({ customer: { id: 'c_1', firstOrder } });
    expect(rewardsFor(program, anAmbassador(), redemption, { redemptions: 1 }).ambassador?.amount).toBe(amount);
  });

  it('pays nothing for a repeat order without a discount on a first-order offer', () => {
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false }, ...order(4000) });
    const rewards = rewardsFor(aProgram(), anAmbassador(), repeat, { redemptions: 1 });
    expect([rewards.ambassador, rewards.friend.discount]).toEqual([null, 0]);
  });

  it('pays the first-order reward for a first order that reached the ledger after a later repeat order', () => {
    const customerOrders = [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-25T00:00:00.000Z', repeat: true }];
    const rewards = rewardsFor(aProgram(), anAmbassador(), aRedemption(), { redemptions: 0, customerOrders });
    expect(rewards.ambassador).toMatchObject({ amount: 1000, reason: 'first_order' });
  });

  it('pays a percent of a total near 2^53 to the exact unit', () => {
    const program = aProgram({ ambassadorReward: { basis: 'percent', type: 'cash', percent: 99.99 } });
    const total = Number.MAX_SAFE_INTEGER;
    const exact = (BigInt(total) * 9999n * 2n + 10000n) / 20000n;
    const rewards = rewardsFor(program, anAmbassador(), aRedemption(order(total)), { redemptions: 0 });
    expect(rewards.ambassador?.amount).toBe(Number(exact));
  });
});

describe('rewardsFor: repeat orders of a community leader', () => {
  const program = aProgram({
    roles: {
      community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 }, repeatWindowDays: 30 },
    },
  });
  const leader = anAmbassador({ role: 'community_leader' });
  const repeat = aRedemption({
    occurredAt: '2026-11-22T10:00:00.000Z',
    customer: { id: 'c_9', firstOrder: false },
    order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
  });

  it.each([
    ['inside the window', '2026-11-01T00:00:00.000Z', 300],
    ['on the last day of the window', '2026-10-23T10:00:00.000Z', 300],
    ['after the window', '2026-10-01T00:00:00.000Z', null],
  ])('pays the repeat-order reward %s', (_name, firstOrderAt, amount) => {
    const rewards = rewardsFor(program, leader, repeat, {
      redemptions: 1,
      customerOrders: [{ code: leader.code, occurredAt: firstOrderAt }],
    });
    expect(rewards.ambassador?.amount ?? null).toBe(amount);
  });

  it('marks a repeat-order reward with its reason', () => {
    const rewards = rewardsFor(program, leader, repeat, {
      redemptions: 1,
      customerOrders: [{ code: leader.code, occurredAt: '2026-11-01T00:00:00.000Z' }],
    });
    expect(rewards.ambassador?.reason).toBe('repeat_order');
  });

  it('pays no repeat-order reward for a customer another ambassador brought', () => {
    const rewards = rewardsFor(program, leader, repeat, {
      redemptions: 1,
      customerOrders: [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }],
    });
    expect(rewards.ambassador).toBeNull();
  });

  it("pays none when another ambassador's customer orders with the leader's code again", () => {
    const rewards = rewardsFor(program, leader, repeat, {
      redemptions: 1,
      customerOrders: [
        { code: 'SAM-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' },
        { code: leader.code, occurredAt: '2026-11-10T00:00:00.000Z' },
      ],
    });
    expect(rewards.ambassador).toBeNull();
  });
});

describe('isRepeatOrderInWindow', () => {
  const leaderTerms = {
    repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 },
    repeatWindowDays: 30,
  } as const;
  const repeat = { code: 'MAYA-7HC2QK', occurredAt: '2026-11-22T10:00:00.000Z' };

  it('holds for a member whose first order with the code is inside the window', () => {
    const earlier = [{ code: 'MAYA-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(true);
  });

  it('does not hold for a customer whose orders were all with another code', () => {
    const earlier = [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(false);
  });

  it("does not hold for another code's customer who has ordered with this code before", () => {
    const earlier = [
      { code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' },
      { code: 'MAYA-7HC2QK', occurredAt: '2026-11-10T00:00:00.000Z' },
    ];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(false);
  });

  it('does not hold for a customer whose orders with the code were all recorded as repeat orders', () => {
    // They ordered with the shop before the program: the code's link brought an order, not the customer.
    const earlier = [{ code: 'MAYA-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z', repeat: true }];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(false);
  });

  it('does not hold when the order counted as the first was with another code', () => {
    const earlier = [
      { code: 'MAYA-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z', repeat: true },
      { code: 'ALEX-7HC2QK', occurredAt: '2026-11-10T00:00:00.000Z' },
    ];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(false);
  });

  it('holds for a member whose counted first order with the code reached the ledger after an earlier one', () => {
    // An outbox delivered the earlier order second: it was recorded as a repeat, and the window counts from it.
    const earlier = [
      { code: 'MAYA-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z', repeat: true },
      { code: 'MAYA-7HC2QK', occurredAt: '2026-11-10T00:00:00.000Z' },
    ];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(true);
    expect(isRepeatOrderInWindow(leaderTerms, { ...repeat, occurredAt: '2026-12-02T00:00:00.000Z' }, earlier)).toBe(
      false,
    );
  });

  it('does not hold for a customer with no earlier orders on record', () => {
    expect(isRepeatOrderInWindow(leaderTerms, repeat, [])).toBe(false);
  });

  it('counts the window from the first order with the code, not the latest', () => {
    const earlier = [
      { code: 'MAYA-7HC2QK', occurredAt: '2026-10-01T00:00:00.000Z' },
      { code: 'MAYA-7HC2QK', occurredAt: '2026-11-20T00:00:00.000Z' },
    ];
    expect(isRepeatOrderInWindow(leaderTerms, repeat, earlier)).toBe(false);
  });

  it('does not hold under terms without a repeat-order reward', () => {
    const earlier = [{ code: 'MAYA-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }];
    expect(isRepeatOrderInWindow({}, repeat, earlier)).toBe(false);
  });
});

describe('rewardsFor: the hold', () => {
  it('holds a reward as pending until the hold days pass', () => {
    const rewards = rewardsFor(aProgram({ rewardHoldDays: 14 }), anAmbassador(), aRedemption(), {
      redemptions: 0,
      recordedAt: '2026-11-22T10:00:05.000Z',
    });
    expect(rewards.ambassador).toMatchObject({
      status: 'pending',
      confirmsAt: '2026-12-06T10:00:05.000Z',
      reason: 'first_order',
    });
  });

  it('confirms a reward at once without a hold', () => {
    const rewards = rewardsFor(aProgram({ rewardHoldDays: 0 }), anAmbassador(), aRedemption(), { redemptions: 0 });
    expect(rewards.ambassador?.status).toBe('confirmed');
  });

  it.each([
    ['2026-12-06T10:00:04.000Z', 'pending'],
    ['2026-12-06T10:00:05.000Z', 'confirmed'],
  ])('reads a grant at %s as %s', (at, status) => {
    const rewards = rewardsFor(aProgram(), anAmbassador(), aRedemption(), {
      redemptions: 0,
      recordedAt: '2026-11-22T10:00:05.000Z',
    });
    expect(grantStatusAt(rewards.ambassador!, new Date(at))).toBe(status);
  });

  it('reads a reversed grant as reversed', () => {
    const rewards = rewardsFor(aProgram(), anAmbassador(), aRedemption(), { redemptions: 0 });
    expect(grantStatusAt(rewards.ambassador!, new Date('2027-01-01T00:00:00Z'), '2026-11-23T00:00:00Z')).toBe(
      'reversed',
    );
  });
});

describe('rewardsFor: the friend', () => {
  it('reports the discount given in the order currency', () => {
    expect(rewardsFor(aProgram(), anAmbassador(), aRedemption(), { redemptions: 0 }).friend).toEqual({
      discount: 900,
      currency: 'USD',
    });
  });
});

describe('clawbackFor', () => {
  const rewards = rewardsFor(aProgram({ rewardHoldDays: 14 }), anAmbassador(), aRedemption(), { redemptions: 0 });

  it.each([
    ['a pending reward', '2026-11-23T00:00:00.000Z', false],
    ['a confirmed reward', '2027-01-01T00:00:00.000Z', true],
  ])('claws back the whole of %s', (_name, at, wasConfirmed) => {
    expect(clawbackFor(rewards, new Date(at))).toEqual({ amount: 1000, type: 'credit', wasConfirmed });
  });

  it('claws back nothing when nothing was granted', () => {
    expect(clawbackFor({ friend: rewards.friend, ambassador: null }, new Date())).toBeNull();
  });
});

describe('maxFriendDiscount', () => {
  it.each<[string, Parameters<typeof maxFriendDiscount>[0], number, number | null]>([
    ['15% of 5999 rounded half up, plus one unit', { kind: 'percent', percent: 15 }, 5999, 901],
    ['10% of 1005 (100.5 → 101), plus one unit', { kind: 'percent', percent: 10 }, 1005, 102],
    ['a percent capped by maxDiscount', { kind: 'percent', percent: 50, maxDiscount: 2000 }, 10000, 2000],
    [
      '99% of 2^53 − 1 to the exact unit, plus one',
      { kind: 'percent', percent: 99 },
      Number.MAX_SAFE_INTEGER,
      Number((BigInt(Number.MAX_SAFE_INTEGER) * 99n * 2n + 100n) / 200n) + 1,
    ],
    ['a fixed amount', { kind: 'fixed', amount: 1000 }, 5999, 1000],
    ['a fixed amount capped at the subtotal', { kind: 'fixed', amount: 1000 }, 500, 500],
    ['free shipping with a cap', { kind: 'free_shipping', maxDiscount: 800 }, 5999, 800],
    ['free shipping without a cap', { kind: 'free_shipping' }, 5999, null],
  ])('allows %s', (_name, offer, subtotal, allowed) => {
    expect(maxFriendDiscount(offer, subtotal)).toBe(allowed);
  });

  it.each<[string, Parameters<typeof maxFriendDiscount>[0], number, number, number | null]>([
    // 151.5 → 152 on each line is 760; 757.5 → 758 on the whole, and one unit a line more.
    ['15% off five ¥1,010 lines rounded half up on each', { kind: 'percent', percent: 15 }, 5050, 5, 763],
    // 150.15 → 151 on each line is 302; 300.3 → 300 on the whole.
    ['15% off two $10.01 lines rounded up on each', { kind: 'percent', percent: 15 }, 2002, 2, 302],
    ['one line, as without lines', { kind: 'percent', percent: 15 }, 5999, 1, 901],
    ['lines still held to maxDiscount', { kind: 'percent', percent: 15, maxDiscount: 759 }, 5050, 5, 759],
    ['lines still held to the subtotal', { kind: 'percent', percent: 100 }, 40, 10, 40],
    ['a fixed amount exactly, whatever the lines', { kind: 'fixed', amount: 1000 }, 5999, 7, 1000],
    ['free shipping to its cap, whatever the lines', { kind: 'free_shipping', maxDiscount: 800 }, 5999, 7, 800],
  ])('allows %s', (_name, offer, subtotal, lines, allowed) => {
    expect(maxFriendDiscount(offer, subtotal, lines)).toBe(allowed);
  });

  // Exact integers: a line's share is price × percent / 100, rounded as shops round it.
  const roundings = {
    halfUp: (hundredths: number) => Math.floor((hundredths + 50) / 100),
    halfEven: (hundredths: number) => {
      const whole = Math.floor(hundredths / 100);
      if (hundredths % 100 !== 50) return Math.floor((hundredths + 50) / 100);
      return whole % 2 === 0 ? whole : whole + 1;
    },
    up: (hundredths: number) => Math.ceil(hundredths / 100),
  };

  it('allows any percent rounded on each line half up, half even or up, when told how many lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...Object.values(roundings)),
        (percent, prices, round) => {
          const subtotal = prices.reduce((sum, price) => sum + price, 0);
          const discount = prices.reduce((sum, price) => sum + round(price * percent), 0);
          expect(discount).toBeLessThanOrEqual(
            maxFriendDiscount({ kind: 'percent', percent }, subtotal, prices.length) ?? 0,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('roundHalfUp', () => {
  it.each([
    [100.5, 101],
    [100.49, 100],
    [899.85, 900],
    [1.005 * 100, 101],
    [0, 0],
  ])('rounds %d to %d', (value, rounded) => {
    expect(roundHalfUp(value)).toBe(rounded);
  });
});

describe('termsFor', () => {
  it('reports a promotion to community leader', () => {
    expect(termsFor(aProgram({ promoteToCommunityLeaderAfter: 2 }), anAmbassador(), { redemptions: 2 })).toMatchObject({
      role: 'community_leader',
      promoted: true,
    });
  });

  it('promotes on confirmed redemptions, not on pending ones', () => {
    const program = aProgram({ promoteToCommunityLeaderAfter: 2 });
    const pending = termsFor(program, anAmbassador(), { redemptions: 3, confirmedRedemptions: 1 });
    const confirmed = termsFor(program, anAmbassador(), { redemptions: 3, confirmedRedemptions: 2 });
    expect([pending.promoted, confirmed.promoted]).toEqual([false, true]);
  });

  it('never promotes an influencer', () => {
    expect(
      termsFor(aProgram({ promoteToCommunityLeaderAfter: 2 }), anAmbassador({ role: 'influencer' }), { redemptions: 9 })
        .promoted,
    ).toBe(false);
  });

  it("prefers an influencer's own campaign dates", () => {
    const program = aProgram({
      roles: { influencer: { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' } },
    });
    const influencer = anAmbassador({
      role: 'influencer',
      campaign: { startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' },
    });
    expect(termsFor(program, influencer, { redemptions: 0 }).campaign).toEqual({
      startsAt: '2026-11-01T00:00:00Z',
      endsAt: '2026-12-01T00:00:00Z',
    });
  });
});
