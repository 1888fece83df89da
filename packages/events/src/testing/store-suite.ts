/**
 * The behaviour every store promises of its ledger, run against each of them (memory, PGlite, PostgreSQL)
 * by `stores.test.ts`; its figures are `stats-suite.ts`'s. Deliveries go through a real receiver, as in production.
 */
import { expect, it, vi } from 'vitest';
import type { ProgramInput } from '../program.js';
import type { ReferralStore } from '../stores/store.js';
import { aLanding, anAmbassador, aProgram, aRedemption, aReversal, aSecondAmbassador } from './fixtures.js';
import { aReceiver, errorCode, NOW, signed } from './receiver-harness.js';
import { type StoreFactory, storeRunner } from './store-factory.js';

/** A program that pays community leaders 300 for their members' repeat orders within 30 days. */
const leaderProgram = {
  firstOrderOnly: false,
  roles: {
    community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 }, repeatWindowDays: 30 },
  },
} as const;

/** Maya, a community leader with code MAYA-7HC2QK and a customer identity of her own. */
function aLeader() {
  return anAmbassador({
    id: 'amb_3',
    code: 'MAYA-7HC2QK',
    displayName: 'Maya',
    role: 'community_leader',
    customerId: 'c_maya',
    emailHash: 'd'.repeat(64),
  });
}

