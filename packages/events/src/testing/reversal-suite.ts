/**
 * What a reversal takes back, and which reversals the ledger takes, on every store (memory, PGlite,
 * PostgreSQL) through a real receiver: `stores.test.ts` runs it against each of them.
 */
import { expect, it } from 'vitest';
import type { RedemptionEvent } from '../event.js';
import type { ProgramInput } from '../program.js';
import { aLeader, aRedemption, aReversal } from './fixtures.js';
import { aReceiver, NOW, signed } from './receiver-harness.js';
import { type StoreFactory, storeRunner } from './store-factory.js';

const DAY = 86_400_000;

/** Leaders earn 300 for a member's repeat order within 30 days, beside the program's 1000 for a first order. */
const leaderRoles = {
  community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 }, repeatWindowDays: 30 },
} as const satisfies ProgramInput['roles'];

const member = { id: 'c_42', emailHash: 'f'.repeat(64) };

/** The member's first order with Maya's code, 15% off, on 20 November. */
function firstOrder(overrides: Partial<RedemptionEvent> = {}) {
  return aRedemption({
    id: 'evt_memberOrder01',
    orderId: '1001',
    code: 'MAYA-7HC2QK',
    occurredAt: '2026-11-20T10:00:00.000Z',
    customer: { ...member, firstOrder: true },
    attribution: { landedAt: '2026-11-19T09:00:00.000Z', channel: 'whatsapp', model: 'last_touch' },
    ...overrides,
  });
}

/** A repeat order of the member at full price, reported under the code that brought them. */
function repeatOrder(n: number, occurredAt: string, code = 'MAYA-7HC2QK') {
  return aRedemption({
    id: `evt_memberOrder0${n}`,
    orderId: `100${n}`,
    code,
    occurredAt,
    order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
    customer: { ...member, firstOrder: false },
    attribution: undefined,
  });
}

/** The ambassador's reward an answer carries, `undefined` when it carries none. */
function grantOf(answer: { body: unknown }) {
  return (answer.body as { rewards?: { ambassador: { amount: number; reason: string } | null } }).rewards?.ambassador;
}

