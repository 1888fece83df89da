/**
 * Erasing a customer, on every store (memory, PGlite, PostgreSQL) through a real receiver:
 * `erasure.test.ts` runs it against each, with a search of everything the store keeps.
 */
import { expect, it } from 'vitest';
import type { RedemptionEvent } from '../event.js';
import type { ProgramInput } from '../program.js';
import type { ErasingStore } from '../stores/store.js';
import { aLeader, anAmbassador, aRedemption, aReversal } from './fixtures.js';
import { aReceiver, errorCode, NOW, signed } from './receiver-harness.js';

const DAY = 86_400_000;

/** A fresh store that can erase, and a search of everything it keeps: the places that hold `needle`. */
export type ErasingStoreFactory = () => Promise<{
  store: ErasingStore;
  stored(needle: string): Promise<string[]>;
  cleanup(): Promise<void>;
}>;

const leaderRoles = {
  community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 }, repeatWindowDays: 30 },
} as const satisfies ProgramInput['roles'];

/** Jo, the customer to erase: known by id, by one email hash and, from a later order, by a second. */
const JO = { id: 'c_jo', email: 'e0'.repeat(32), laterEmail: 'e1'.repeat(32) };
/** Kim, another customer, who stays. */
const KIM = { id: 'c_kim', email: 'e2'.repeat(32) };

/** An order with Maya's code; a repeat order is at full price, as a member's later orders are reported. */
function order(orderId: string, occurredAt: string, customer: RedemptionEvent['customer'], code = 'MAYA-7HC2QK') {
  const repeat = customer?.firstOrder === false;
  return aRedemption({
    id: `evt_order${orderId}`,
    orderId,
    code,
    occurredAt,
    customer,
    ...(repeat && { order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 }, attribution: undefined }),
  });
}

/**
 * Jo's first order with Maya, then three repeat orders that each earn Maya a retention reward, linked to
 * the first as the rules link them: by id alone, by email alone, and by id with a second email; and a
 * repeat order with Alex's code that only that second email ties to Jo. Kim's first order with Alex beside them.
 */
const JO_ORDERS = [
  order('2001', '2026-11-20T10:00:00.000Z', { id: JO.id, emailHash: JO.email, firstOrder: true }),
  order('2002', '2026-11-21T10:00:00.000Z', { id: JO.id, firstOrder: false }),
  order('2003', '2026-11-22T09:00:00.000Z', { emailHash: JO.email, firstOrder: false }),
  order('2004', '2026-11-22T09:30:00.000Z', { id: JO.id, emailHash: JO.laterEmail, firstOrder: false }),
  order('2005', '2026-11-22T09:45:00.000Z', { emailHash: JO.laterEmail, firstOrder: false }, 'ALEX-7HC2QK'),
];
const KIM_ORDER = order('3001', '2026-11-22T09:00:00.000Z', { id: KIM.id, emailHash: KIM.email }, 'ALEX-7HC2QK');