/** Registers the shared store tests; call inside a `describe` per store. */
export function storeSuite(fresh: StoreFactory) {
  const withStore = storeRunner(fresh);

  it('records 1 and answers 49 duplicates for 50 concurrent deliveries of one redemption', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      const delivery = await signed(aRedemption());
      const answers = await Promise.all(Array.from({ length: 50 }, () => receive.handle(delivery)));
      const statuses = answers.map((answer) => answer.status).sort();
      expect([
        statuses.filter((status) => status === 201).length,
        statuses.filter((status) => status === 200).length,
      ]).toEqual([1, 49]);
      const rewards = answers.map((answer) => (answer.body as { rewards?: unknown }).rewards);
      expect(rewards[0]).toMatchObject({ ambassador: { amount: 1000 } });
      // As text, not as objects: a duplicate's answer reads exactly like the first, key order included.
      const texts = rewards.map((answer) => JSON.stringify(answer));
      expect(texts).toEqual(Array(50).fill(texts[0]));
    });
  });

  it('answers a duplicate to a reversal replayed after an upgrade, whose key holds the old fingerprint', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption()));
      // A reversal with a reason as an earlier release recorded it: its fingerprint was the code alone.
      const reversal = aReversal({ occurredAt: '2026-11-22T10:00:10.000Z', reason: 'refund' });
      const claims = [{ key: 'reversal:spring-2026:1001', fingerprint: 'ALEX-7HC2QK' }];
      await store.commit({ claims, event: reversal, recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
      const replay = await receive.handle(await signed({ ...reversal, id: 'evt_reversal00002' }));
      expect([replay.status, (replay.body as { status?: string }).status]).toEqual([200, 'duplicate']);
    });
  });

  it('answers a duplicate to a landing sent again with its instant written another way', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      const landing = aLanding({ occurredAt: '2026-11-22T09:58:00Z' });
      expect((await receive.handle(await signed(landing))).status).toBe(201);
      for (const occurredAt of ['2026-11-22T09:58:00.000Z', '2026-11-22T10:58:00+01:00', '2026-11-22T09:58:00Z']) {
        const again = await receive.handle(await signed({ ...landing, occurredAt }));
        expect([again.status, again.body]).toEqual([200, { status: 'duplicate' }]);
      }
      // Another instant under the same id is other content.
      const moved = await receive.handle(await signed({ ...landing, occurredAt: '2026-11-22T09:58:01Z' }));
      expect(errorCode(moved)).toBe('idempotency_conflict');
    });
  });

  it('answers a duplicate to a landing replayed after an upgrade, whose key holds its time as written', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      const landing = aLanding({ occurredAt: '2026-11-22T09:58:00Z' });
      // As an earlier release recorded it: the fingerprint held the time as the sender wrote it.
      const print = JSON.stringify([
        'landing',
        landing.program,
        landing.code,
        landing.occurredAt,
        landing.channel ?? null,
        landing.url ?? null,
      ]);
      const claims = [{ key: `event:${landing.id}`, fingerprint: print }];
      await store.commit({ claims, event: landing, recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
      const replay = await receive.handle(await signed(landing));
      expect([replay.status, replay.body]).toEqual([200, { status: 'duplicate' }]);
    });
  });

  it('answers a conflict for the same order with other content', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption()));
      const changed = aRedemption({ order: { currency: 'USD', subtotal: 6000, discount: 900, total: 5100 } });
      expect((await receive.handle(await signed(changed))).status).toBe(409);
    });
  });

  it("keeps a signed sender's replay a duplicate and records its refund once the code no longer resolves", async () => {
    await withStore(async (store) => {
      let left = false;
      const { receive, program } = await aReceiver({
        store,
        resolveCode: (code, id) => (left ? null : store.ambassadorByCode(code, id)),
      });
      await receive.handle(await signed(aRedemption()));
      left = true;
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(200);
      const other = aRedemption({ id: 'evt_anotherOrder01', orderId: '1002', customer: { id: 'c_10' } });
      expect(errorCode(await receive.handle(await signed(other)))).toBe('unknown_code');
      expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' })))).status).toBe(
        201,
      );
      const stats = await store.stats({ program, now: NOW });
      expect([stats.ambassadors[0]?.redemptions, stats.ambassadors[0]?.rewards.credit?.reversed]).toEqual([0, 1000]);
    });
  });

  it('holds a per-code cap under concurrent redemptions of different orders', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store, program: { maxRedemptionsPerCode: 3 } });
      const deliveries = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          signed(
            aRedemption({ id: `evt_concurrent0${index}x`, orderId: `order-${index}`, customer: { id: `c_${index}` } }),
          ),
        ),
      );
      const answers = await Promise.all(deliveries.map((delivery) => receive.handle(delivery)));
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    });
  });

  it("records one first order per customer under concurrent first orders with two ambassadors' codes", async () => {
    await withStore(async (store) => {
      const sam = aSecondAmbassador();
      const { receive } = await aReceiver({ store, ambassadors: [anAmbassador(), sam] });
      // Ten customers each place two first orders at once, one with each code; with the customer's
      // identity known by id for one order and by email hash for the other.
      const deliveries = await Promise.all(
        Array.from({ length: 20 }, (_, index) => {
          const customer = Math.floor(index / 2);
          return signed(
            aRedemption({
              id: `evt_raceOrder${String(index).padStart(5, '0')}`,
              orderId: `race-${index}`,
              code: index % 2 === 0 ? 'ALEX-7HC2QK' : 'SAM-7HC2QK',
              customer:
                index % 2 === 0
                  ? { id: `c_race${customer}`, emailHash: customer.toString(16).padStart(64, '0') }
                  : { emailHash: customer.toString(16).padStart(64, '0') },
            }),
          );
        }),
      );
      const answers = await Promise.all(deliveries.map((delivery) => receive.handle(delivery)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(10).fill(201), ...Array(10).fill(422)]);
    });
  });

  it('keeps nothing of a commit that fails midway, and rethrows the very error, so the retry records', async () => {
    await withStore(async (store) => {
      const event = aRedemption();
      const claims = [{ key: 'redemption:spring-2026:1001', fingerprint: 'f' }];
      const crash = new Error('crash after the claim');
      const failing = store.commit({
        claims,
        event,
        recordedAt: NOW,
        decide: () => {
          throw crash;
        },
      });
      // The receiver tells its own defects (500) from store outages (503) by this error.
      await expect(failing).rejects.toBe(crash);
      const retry = await store.commit({ claims, event, recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
      expect(retry.status).toBe('recorded');
    });
  });

  it('releases the claim of a refused redemption', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      const tooMuch = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 3000, total: 2999 } });
      expect((await receive.handle(await signed(tooMuch))).status).toBe(422);
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
    });
  });

  it('counts earlier confirmed redemptions for tiers: not while their hold runs, once it has passed', async () => {
    await withStore(async (store) => {
      const program: Partial<ProgramInput> = {
        tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
      };
      const { receive } = await aReceiver({ store, program });
      await receive.handle(await signed(aRedemption()));
      const second = await receive.handle(
        await signed(aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } })),
      );
      expect(second.body).toMatchObject({ rewards: { ambassador: { amount: 1000 } } });
      // Fifteen days on, the first two are past their 14-day hold: the third order is paid at the tier.
      const later = new Date(NOW.getTime() + 15 * 86_400_000);
      const { receive: receiveLater } = await aReceiver({ store, program, now: () => later });
      const third = aRedemption({
        id: 'evt_thirdOrder0001',
        orderId: '1003',
        customer: { id: 'c_11' },
        occurredAt: later.toISOString(),
      });
      expect((await receiveLater.handle(await signed(third, { at: later }))).body).toMatchObject({
        rewards: { ambassador: { amount: 1500 } },
      });
    });
  });

  it('counts every recorded redemption at once for tiers when the program holds no reward', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({
        store,
        program: {
          rewardHoldDays: 0,
          tiers: [{ minRedemptions: 2, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
        },
      });
      await receive.handle(await signed(aRedemption()));
      const second = await receive.handle(
        await signed(aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } })),
      );
      expect(second.body).toMatchObject({ rewards: { ambassador: { amount: 1500 } } });
    });
  });

  it("pays a leader's repeat-order reward for a member's second order", async () => {
    await withStore(async (store) => {
      const program = {
        roles: {
          community_leader: { repeatOrderReward: { basis: 'fixed' as const, type: 'credit' as const, amount: 300 } },
        },
      };
      const { receive } = await aReceiver({
        store,
        program,
        ambassadors: [anAmbassador({ role: 'community_leader' })],
      });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-20T10:00:00.000Z' })));
      const repeat = aRedemption({
        id: 'evt_repeatOrder001',
        orderId: '1002',
        customer: { id: 'c_9', firstOrder: false },
        order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
      });
      expect((await receive.handle(await signed(repeat))).body).toMatchObject({
        rewards: { ambassador: { amount: 300, reason: 'repeat_order' } },
      });
    });
  });

  it('refuses a first-order offer to a customer the ledger has seen', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption()));
      const again = aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { emailHash: 'b'.repeat(64) } });
      expect((await receive.handle(await signed(again))).body).toMatchObject({ error: { code: 'not_first_order' } });
    });
  });

  it("records a customer's repeat order without a discount on a first-order offer as a repeat that earns nothing and takes no place under the cap", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { maxRedemptionsPerCode: 2 } });
      const firstOrder = (id: string, orderId: string, customer: string) =>
        signed(aRedemption({ id, orderId, customer: { id: customer } }));
      await receive.handle(await firstOrder('evt_firstOrder01', '1001', 'c_9'));
      const repeat = aRedemption({
        id: 'evt_repeatOrder001',
        orderId: '1002',
        occurredAt: '2026-11-22T10:00:05.000Z',
        order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
        customer: { id: 'c_9', firstOrder: false },
      });
      const again = await receive.handle(await signed(repeat));
      expect([again.status, again.body]).toEqual([
        201,
        { status: 'recorded', rewards: { friend: { discount: 0, currency: 'USD' }, ambassador: null } },
      ]);
      // The cap counts first orders: a second friend joins, a third finds the code exhausted.
      expect((await receive.handle(await firstOrder('evt_firstOrder02', '1003', 'c_10'))).status).toBe(201);
      expect(errorCode(await receive.handle(await firstOrder('evt_firstOrder03', '1004', 'c_11')))).toBe(
        'code_exhausted',
      );
      const alex = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect([alex?.redemptions, alex?.firstOrders, alex?.repeatOrderRate]).toEqual([3, 2, 0.5]);
    });
  });

  it("counts a friend's first order that reached the receiver after their repeat order as the friend joining", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { firstOrderOnly: false, rewardHoldDays: 0, promoteToCommunityLeaderAfter: 1 },
      });
      const friend = { id: 'c_42' };
      // The shop says which order came first; the repeat order's report reaches the receiver first.
      const second = await receive.handle(
        await signed(
          aRedemption({
            id: 'evt_secondOrder1',
            orderId: '1002',
            occurredAt: '2026-11-21T10:00:00.000Z',
            order: { currency: 'USD', subtotal: 2000, discount: 0, total: 2000 },
            customer: { ...friend, firstOrder: false },
          }),
        ),
      );
      const first = await receive.handle(
        await signed(
          aRedemption({
            id: 'evt_firstOrder01',
            orderId: '1001',
            occurredAt: '2026-11-20T10:00:00.000Z',
            customer: { ...friend, firstOrder: true },
          }),
        ),
      );
      const reason = (answer: { body: unknown }) =>
        (answer.body as { rewards?: { ambassador?: { reason: string } } }).rewards?.ambassador?.reason;
      expect([reason(second), reason(first)]).toEqual(['repeat_order', 'first_order']);
      const alex = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect([alex?.firstOrders, alex?.promoted, alex?.repeatOrderRate]).toEqual([1, true, 1]);
    });
  });

  it("takes a friend's first order with its first-order offer after their repeat order without a discount reached the receiver first", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store });
      const friend = { id: 'c_42' };
      const repeat = aRedemption({
        id: 'evt_secondOrder1',
        orderId: '1002',
        occurredAt: '2026-11-21T10:00:00.000Z',
        order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
        customer: { ...friend, firstOrder: false },
      });
      expect((await receive.handle(await signed(repeat))).status).toBe(201);
      const first = aRedemption({ orderId: '1001', occurredAt: '2026-11-20T10:00:00.000Z', customer: friend });
      expect((await receive.handle(await signed(first))).body).toMatchObject({
        rewards: { friend: { discount: 900 }, ambassador: { reason: 'first_order' } },
      });
      const alex = (await store.stats({ program, now: NOW })).ambassadors[0];
      expect([alex?.redemptions, alex?.firstOrders, alex?.repeatOrderRate]).toEqual([2, 1, 1]);
    });
  });

  it('claws back a reversed reward and frees a place under the cap', async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store, program: { maxRedemptionsPerCode: 1 } });
      await receive.handle(await signed(aRedemption()));
      expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:05.000Z' })))).status).toBe(
        201,
      );
      const next = aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } });
      expect((await receive.handle(await signed(next))).status).toBe(201);
    });
  });

  it('finds an ambassador by code, and nothing for an unknown code', async () => {
    await withStore(async (store) => {
      const alex = anAmbassador();
      await store.upsertAmbassador(aProgram(), alex);
      expect([await store.ambassadorByCode('ALEX-7HC2QK'), await store.ambassadorByCode('SAM-7HC2QK')]).toEqual([
        alex,
        null,
      ]);
    });
  });

  it('finds an ambassador and their stats by a code written as a person or a route writes it', async () => {
    await withStore(async (store) => {
      const alex = anAmbassador();
      await store.upsertAmbassador(aProgram(), alex);
      for (const written of ['alex-7hc2qk', ' alex 7hc2qk ']) {
        expect(await store.ambassadorByCode(written, 'spring-2026')).toEqual(alex);
        const stats = await store.stats({ program: 'spring-2026', code: written, now: NOW });
        expect(stats.ambassadors.map((entry) => entry.code)).toEqual(['ALEX-7HC2QK']);
      }
    });
  });

  it("keeps a program's currency once its ledger holds a redemption, and registers nothing of a refused update", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store });
      await store.upsertProgram(program);
      // Before any redemption, the currency may still change (a program set up in the wrong one).
      await store.upsertProgram({ ...program, currency: 'EUR' });
      await store.upsertProgram(program);
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
      const yen = { ...program, currency: 'JPY' as const };
      await expect(store.upsertProgram(yen)).rejects.toThrow(
        '[referkit] Could not update the program spring-2026 to JPY: its ledger holds redemptions in USD, and its figures would add the two. Give the program in JPY a new id.',
      );
      await expect(store.upsertProgram(yen)).rejects.toMatchObject({ code: 'program_currency_changed' });
      await expect(store.upsertAmbassador(yen, aSecondAmbassador())).rejects.toThrow(/ledger holds redemptions in USD/);
      expect(await store.ambassadorByCode('SAM-7HC2QK')).toBeNull();
      expect((await store.stats({ program: program.id, now: NOW })).currency).toBe('USD');
      // Terms that keep the currency are an update like any other.
      await store.upsertProgram({ ...program, brand: 'Acme Spring' });
    });
  });

  it("keeps the ledger's currency for a program registered only after it recorded redemptions", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, ambassadors: [] });
      await store.upsertAmbassador(program.id, anAmbassador());
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
      await expect(store.upsertProgram({ ...program, currency: 'JPY' })).rejects.toThrow(
        /its ledger holds redemptions in USD/,
      );
      await store.upsertProgram(program);
      expect((await store.stats({ program: program.id, now: NOW })).currency).toBe('USD');
    });
  });

  it("answers 503 program_currency_changed, recording nothing, while the receiver's program is in another currency than its ledger", async () => {
    await withStore(async (store) => {
      const { receive: dollars, program } = await aReceiver({ store });
      expect((await dollars.handle(await signed(aRedemption()))).status).toBe(201);
      // The brand's config now says EUR, as the checkout does: the rules, comparing the order with the
      // config, would pass it, and stats would add euros to the dollars under one label.
      const onError = vi.fn();
      const { receive: euros } = await aReceiver({ store, ambassadors: [], program: { currency: 'EUR' }, onError });
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const inEuros = aRedemption({
        id: 'evt_euroorder00001',
        orderId: '1002',
        order: { currency: 'EUR', subtotal: 5999, discount: 900, total: 5099 },
        customer: { id: 'c_10', firstOrder: true },
      });
      // Not the shopper's fault: retryable, so the sender keeps the order until the brand fixes its config.
      const first = await euros.handle(await signed(inEuros));
      expect([first.status, errorCode(first)]).toEqual([503, 'program_currency_changed']);
      const again = await euros.handle(await signed(inEuros));
      expect([again.status, errorCode(again)]).toEqual([503, 'program_currency_changed']);
      // An order in the ledger's currency is the config's mismatch too, not a final currency_mismatch.
      const inDollars = aRedemption({ id: 'evt_dollarorder0001', orderId: '1003', customer: { id: 'c_11' } });
      expect(errorCode(await euros.handle(await signed(inDollars)))).toBe('program_currency_changed');
      expect(logged.mock.calls).toEqual([
        [
          '[referkit] Could not record a redemption of spring-2026: the program is set up in EUR, but its ledger holds redemptions in USD, and its figures would add the two. Set its currency back to USD, or give the program in EUR a new id; senders keep the events meanwhile.',
        ],
      ]);
      logged.mockClear();
      expect(onError.mock.calls.map(([, failure]) => [failure.status, failure.code, failure.event?.id])).toEqual([
        [503, 'program_currency_changed', 'evt_euroorder00001'],
        [503, 'program_currency_changed', 'evt_euroorder00001'],
        [503, 'program_currency_changed', 'evt_dollarorder0001'],
      ]);
      // An event without an order's money, such as a landing, is recorded as before.
      expect((await euros.handle(await signed(aLanding()))).status).toBe(201);
      const stats = await store.stats({ program: program.id, now: NOW });
      expect(stats.ambassadors.map((entry) => [entry.redemptions, entry.revenue])).toEqual([[1, 5099]]);
      // Once the config says USD again, the retried order in dollars counts.
      expect((await dollars.handle(await signed(inDollars))).status).toBe(201);
    });
  });

  it('records one currency when the first orders of a program arrive at once in two, from two receivers', async () => {
    // A config changed mid-deploy: one receiver still says USD, the other EUR, over an empty ledger.
    const rounds: (string | undefined)[][] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let round = 0; round < 4; round++) {
      await withStore(async (store) => {
        const { receive: dollars, program } = await aReceiver({
          store,
          ambassadors: [anAmbassador(), aSecondAmbassador()],
        });
        const { receive: euros } = await aReceiver({ store, ambassadors: [], program: { currency: 'EUR' } });
        const inEuros = aRedemption({
          id: 'evt_euroorder00001',
          orderId: '1002',
          code: aSecondAmbassador().code,
          customer: { id: 'c_10', firstOrder: true },
          order: { currency: 'EUR', subtotal: 5999, discount: 900, total: 5099 },
        });
        const answers = await Promise.all([
          dollars.handle(await signed(aRedemption())),
          euros.handle(await signed(inEuros)),
        ]);
        // Stats are asked in the currency that won: in the other they are refused, program_currency_changed.
        const won = answers[0]?.status === 201 ? program : { ...program, currency: 'EUR' as const };
        const recorded = await store.stats({ program: won, now: NOW });
        rounds.push([
          ...new Set(answers.map((answer) => (answer.status === 201 ? 'recorded' : errorCode(answer)))),
          String(recorded.ambassadors.filter((entry) => entry.redemptions > 0).length),
        ]);
      });
    }
    // Each round: one recorded, the other answered 503 until the configs agree; one ambassador with an order.
    for (const round of rounds) expect(round.sort()).toEqual(['1', 'program_currency_changed', 'recorded']);
    logged.mockClear();
  });

  it('updates an ambassador in place', async () => {
    await withStore(async (store) => {
      await store.upsertAmbassador('spring-2026', anAmbassador());
      await store.upsertAmbassador('spring-2026', anAmbassador({ displayName: 'Alex R.' }));
      expect((await store.ambassadorByCode('ALEX-7HC2QK'))?.displayName).toBe('Alex R.');
    });
  });

  it('updates every code of one ambassador, so an old code redeems on the terms of the role now', async () => {
    await withStore(async (store) => {
      await store.upsertAmbassador(aProgram(), anAmbassador({ role: 'influencer', audienceTier: 'micro' }));
      // A new code for the same person (the same id), and a role change with it.
      await store.upsertAmbassador('spring-2026', anAmbassador({ code: 'ALEXR-7HC2QK', role: 'ambassador' }));
      const old = await store.ambassadorByCode('ALEX-7HC2QK');
      expect([old?.code, old?.role, old?.audienceTier]).toEqual(['ALEX-7HC2QK', 'ambassador', undefined]);
      expect((await store.ambassadorByCode('ALEXR-7HC2QK'))?.role).toBe('ambassador');
      const stats = await store.stats({ program: 'spring-2026', now: NOW });
      expect(stats.roles.map((role) => role.role)).toEqual(['ambassador']);
      // A campaign is the code's: a spring code stays ended when an autumn code is registered.
      const spring = { startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-04-01T00:00:00.000Z' };
      await store.upsertAmbassador('spring-2026', anAmbassador({ code: 'ALEXS-7HC2QK', campaign: spring }));
      const autumn = { startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' };
      await store.upsertAmbassador('spring-2026', anAmbassador({ role: 'influencer', campaign: autumn }));
      expect((await store.ambassadorByCode('ALEXS-7HC2QK'))?.campaign).toEqual(spring);
      expect((await store.ambassadorByCode('ALEXS-7HC2QK'))?.role).toBe('influencer');
      expect((await store.ambassadorByCode('ALEXR-7HC2QK'))?.campaign).toBeUndefined();
      await store.upsertAmbassador('spring-2026', anAmbassador({ code: 'ALEXR-7HC2QK', role: 'ambassador' }));
      expect((await store.ambassadorByCode('ALEX-7HC2QK'))?.campaign).toEqual(autumn);
      // Another ambassador's registration leaves Alex's codes alone.
      await store.upsertAmbassador('spring-2026', aSecondAmbassador({ role: 'community_leader' }));
      expect((await store.ambassadorByCode('ALEX-7HC2QK'))?.role).toBe('ambassador');
    });
  });

  it('refuses to move a code to another program, and keeps it where it was', async () => {
    await withStore(async (store) => {
      await store.upsertAmbassador('spring-2026', anAmbassador());
      await expect(store.upsertAmbassador('summer-2026', anAmbassador({ displayName: 'Alex R.' }))).rejects.toThrow(
        "[referkit] Could not register ALEX-7HC2QK in summer-2026: the code is an ambassador's of spring-2026.",
      );
      expect((await store.ambassadorByCode('ALEX-7HC2QK', 'spring-2026'))?.displayName).toBe('Alex');
      expect(await store.ambassadorByCode('ALEX-7HC2QK', 'summer-2026')).toBeNull();
    });
  });

  it.each([
    ['a code in lower case, which no event would match', { code: 'alex-7hc2qk' }, 'code'],
    [
      'a campaign that ends before it starts',
      { campaign: { startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-11-01T00:00:00.000Z' } },
      'endsAt',
    ],
    // PostgreSQL's jsonb refuses it with a raw `invalid input syntax for type json`; the memory store took it.
    ['a display name with a lone surrogate, which no JSON column stores', { displayName: 'Alex\uD800' }, 'displayName'],
  ])('refuses to register %s', async (_case, change, path) => {
    await withStore(async (store) => {
      // Spread over a parsed fixture: the fixture itself would refuse it.
      await expect(store.upsertAmbassador('spring-2026', { ...anAmbassador(), ...change })).rejects.toThrow(path);
      expect(await store.ambassadorByCode('ALEX-7HC2QK')).toBeNull();
    });
  });

  // PostgreSQL's jsonb refuses U+0000 with a raw 22P05 (`unsupported Unicode escape sequence`); the memory store took it.
  it('refuses to register a program whose brand holds U+0000, and an ambassador with it', async () => {
    await withStore(async (store) => {
      // Spread over a parsed fixture: the fixture itself would refuse it.
      const program = { ...aProgram(), brand: 'Acme\u0000' };
      await expect(store.upsertProgram(program)).rejects.toThrow('brand');
      await expect(store.upsertAmbassador(program, anAmbassador())).rejects.toThrow('brand');
      expect(await store.ambassadorByCode('ALEX-7HC2QK')).toBeNull();
    });
  });

  it('promotes on confirmed redemptions only: not while pending, once the hold has passed, and no longer once reversed', async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        now: () => clock,
        program: {
          rewardHoldDays: 14,
          promoteToCommunityLeaderAfter: 1,
          roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1300 } } },
        },
      });
      const grant = (answer: { body: unknown }) =>
        (answer.body as { rewards?: { ambassador?: { amount: number } } }).rewards?.ambassador?.amount;
      const order = (orderId: string, occurredAt: string) =>
        aRedemption({ id: `evt_order${orderId}xx`, orderId, occurredAt, customer: { id: `c_${orderId}` } });
      await receive.handle(await signed(aRedemption()));
      // The first order is still pending: the second is paid on ambassador terms.
      const whilePending = await receive.handle(await signed(order('1002', '2026-11-22T10:00:01.000Z')));
      clock = new Date(NOW.getTime() + 15 * 86_400_000);
      const confirmed = await receive.handle(await signed(order('1003', clock.toISOString()), { at: clock }));
      const stillLeader = await store.stats({ program, code: 'ALEX-7HC2QK', now: clock });
      // Refunds after the hold: the first order and the second are reversed, so nothing confirmed is left.
      for (const orderId of ['1001', '1002']) {
        const reversal = aReversal({ id: `evt_refund${orderId}x`, orderId, occurredAt: clock.toISOString() });
        await receive.handle(await signed(reversal, { at: clock }));
      }
      const reversed = await store.stats({ program, code: 'ALEX-7HC2QK', now: clock });
      expect([
        grant(whilePending),
        grant(confirmed),
        stillLeader.ambassadors[0]?.promoted,
        reversed.ambassadors[0]?.promoted,
      ]).toEqual([1000, 1300, true, false]);
    });
  });

  it("counts a person's confirmed first orders over every code of theirs for the promotion, in rewards and stats", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: {
          rewardHoldDays: 0,
          promoteToCommunityLeaderAfter: 2,
          roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1300 } } },
        },
        ambassadors: [anAmbassador(), aSecondAmbassador()],
      });
      const order = (orderId: string, code: string) =>
        aRedemption({ id: `evt_order${orderId}xx`, orderId, code, customer: { id: `c_${orderId}` } });
      await receive.handle(await signed(order('1001', 'ALEX-7HC2QK')));
      // Alex is given a new code (the same person, the same id); Sam's order counts for Sam alone.
      await store.upsertAmbassador(program, anAmbassador({ code: 'ALEXR-7HC2QK' }));
      await receive.handle(await signed(order('1002', 'SAM-7HC2QK')));
      const grant = async (orderId: string, code: string) =>
        (
          (await receive.handle(await signed(order(orderId, code)))).body as {
            rewards: { ambassador: { amount: number } };
          }
        ).rewards.ambassador.amount;
      // Alex's second first order, with the new code, promotes them: the third is paid as a leader's.
      expect([await grant('1003', 'ALEXR-7HC2QK'), await grant('1004', 'ALEXR-7HC2QK')]).toEqual([1000, 1300]);
      const stats = await store.stats({ program, now: NOW });
      expect(stats.ambassadors.map((entry) => [entry.code, entry.role, entry.promoted])).toEqual([
        ['ALEX-7HC2QK', 'community_leader', true],
        ['ALEXR-7HC2QK', 'community_leader', true],
        ['SAM-7HC2QK', 'ambassador', false],
      ]);
      const alone = await store.stats({ program, code: 'ALEXR-7HC2QK', now: NOW });
      expect(alone.ambassadors.map((entry) => entry.promoted)).toEqual([true]);
    });
  });

  it('pays the promotion to a redemption that arrived first but reached the ledger after those that earned it', async () => {
    await withStore(async (store) => {
      // A clock that moves on at every read, and a first delivery held before its commit (as a lock wait
      // holds it): the three after it are recorded first, so the held one is the fourth the ledger holds.
      const held = withheldFirstLookup(store);
      const { receive } = await aReceiver({
        store,
        now: tickingClock(),
        resolveCode: held.resolveCode,
        program: {
          rewardHoldDays: 0,
          promoteToCommunityLeaderAfter: 3,
          roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1300 } } },
        },
      });
      const grant = (answer: { body: unknown }) =>
        (answer.body as { rewards?: { ambassador?: { amount: number } } }).rewards?.ambassador?.amount;
      const deliveries = await Promise.all(['1001', '1002', '1003', '1004'].map((orderId) => signed(anOrder(orderId))));
      const first = receive.handle(deliveries[0] as Delivery);
      const others = await Promise.all(deliveries.slice(1).map((delivery) => receive.handle(delivery)));
      held.release();
      expect([...others.map(grant), grant(await first)]).toEqual([1000, 1000, 1000, 1300]);
    });
  });

  it('records an event at the moment the ledger takes it, so stats at a past now read the same later', async () => {
    await withStore(async (store) => {
      const held = withheldFirstLookup(store);
      const clock = tickingClock();
      const { receive, program } = await aReceiver({ store, now: clock, resolveCode: held.resolveCode });
      const deliveries = await Promise.all(['1001', '1002', '1003'].map((orderId) => signed(anOrder(orderId))));
      const first = receive.handle(deliveries[0] as Delivery);
      await Promise.all(deliveries.slice(1).map((delivery) => receive.handle(delivery)));
      // A report at a moment already past: the held order was not in the ledger yet.
      const past = clock();
      const then = await store.stats({ program, now: past });
      held.release();
      expect((await first).status).toBe(201);
      const later = await store.stats({ program, now: past });
      expect([then.ambassadors[0]?.redemptions, later.ambassadors[0]?.redemptions]).toEqual([2, 2]);
    });
  });

  it("pays a person's reward tiers over every code of theirs, orders arriving at once too, and caps each code on its own", async () => {
    await withStore(async (store) => {
      const tier = (minRedemptions: number, amount: number) =>
        ({ minRedemptions, reward: { basis: 'fixed', type: 'credit', amount } }) as const;
      const { receive, program } = await aReceiver({
        store,
        program: { rewardHoldDays: 0, tiers: [tier(2, 1200), tier(3, 1400), tier(4, 1600)], maxRedemptionsPerCode: 2 },
      });
      await store.upsertAmbassador(program, anAmbassador({ code: 'ALEXR-7HC2QK' }));
      const order = (orderId: string, code: string) =>
        aRedemption({ id: `evt_order${orderId}xx`, orderId, code, customer: { id: `c_${orderId}` } });
      // Four first orders at once, two with each code: each is the person's next referral, none paid twice
      // at one tier (two commits of two codes must not both read the same count).
      const orders = [order('1001', 'ALEX-7HC2QK'), order('1002', 'ALEXR-7HC2QK')];
      orders.push(order('1003', 'ALEX-7HC2QK'), order('1004', 'ALEXR-7HC2QK'));
      const answers = await Promise.all(orders.map(async (event) => receive.handle(await signed(event))));
      const amounts = answers.map(
        (answer) => (answer.body as { rewards: { ambassador: { amount: number } } }).rewards.ambassador.amount,
      );
      expect(amounts.sort()).toEqual([1000, 1200, 1400, 1600]);
      // Each code has had its two: the cap counts the code's own first orders, not the person's four.
      expect(errorCode(await receive.handle(await signed(order('1005', 'ALEX-7HC2QK'))))).toBe('code_exhausted');
    });
  });

  it("pays a leader's retention reward only for members the leader brought", async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({ store, program: leaderProgram, ambassadors: [anAmbassador(), aLeader()] });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-20T10:00:00.000Z' })));
      const reward = async (id: string, orderId: string, occurredAt: string) => {
        const answer = await receive.handle(
          await signed(aRedemption({ id, orderId, code: 'MAYA-7HC2QK', occurredAt })),
        );
        return (answer.body as { rewards?: { ambassador: { amount: number }; retention?: unknown } }).rewards;
      };
      // Alex brought this customer; their orders with Maya's code are not a member's repeat orders: they earn
      // her the reward for any order on this offer for every order, and no retention reward beside it.
      for (const [id, orderId, at] of [
        ['evt_withMaya0001', '1002', '2026-11-21T10:00:00.000Z'],
        ['evt_withMaya0002', '1003', '2026-11-22T10:00:00.000Z'],
      ] as const) {
        const rewards = await reward(id, orderId, at);
        expect([rewards?.ambassador.amount, rewards?.retention]).toEqual([1000, undefined]);
      }
    });
  });

  it("pays a leader nothing for a customer who had ordered before the program and came back through the leader's link", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { roles: leaderProgram.roles } });
      // The shop's customer since before the program orders at full price through Alex's link: a repeat order.
      const fullPrice = (id: string, orderId: string, occurredAt: string) =>
        signed(
          aRedemption({
            id,
            orderId,
            occurredAt,
            order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
            customer: { id: 'c_50', firstOrder: false },
          }),
        );
      expect(
        (await receive.handle(await fullPrice('evt_regular00001', '1001', '2026-11-20T10:00:00.000Z'))).status,
      ).toBe(201);
      await store.upsertAmbassador(program, anAmbassador({ role: 'community_leader' }));
      const next = await receive.handle(await fullPrice('evt_regular00002', '1002', '2026-11-22T10:00:00.000Z'));
      expect([next.status, next.body]).toMatchObject([201, { rewards: { ambassador: null } }]);
    });
  });

  it("pays a leader's member whose first two orders arrived out of order, and counts them as the leader's", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: leaderProgram, ambassadors: [aLeader()] });
      const member = { id: 'c_42', emailHash: 'f'.repeat(64) };
      const order = (id: string, orderId: string, occurredAt: string) =>
        signed(aRedemption({ id, orderId, code: 'MAYA-7HC2QK', occurredAt, customer: member }));
      // The second order reaches the receiver first; the first, retried from an outbox, comes after it.
      await receive.handle(await order('evt_secondOrder1', '1002', '2026-11-21T10:00:00.000Z'));
      await receive.handle(await order('evt_firstOrder01', '1001', '2026-11-20T10:00:00.000Z'));
      const third = await receive.handle(await order('evt_thirdOrder01', '1003', '2026-11-22T09:00:00.000Z'));
      expect(third.body).toMatchObject({ rewards: { retention: { reason: 'repeat_order', amount: 300 } } });
      // Without the shop's word, the order counted first stays the one first order: one friend joined.
      const stats = await store.stats({ program, now: NOW });
      expect([stats.ambassadors[0]?.firstOrders, stats.ambassadors[0]?.repeatOrderRate]).toEqual([1, 1]);
    });
  });

  it("records a leader's member's repeat order that arrived before the first order, once the first order is in", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { roles: leaderProgram.roles },
        ambassadors: [aLeader()],
      });
      const member = { id: 'c_42', emailHash: 'f'.repeat(64) };
      const repeat = aRedemption({
        id: 'evt_repeatOrder001',
        orderId: '1002',
        code: 'MAYA-7HC2QK',
        occurredAt: '2026-11-21T10:00:00.000Z',
        order: { currency: 'USD', subtotal: 4800, discount: 0, total: 4800 },
        customer: { ...member, firstOrder: false },
      });
      // The first order's report is still in an outbox (a 503, then backoff): the repeat order comes first.
      const early = await receive.handle(await signed(repeat));
      expect([early.status, errorCode(early)]).toEqual([503, 'first_order_pending']);
      const first = aRedemption({
        orderId: '1001',
        code: 'MAYA-7HC2QK',
        occurredAt: '2026-11-20T10:00:00.000Z',
        order: { currency: 'USD', subtotal: 4800, discount: 720, total: 4080 },
        customer: { ...member, firstOrder: true },
      });
      expect((await receive.handle(await signed(first))).body).toMatchObject({
        rewards: { ambassador: { reason: 'first_order' } },
      });
      // The outbox's retry: the same body, now answered as if it had come second.
      const retried = await receive.handle(await signed(repeat));
      expect([retried.status, retried.body]).toMatchObject([
        201,
        { rewards: { ambassador: { reason: 'repeat_order', amount: 300 } } },
      ]);
      const stats = await store.stats({ program, now: NOW });
      expect([stats.ambassadors[0]?.redemptions, stats.ambassadors[0]?.repeatOrderRate]).toEqual([2, 1]);
    });
  });

  it("takes of a customer's earliest orders of one time the first recorded", async () => {
    await withStore(async (store) => {
      const { receive } = await aReceiver({
        store,
        program: leaderProgram,
        ambassadors: [anAmbassador(), aLeader()],
      });
      const at = '2026-11-20T10:00:00.000Z';
      const order = (id: string, orderId: string, code: string, customer: object, occurredAt = at) =>
        signed(aRedemption({ id, orderId, code, occurredAt, customer }));
      // One person, known first by email alone (a guest order with Maya's code), then by id alone (Alex's), at one time.
      await receive.handle(await order('evt_guestOrder01', '1001', 'MAYA-7HC2QK', { emailHash: 'e'.repeat(64) }));
      await receive.handle(await order('evt_idOrder00001', '1002', 'ALEX-7HC2QK', { id: 'c_77' }));
      const both = { id: 'c_77', emailHash: 'e'.repeat(64) };
      const answer = await receive.handle(
        await order('evt_bothKnown001', '1003', 'MAYA-7HC2QK', both, NOW.toISOString()),
      );
      expect(answer.body).toMatchObject({ rewards: { retention: { reason: 'repeat_order', amount: 300 } } });
    });
  });
}

type Delivery = Awaited<ReturnType<typeof signed>>;

/** A first order of its own customer with Alex's code. */
function anOrder(orderId: string) {
  return aRedemption({ id: `evt_order${orderId}xx`, orderId, customer: { id: `c_${orderId}` } });
}

/** A clock a second later at every read, from the harness's `NOW`. */
function tickingClock() {
  let ticks = 0;
  return () => new Date(NOW.getTime() + ++ticks * 1000);
}

/** A `resolveCode` whose first lookup answers only once `release` is called; the others answer at once. */
function withheldFirstLookup(store: ReferralStore) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let lookups = 0;
  return {
    release: () => release(),
    async resolveCode(code: string, program: string) {
      if (lookups++ === 0) await released;
      return store.ambassadorByCode(code, program);
    },
  };
}