/** Registers the shared reversal tests; call inside a `describe` per store. */
export function reversalSuite(fresh: StoreFactory) {
  const withStore = storeRunner(fresh);

  it("takes back a leader's retention rewards with the refunded first order that made the customer a member", async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        program: { roles: leaderRoles },
        ambassadors: [aLeader()],
        now: () => clock,
      });
      expect(grantOf(await receive.handle(await signed(firstOrder())))).toMatchObject({ amount: 1000 });
      for (const [n, at] of [
        [2, '2026-11-21T10:00:00.000Z'],
        [3, '2026-11-22T09:00:00.000Z'],
      ] as const)
        expect(grantOf(await receive.handle(await signed(repeatOrder(n, at))))).toMatchObject({
          amount: 300,
          reason: 'repeat_order',
        });
      clock = new Date(NOW.getTime() + DAY);
      const refund = aReversal({ code: 'MAYA-7HC2QK', occurredAt: clock.toISOString() });
      expect((await receive.handle(await signed(refund, { at: clock }))).status).toBe(201);
      // The customer is no one's now: their next order earns the leader nothing, as the ledger's figures say.
      const next = await receive.handle(await signed(repeatOrder(4, '2026-11-23T10:00:00.000Z'), { at: clock }));
      expect([next.status, grantOf(next)]).toEqual([201, null]);
      const maya = async (now: Date) => {
        const row = (await store.stats({ program, now })).ambassadors[0];
        return [row?.firstOrders, row?.repeatOrderRate, row?.rewardCost, row?.rewards];
      };
      expect(await maya(NOW)).toEqual([
        1,
        1,
        1600,
        { credit: { pending: 1600, confirmed: 0, reversed: 0, owedBack: 0 } },
      ]);
      expect(await maya(clock)).toEqual([
        0,
        null,
        0,
        { credit: { pending: 0, confirmed: 0, reversed: 1600, owedBack: 0 } },
      ]);
    });
  });

  it('takes back a retention reward already confirmed with its member’s refunded first order, as the first order’s own', async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        program: { roles: leaderRoles, rewardHoldDays: 0 },
        ambassadors: [aLeader()],
        now: () => clock,
      });
      await receive.handle(await signed(firstOrder()));
      await receive.handle(await signed(repeatOrder(2, '2026-11-21T10:00:00.000Z')));
      clock = new Date(NOW.getTime() + DAY);
      const refund = aReversal({ code: 'MAYA-7HC2QK', occurredAt: clock.toISOString() });
      await receive.handle(await signed(refund, { at: clock }));
      const rewards = async (now: Date) => (await store.stats({ program, now })).ambassadors[0]?.rewards;
      expect(await rewards(NOW)).toEqual({ credit: { pending: 0, confirmed: 1300, reversed: 0, owedBack: 0 } });
      expect(await rewards(clock)).toEqual({ credit: { pending: 0, confirmed: 0, reversed: 1300, owedBack: 1300 } });
    });
  });

  it("counts a leader's retention reward taken back with its member's first order as owed back by its own hold", async () => {
    await withStore(async (store) => {
      const day = (days: number) => new Date(NOW.getTime() + days * DAY);
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        program: { roles: leaderRoles, rewardHoldDays: 14 },
        ambassadors: [aLeader()],
        now: () => clock,
      });
      // The first order's 1000 confirms on day 14; the repeat order's 300, recorded on day 10, on day 24.
      await receive.handle(await signed(firstOrder()));
      clock = day(10);
      await receive.handle(await signed(repeatOrder(2, '2026-12-02T10:00:00.000Z'), { at: clock }));
      clock = day(20);
      const refund = aReversal({ code: 'MAYA-7HC2QK', occurredAt: clock.toISOString() });
      expect((await receive.handle(await signed(refund, { at: clock }))).status).toBe(201);
      const stats = await store.stats({ program, from: '2026-11-20', to: clock, now: clock });
      expect(stats.ambassadors[0]?.rewards).toEqual({
        credit: { pending: 0, confirmed: 0, reversed: 1300, owedBack: 1000 },
      });
    });
  });

  it("keeps a member's other rewards when one of their repeat orders is refunded", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { roles: leaderRoles },
        ambassadors: [aLeader()],
      });
      await receive.handle(await signed(firstOrder()));
      await receive.handle(await signed(repeatOrder(2, '2026-11-21T10:00:00.000Z')));
      await receive.handle(await signed(repeatOrder(3, '2026-11-22T09:00:00.000Z')));
      const refund = aReversal({ code: 'MAYA-7HC2QK', orderId: '1002', occurredAt: '2026-11-22T10:00:00.000Z' });
      expect((await receive.handle(await signed(refund))).status).toBe(201);
      const row = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect([row?.firstOrders, row?.rewards]).toEqual([
        1,
        { credit: { pending: 1300, confirmed: 0, reversed: 300, owedBack: 0 } },
      ]);
    });
  });

  it("keeps an ambassador's reward for a repeat order on an offer for every order when the first order is refunded", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { firstOrderOnly: false } });
      const alex = { code: 'ALEX-7HC2QK' };
      await receive.handle(await signed(firstOrder(alex)));
      const repeat = repeatOrder(2, '2026-11-21T10:00:00.000Z', alex.code);
      expect(grantOf(await receive.handle(await signed(repeat)))).toMatchObject({
        amount: 1000,
        reason: 'repeat_order',
      });
      const refund = aReversal({ occurredAt: '2026-11-22T10:00:00.000Z' });
      expect((await receive.handle(await signed(refund))).status).toBe(201);
      const row = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect(row?.rewards).toEqual({ credit: { pending: 1000, confirmed: 0, reversed: 1000, owedBack: 0 } });
    });
  });

  it('refuses a reversal dated before its order with 422 reversal_before_order at occurredAt, recording nothing', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption()));
      const backdated = aReversal({ reason: 'fraud', occurredAt: '2026-01-05T00:00:00.000Z' });
      const answer = await receive.handle(await signed(backdated));
      expect([answer.status, answer.body]).toMatchObject([
        422,
        { error: { code: 'reversal_before_order', issues: [{ path: ['occurredAt'], code: 'reversal_before_order' }] } },
      ]);
      const row = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect(row?.rewards).toEqual({ credit: { pending: 1000, confirmed: 0, reversed: 0, owedBack: 0 } });
      // Nothing of it was kept: the reversal dated as it happened is recorded.
      const dated = aReversal({ reason: 'fraud', occurredAt: '2026-11-22T10:00:10.000Z' });
      expect((await receive.handle(await signed(dated))).status).toBe(201);
    });
  });

  it('takes a reversal dated up to clockSkewSec before its order: the two times may come from two clocks', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T10:00:00.000Z' })));
      // The order stamped by a device clock four minutes fast, its refund by the shop's server.
      const refund = aReversal({ occurredAt: '2026-11-22T09:56:00.000Z' });
      expect((await receive.handle(await signed(refund))).status).toBe(201);
    });
  });
}