/** Registers the shared erasure tests; call inside a `describe` per store. */
export function erasureSuite(fresh: ErasingStoreFactory) {
  async function withScenario(run: (scenario: Scenario) => Promise<void>) {
    const made = await fresh();
    try {
      await run(await scenario(made));
    } finally {
      await made.cleanup();
    }
  }

  type Scenario = Awaited<ReturnType<typeof scenario>>;
  async function scenario({ store, stored }: Awaited<ReturnType<ErasingStoreFactory>>) {
    let clock = NOW;
    const { receive, program } = await aReceiver({
      store,
      program: { roles: leaderRoles },
      ambassadors: [anAmbassador(), aLeader()],
      now: () => clock,
    });
    const deliver = async (event: Parameters<typeof signed>[0]) => receive.handle(await signed(event, { at: clock }));
    for (const event of [...JO_ORDERS, KIM_ORDER]) expect((await deliver(event)).status).toBe(201);
    /** The stats as the ledger reads them now and once every hold has passed, as text to compare byte for byte. */
    const figures = async () =>
      JSON.stringify([
        await store.stats({ program, now: clock }),
        await store.stats({ program, now: new Date(clock.getTime() + 20 * DAY) }),
      ]);
    /** Every place the store keeps any of Jo's identities. */
    const placesOfJo = async () => [
      ...(await stored(JO.id)),
      ...(await stored(JO.email)),
      ...(await stored(JO.laterEmail)),
    ];
    const later = (days: number) => {
      clock = new Date(NOW.getTime() + days * DAY);
      return clock;
    };
    return { store, stored, program, deliver, figures, placesOfJo, later };
  }

  it('erases a customer so that the stats read byte for byte as before', async () => {
    await withScenario(async ({ store, figures }) => {
      const before = await figures();
      expect(await store.eraseCustomer({ program: 'spring-2026', id: JO.id })).toEqual({
        ok: true,
        value: { rows: 5 },
      });
      expect(await figures()).toBe(before);
    });
  });

  it('leaves no id or email hash of the customer anywhere in the store, and the other customers as they were', async () => {
    await withScenario(async ({ store, stored, placesOfJo }) => {
      // The search finds what is there: Jo in the ledger and the keys' fingerprints, before.
      expect((await placesOfJo()).length).toBeGreaterThan(0);
      await store.eraseCustomer({ program: 'spring-2026', id: JO.id });
      expect(await placesOfJo()).toEqual([]);
      expect((await stored(KIM.id)).length).toBeGreaterThan(0);
      expect((await stored(KIM.email)).length).toBeGreaterThan(0);
    });
  });

  it('erases by email hash the rows linked to it through the customer’s id and their other email', async () => {
    await withScenario(async ({ store, figures, placesOfJo }) => {
      const before = await figures();
      expect(await store.eraseCustomer({ program: 'spring-2026', emailHash: JO.laterEmail })).toEqual({
        ok: true,
        value: { rows: 5 },
      });
      expect([await placesOfJo(), await figures()]).toEqual([[], before]);
    });
  });

  it('takes the customer’s next order, by id or by email, as a new customer’s first order', async () => {
    await withScenario(async ({ store, deliver }) => {
      const next = (orderId: string, customer: RedemptionEvent['customer']) =>
        deliver(order(orderId, '2026-11-22T10:00:00.000Z', customer, 'ALEX-7HC2QK'));
      expect(errorCode(await next('2101', { id: JO.id }))).toBe('not_first_order');
      await store.eraseCustomer({ program: 'spring-2026', id: JO.id });
      for (const [orderId, customer] of [
        ['2102', { id: JO.id }],
        ['2103', { emailHash: JO.laterEmail }],
      ] as const) {
        const answer = await next(orderId, customer);
        expect([answer.status, (answer.body as { rewards?: unknown }).rewards]).toEqual([
          201,
          expect.objectContaining({ ambassador: expect.objectContaining({ reason: 'first_order' }) }),
        ]);
      }
    });
  });

  it('takes back with an erased customer’s refunded first order the retention rewards it took before erasure', async () => {
    const refunded = async (erase: boolean) => {
      let after = '';
      await withScenario(async ({ store, program, deliver, later }) => {
        if (erase) await store.eraseCustomer({ program: 'spring-2026', id: JO.id });
        const at = later(1);
        expect(
          (await deliver(aReversal({ orderId: '2001', code: 'MAYA-7HC2QK', occurredAt: at.toISOString() }))).status,
        ).toBe(201);
        const stats = await store.stats({ program, now: at });
        // Maya's first-order reward and her three retention rewards, all taken back.
        expect(stats.ambassadors.find((row) => row.code === 'MAYA-7HC2QK')?.rewards).toEqual({
          credit: { pending: 0, confirmed: 0, reversed: 1900, owedBack: 0 },
        });
        after = JSON.stringify(stats);
      });
      return after;
    };
    expect(await refunded(true)).toBe(await refunded(false));
  });

  it('answers a replay of an erased customer’s order as a conflict, recording nothing', async () => {
    await withScenario(async ({ store, deliver, figures }) => {
      await store.eraseCustomer({ program: 'spring-2026', id: JO.id });
      const before = await figures();
      const replay = await deliver({ ...(JO_ORDERS[0] as RedemptionEvent), id: 'evt_replayed2001' });
      expect([replay.status, errorCode(replay)]).toEqual([409, 'idempotency_conflict']);
      expect(await figures()).toBe(before);
    });
  });

  it('answers 0 rows for a customer the ledger does not hold', async () => {
    await withScenario(async ({ store, figures }) => {
      const before = await figures();
      expect(await store.eraseCustomer({ program: 'spring-2026', id: 'c_nobody', emailHash: 'f0'.repeat(32) })).toEqual(
        {
          ok: true,
          value: { rows: 0 },
        },
      );
      expect(await figures()).toBe(before);
    });
  });

  it('refuses a request without an identity, with a malformed hash or for an unknown program, erasing nothing', async () => {
    await withScenario(async ({ store, figures, placesOfJo }) => {
      const before = [await figures(), await placesOfJo()];
      const refusals = await Promise.all(
        [
          { program: 'spring-2026' },
          { program: 'spring-2026', id: JO.id, emailHash: JO.email.toUpperCase() },
          { program: 'spring-2026', id: 'c jo' },
          { program: 'autumn-2026', id: JO.id },
          { program: 'spring-2026', id: JO.id, name: 'Jo' },
        ].map(async (request) => {
          const result = await store.eraseCustomer(request as Parameters<ErasingStore['eraseCustomer']>[0]);
          return result.ok ? result : [result.error.code, result.error.issues.map(({ path, code }) => [path, code])];
        }),
      );
      expect(refusals).toEqual([
        ['invalid_erasure', [[[], 'custom']]],
        ['invalid_erasure', [[['emailHash'], 'invalid_format']]],
        ['invalid_erasure', [[['id'], 'invalid_format']]],
        ['unknown_program', [[['program'], 'unknown_program']]],
        ['invalid_erasure', [[['name'], 'unrecognized_keys']]],
      ]);
      expect([await figures(), await placesOfJo()]).toEqual(before);
    });
  });
}
