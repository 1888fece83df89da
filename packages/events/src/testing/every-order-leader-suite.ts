/**
 * A community leader on an offer for every order, on every store (memory, PGlite, PostgreSQL) through a
 * real receiver: `stores.test.ts` runs it against each of them. A repeat order earns a leader the ordinary
 * reward, as it earns any ambassador, and a member's within the window earns the retention reward on top:
 * a promotion to leader never pays less.
 */
import { expect, it } from 'vitest';
import type { RedemptionEvent } from '../event.js';
import type { ProgramInput } from '../program.js';
import type { ReferralStore } from '../stores/store.js';
import { aLeader, anAmbassador, aRedemption, aReversal } from './fixtures.js';
import { aReceiver, errorCode, NOW, signed } from './receiver-harness.js';
import { type StoreFactory, storeRunner } from './store-factory.js';

const DAY = 86_400_000;

/** 1000 credit for any order, and a leader's 250 for a member's repeat order within 30 days; no hold. */
function everyOrder(retention: { type: 'credit' | 'cash' | 'points' } = { type: 'credit' }) {
  return {
    firstOrderOnly: false,
    rewardHoldDays: 0,
    roles: {
      community_leader: {
        repeatOrderReward: { basis: 'fixed', type: retention.type, amount: 250 },
        repeatWindowDays: 30,
      },
    },
  } as const satisfies Partial<ProgramInput>;
}

const customer = { id: 'c_42', emailHash: 'f'.repeat(64) };

/** The customer's first order, 15% off, on 20 November. */
function firstOrder(code: string) {
  return aRedemption({
    id: 'evt_everyOrder0001',
    orderId: '1001',
    code,
    occurredAt: '2026-11-20T10:00:00.000Z',
    customer: { ...customer, firstOrder: true },
  });
}

/** The customer's repeat order, taking the offer again (15% of 4000), as an offer for every order allows. */
function repeatOrder(n: number, code: string, occurredAt = `2026-11-2${n - 1}T09:00:00.000Z`): RedemptionEvent {
  return aRedemption({
    id: `evt_everyOrder000${n}`,
    orderId: `100${n}`,
    code,
    occurredAt,
    order: { currency: 'USD', subtotal: 4000, discount: 600, total: 3400 },
    customer: { ...customer, firstOrder: false },
    attribution: undefined,
  });
}

type Grant = { amount: number; type: string; reason: string };

/** The ambassador-side grants of an answer: the ordinary reward and the leader's retention reward. */
function grantsOf(answer: { body: unknown }) {
  const rewards = (answer.body as { rewards?: { ambassador: Grant | null; retention?: Grant } }).rewards;
  return { ambassador: rewards?.ambassador, retention: rewards?.retention };
}

/** A code's row and its role's row in the stats at `now`: reward cost and rewards by unit. */
async function figures(store: ReferralStore, program: string, code: string, now = NOW) {
  const stats = await store.stats({ program, now });
  const row = stats.ambassadors.find((entry) => entry.code === code);
  const role = stats.roles.find((entry) => entry.role === row?.role);
  return {
    rewardCost: row?.rewardCost,
    rewardPoints: row?.rewardPoints,
    rewards: row?.rewards,
    role: [role?.rewardCost, role?.rewardPoints, role?.rewards],
  };
}

