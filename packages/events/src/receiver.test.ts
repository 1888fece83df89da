/** The receiver recording events exactly once: rewards, duplicates, conflicts, reversals; and its configuration. */
import { describe, expect, it } from 'vitest';
import { createReceiver } from './receiver.js';
import { memoryStore } from './stores/memory-store.js';
import { aLanding, aProgram, aRedemption, aReversal, aShare } from './testing/fixtures.js';
import { aReceiver, errorCode, type HarnessOptions, NOW, signed, unsigned } from './testing/receiver-harness.js';

describe('createReceiver: recording', () => {
  it('records a signed redemption with both sides of the rewards', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption()));
    expect(answer).toEqual({
      status: 201,
      body: {
        status: 'recorded',
        rewards: {
          friend: { discount: 900, currency: 'USD' },
          ambassador: {
            amount: 1000,
            type: 'credit',
            currency: 'USD',
            status: 'pending',
            confirmsAt: '2026-12-06T10:00:12.000Z',
            reason: 'first_order',
          },
        },
      },
    });
  });

  it('answers a replay with the same content as a duplicate with the first rewards', async () => {
    const { receive } = await aReceiver();
    const first = await receive.handle(await signed(aRedemption()));
    const again = await receive.handle(await signed(aRedemption()));
    expect(again).toEqual({
      status: 200,
      body: { status: 'duplicate', rewards: (first.body as { rewards: unknown }).rewards },
    });
  });

  it('answers the same order sent again under a new event id as a duplicate', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    const again = await receive.handle(
      await signed(aRedemption({ id: 'evt_fromTheServer01', occurredAt: '2026-11-22T10:00:05.000Z' })),
    );
    expect(again.status).toBe(200);
  });

  it('refuses the same order with different content as a conflict', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    const changed = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5000 } });
    expect(errorCode(await receive.handle(await signed(changed)))).toBe('idempotency_conflict');
  });

  it('refuses a webhook-id reused for another event as a conflict', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption(), { id: 'msg_1' }));
    const other = aRedemption({ id: 'evt_anotherOrder01', orderId: '1002', customer: { id: 'c_10' } });
    expect(errorCode(await receive.handle(await signed(other, { id: 'msg_1' })))).toBe('idempotency_conflict');
  });

  it.each([
    ['landing', aLanding()],
    ['share', aShare()],
  ])('records a %s without rewards', async (_type, event) => {
    const { receive } = await aReceiver();
    expect(await receive.handle(await signed(event))).toEqual({ status: 201, body: { status: 'recorded' } });
  });

  it('records a reversal of a redeemed order and claws the reward back', async () => {
    const { receive, store, program } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' })))).status).toBe(
      201,
    );
    const stats = await store.stats({ program, now: NOW });
    expect(stats.ambassadors[0]?.rewards).toEqual({
      credit: { pending: 0, confirmed: 0, reversed: 1000, owedBack: 0 },
    });
  });

  it('answers a second reversal of the order as a duplicate', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' })));
    const again = await receive.handle(
      await signed(aReversal({ id: 'evt_reversal00002', occurredAt: '2026-11-22T10:00:11.000Z' })),
    );
    expect(again.status).toBe(200);
  });

  describe('once the code no longer resolves (the ambassador left the program)', () => {
    /** A receiver whose resolveCode forgets every code once `leave()` is called. */
    async function leaving(options: HarnessOptions = {}) {
      const store = memoryStore();
      let left = false;
      const harness = await aReceiver({
        store,
        resolveCode: (code, program) => (left ? null : store.ambassadorByCode(code, program)),
        ...options,
      });
      return { ...harness, leave: () => (left = true) };
    }

    it('answers a replay of a recorded order as a duplicate, and the same order changed as a conflict', async () => {
      const { receive, leave } = await leaving();
      const first = await receive.handle(await signed(aRedemption()));
      leave();
      expect(await receive.handle(await signed(aRedemption()))).toEqual({
        status: 200,
        body: { status: 'duplicate', rewards: (first.body as { rewards: unknown }).rewards },
      });
      const changed = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5000 } });
      expect(errorCode(await receive.handle(await signed(changed)))).toBe('idempotency_conflict');
      // A new order under the code is refused, as before.
      const next = aRedemption({ id: 'evt_anotherOrder01', orderId: '1002', customer: { id: 'c_10' } });
      expect(errorCode(await receive.handle(await signed(next)))).toBe('unknown_code');
    });

    it('records a reversal of a recorded order and claws the reward back', async () => {
      const { receive, store, program, leave } = await leaving();
      await receive.handle(await signed(aRedemption()));
      leave();
      const refund = aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' });
      expect((await receive.handle(await signed(refund))).status).toBe(201);
      const stats = await store.stats({ program, now: NOW });
      expect(stats.ambassadors[0]?.rewards).toEqual({
        credit: { pending: 0, confirmed: 0, reversed: 1000, owedBack: 0 },
      });
      // A reversal of an order the code never redeemed is still refused for the code.
      const other = aReversal({ id: 'evt_reversal00009', orderId: '1009', occurredAt: '2026-11-22T10:00:10.000Z' });
      expect(errorCode(await receive.handle(await signed(other)))).toBe('unknown_code');
    });

    it('refuses a page’s events for an unknown code or an unconfirmed order before the store, telling nothing of it', async () => {
      const asked: string[] = [];
      let confirms = true;
      const { receive, store, leave } = await leaving({
        secret: undefined,
        confirmOrder: (event) => {
          asked.push(event.orderId);
          return confirms;
        },
      });
      expect((await receive.handle(unsigned(aRedemption()))).status).toBe(201);
      const commits: unknown[] = [];
      const commit = store.commit.bind(store);
      store.commit = (input) => {
        commits.push(input.event.id);
        return commit(input);
      };
      // A forged order of the same id with other content: the shop does not confirm it, and the answer is
      // the one any unconfirmed order gets, not the 409 that would say the ledger holds order 1001.
      confirms = false;
      const forged = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5000 } });
      expect(errorCode(await receive.handle(unsigned(forged)))).toBe('order_not_confirmed');
      leave();
      expect(errorCode(await receive.handle(unsigned(aRedemption())))).toBe('unknown_code');
      expect(errorCode(await receive.handle(unsigned(aLanding())))).toBe('unknown_code');
      // Neither reached the store, and the shop was asked only while the code resolved.
      expect(commits).toEqual([]);
      expect(asked).toEqual(['1001', '1001']);
    });
  });

  it('refuses a reversal replayed with another reason as a conflict', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    const refund = aReversal({ occurredAt: '2026-11-22T10:00:10.000Z', reason: 'refund' });
    expect((await receive.handle(await signed(refund))).status).toBe(201);
    expect((await receive.handle(await signed({ ...refund, id: 'evt_reversal00002' }))).status).toBe(200);
    const fraud = { ...refund, id: 'evt_reversal00003', reason: 'fraud' as const };
    expect(errorCode(await receive.handle(await signed(fraud)))).toBe('idempotency_conflict');
  });
});

describe('createReceiver: configuration', () => {
  it('refuses a secret given as undefined at creation, an unset variable, rather than take unsigned claims', async () => {
    const options = { programs: [aProgram()], store: memoryStore(), resolveCode: () => null };
    expect(() => createReceiver({ ...options, secret: process.env.REFERKIT_UNSET_SECRET_FOR_TEST })).toThrow(
      /`secret` is undefined/,
    );
    expect(() => createReceiver(options)).not.toThrow();
  });

  it('refuses a short secret at creation', async () => {
    await expect(aReceiver({ secret: 'whsec_c2hvcnQ=' })).rejects.toThrow(/24/);
  });

  it('refuses a program off the schema at creation', async () => {
    await expect(aReceiver({ programs: [{ id: 'Bad Id' } as never] })).rejects.toThrow();
  });

  it('refuses two programs of one id at creation, rather than let the last take the first one’s events', async () => {
    const { program } = await aReceiver();
    await expect(aReceiver({ programs: [program, { ...program, currency: 'EUR' }] })).rejects.toThrow(
      /^\[referkit\] Could not create the receiver: two programs have the id "spring-2026"\./,
    );
  });
});
