/** standingOf: how a redemption stands with the ledger, read once for both the rules and the rewards. */
import { describe, expect, it } from 'vitest';
import type { RedemptionEvent } from './event.js';
import { type CustomerOrder, standingOf } from './rewards.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

describe('standingOf', () => {
  const program = aProgram({
    roles: {
      community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 }, repeatWindowDays: 30 },
    },
  });
  const leader = anAmbassador({ role: 'community_leader' });

  it.each<[string, Partial<RedemptionEvent>, CustomerOrder[], [boolean, boolean]]>([
    ['a first order', {}, [], [false, false]],
    ['an order the shop marks as a repeat', { customer: { id: 'c_9', firstOrder: false } }, [], [true, false]],
    [
      "a repeat order of the leader's customer inside the window",
      {},
      [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }],
      [true, true],
    ],
    [
      "a repeat order of the leader's customer after the window",
      {},
      [{ code: 'ALEX-7HC2QK', occurredAt: '2026-10-01T00:00:00.000Z' }],
      [true, false],
    ],
    [
      "a repeat order of another ambassador's customer",
      {},
      [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }],
      [true, false],
    ],
    [
      'a first order that reached the ledger after a later order the shop marked as a repeat',
      { customer: { id: 'c_9', firstOrder: true } },
      [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-25T00:00:00.000Z', repeat: true }],
      [false, false],
    ],
    [
      'an order placed before the one the ledger already counted as the first',
      {},
      [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-25T00:00:00.000Z' }],
      [true, false],
    ],
  ])('reads %s', (_name, redemption, customerOrders, [repeat, inRepeatWindow]) => {
    const standing = standingOf(program, leader, aRedemption(redemption), { redemptions: 1, customerOrders });
    expect([standing.repeat, standing.inRepeatWindow]).toEqual([repeat, inRepeatWindow]);
  });

  it.each<[string, string, boolean]>([
    ['a day after it was placed', '2026-11-23T10:00:00.000Z', true],
    ['a week after it was placed', '2026-11-29T10:00:00.000Z', false],
  ])(
    "waits for the first order of a leader's repeat order the ledger has not seen, received %s",
    (_name, recordedAt, waits) => {
      const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
      const standing = standingOf(program, leader, repeat, { redemptions: 0, customerOrders: [], recordedAt });
      expect(standing.awaitingFirstOrder).toBe(waits);
    },
  );

  it('waits for no first order of a repeat order whose customer the ledger knows', () => {
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
    const customerOrders = [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }];
    expect(standingOf(program, leader, repeat, { redemptions: 0, customerOrders }).awaitingFirstOrder).toBe(false);
  });

  it("waits for the first order of a leader's repeat order while the ledger holds only later repeat orders of the customer", () => {
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
    const customerOrders = [{ code: 'SAM-7HC2QK', occurredAt: '2026-11-23T00:00:00.000Z', repeat: true }];
    const history = { redemptions: 0, customerOrders, recordedAt: '2026-11-23T10:00:00.000Z' };
    expect(standingOf(program, leader, repeat, history).awaitingFirstOrder).toBe(true);
  });

  it('reads the terms of a promotion', () => {
    const standing = standingOf(aProgram({ promoteToCommunityLeaderAfter: 2 }), anAmbassador(), aRedemption(), {
      redemptions: 2,
    });
    expect(standing.terms.role).toBe('community_leader');
  });
});