/** Registers the shared tests of leaders on offers for every order; call inside a `describe` per store. */
export function everyOrderLeaderSuite(fresh: StoreFactory) {
  const withStore = storeRunner(fresh);

  it("pays a leader's member's repeat order the ordinary reward and the retention reward on top", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: everyOrder(), ambassadors: [aLeader()] });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      const repeat = await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      expect([repeat.status, grantsOf(repeat)]).toMatchObject([
        201,
        {
          ambassador: { amount: 1000, type: 'credit', reason: 'repeat_order' },
          retention: { amount: 250, type: 'credit', reason: 'repeat_order' },
        },
      ]);
      const credit = { credit: { pending: 0, confirmed: 2250, reversed: 0, owedBack: 0 } };
      expect(await figures(store, program.id, 'MAYA-7HC2QK')).toEqual({
        rewardCost: 2250,
        rewardPoints: 0,
        rewards: credit,
        role: [2250, 0, credit],
      });
    });
  });

  it('pays a plain ambassador the same orders no more than a leader', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: everyOrder() });
      await receive.handle(await signed(firstOrder('ALEX-7HC2QK')));
      const repeat = await receive.handle(await signed(repeatOrder(2, 'ALEX-7HC2QK')));
      expect(grantsOf(repeat)).toEqual({
        ambassador: expect.objectContaining({ amount: 1000, reason: 'repeat_order' }),
        retention: undefined,
      });
      expect((await figures(store, program.id, 'ALEX-7HC2QK')).rewardCost).toBe(2000);
    });
  });

  it('pays a leader the ordinary reward for a repeat order of a customer another ambassador brought', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: everyOrder(),
        ambassadors: [anAmbassador(), aLeader()],
      });
      await receive.handle(await signed(firstOrder('ALEX-7HC2QK')));
      const withMaya = await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      expect([withMaya.status, grantsOf(withMaya)]).toEqual([
        201,
        { ambassador: expect.objectContaining({ amount: 1000, reason: 'repeat_order' }), retention: undefined },
      ]);
      expect((await figures(store, program.id, 'MAYA-7HC2QK')).rewardCost).toBe(1000);
    });
  });

  it("takes back only the retention reward when the member's first order is reversed, and pays the ordinary reward after", async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        program: everyOrder(),
        ambassadors: [aLeader()],
        now: () => clock,
      });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      clock = new Date(NOW.getTime() + DAY);
      const refund = aReversal({ code: 'MAYA-7HC2QK', occurredAt: clock.toISOString() });
      expect((await receive.handle(await signed(refund, { at: clock }))).status).toBe(201);
      // The first order's 1000 and the retention 250 are reversed; the repeat order's own 1000 stands.
      expect(await figures(store, program.id, 'MAYA-7HC2QK', clock)).toMatchObject({
        rewardCost: 1000,
        rewards: { credit: { pending: 0, confirmed: 1000, reversed: 1250, owedBack: 1250 } },
      });
      // No one's member now: the next order earns the ordinary reward, and no retention reward.
      const next = await receive.handle(
        await signed(repeatOrder(4, 'MAYA-7HC2QK', '2026-11-23T10:00:00.000Z'), { at: clock }),
      );
      expect([next.status, grantsOf(next)]).toEqual([
        201,
        { ambassador: expect.objectContaining({ amount: 1000 }), retention: undefined },
      ]);
      expect(await figures(store, program.id, 'MAYA-7HC2QK', clock)).toMatchObject({
        rewardCost: 2000,
        rewards: { credit: { pending: 0, confirmed: 2000, reversed: 1250, owedBack: 1250 } },
      });
    });
  });

  it("takes back both rewards of a member's repeat order when that order is reversed", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: everyOrder(), ambassadors: [aLeader()] });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      const refund = aReversal({ code: 'MAYA-7HC2QK', orderId: '1002', occurredAt: '2026-11-22T10:00:00.000Z' });
      expect((await receive.handle(await signed(refund))).status).toBe(201);
      expect(await figures(store, program.id, 'MAYA-7HC2QK')).toMatchObject({
        rewardCost: 1000,
        rewards: { credit: { pending: 0, confirmed: 1000, reversed: 1250, owedBack: 1250 } },
      });
    });
  });

  it('counts both rewards of a repeat order reversed after their hold as owed back, each by when it was taken back', async () => {
    await withStore(async (store) => {
      const day = (days: number) => new Date(NOW.getTime() + days * DAY);
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        program: { ...everyOrder(), rewardHoldDays: 14 },
        ambassadors: [aLeader()],
        now: () => clock,
      });
      // The first order's 1000 confirms on day 14; the repeat order's 1000 and 250, recorded on day 10, on day 24.
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      clock = day(10);
      await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK', '2026-12-02T10:00:00.000Z'), { at: clock }));
      const refund = async (orderId: string, days: number) => {
        clock = day(days);
        const reversal = aReversal({
          id: `evt_reversal0${orderId}`,
          code: 'MAYA-7HC2QK',
          orderId,
          occurredAt: clock.toISOString(),
        });
        expect((await receive.handle(await signed(reversal, { at: clock }))).status).toBe(201);
      };
      // Day 20: the first order, confirmed, is owed back; the retention reward taken with it was still held.
      await refund('1001', 20);
      // Day 25: the repeat order's own reward, confirmed since day 24, is owed back too.
      await refund('1002', 25);
      const at = async (days: number) => (await figures(store, program.id, 'MAYA-7HC2QK', day(days))).rewards;
      expect(await at(20)).toEqual({ credit: { pending: 1000, confirmed: 0, reversed: 1250, owedBack: 1000 } });
      expect(await at(25)).toEqual({ credit: { pending: 0, confirmed: 0, reversed: 2250, owedBack: 2000 } });
    });
  });

  it("counts a retention reward in another unit apart, for the leader and the leaders' role", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: everyOrder({ type: 'points' }),
        ambassadors: [aLeader()],
      });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      const repeat = await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      expect(grantsOf(repeat).retention).toMatchObject({ amount: 250, type: 'points' });
      const rewards = {
        credit: { pending: 0, confirmed: 2000, reversed: 0, owedBack: 0 },
        points: { pending: 0, confirmed: 250, reversed: 0, owedBack: 0 },
      };
      expect(await figures(store, program.id, 'MAYA-7HC2QK')).toEqual({
        rewardCost: 2000,
        rewardPoints: 250,
        rewards,
        role: [2000, 250, rewards],
      });
    });
  });

  it("answers a duplicate of a member's repeat order with both rewards, as the first answer reads", async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store, program: everyOrder(), ambassadors: [aLeader()] });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      const delivery = await signed(repeatOrder(2, 'MAYA-7HC2QK'));
      const first = await receive.handle(delivery);
      const again = await receive.handle(delivery);
      expect([first.status, again.status]).toEqual([201, 200]);
      const rewards = (answer: { body: unknown }) => JSON.stringify((answer.body as { rewards: unknown }).rewards);
      expect(rewards(again)).toBe(rewards(first));
      expect(grantsOf(again).retention).toMatchObject({ amount: 250 });
    });
  });

  it("pays a member's repeat order both rewards at a code's cap, which counts the friends it brought", async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({
        store,
        program: { ...everyOrder(), maxRedemptionsPerCode: 1 },
        ambassadors: [aLeader()],
      });
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      const repeat = await receive.handle(await signed(repeatOrder(2, 'MAYA-7HC2QK')));
      expect([repeat.status, grantsOf(repeat)]).toMatchObject([
        201,
        { ambassador: { amount: 1000 }, retention: { amount: 250 } },
      ]);
    });
  });

  it("waits for a member's first order still on its way, then pays both rewards", async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store, program: everyOrder(), ambassadors: [aLeader()] });
      const repeat = await signed(repeatOrder(2, 'MAYA-7HC2QK'));
      const early = await receive.handle(repeat);
      expect([early.status, errorCode(early)]).toEqual([503, 'first_order_pending']);
      await receive.handle(await signed(firstOrder('MAYA-7HC2QK')));
      expect(grantsOf(await receive.handle(repeat))).toMatchObject({
        ambassador: { amount: 1000 },
        retention: { amount: 250 },
      });
    });
  });
}
