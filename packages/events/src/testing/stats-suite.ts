/**
 * The figures every store promises (`store.stats`), run against each of them (memory, PGlite,
 * PostgreSQL) by `stores.test.ts` beside the ledger's own promises in `store-suite.ts`. Deliveries go
 * through a real receiver, as in production.
 */
import { expect, it } from 'vitest';
import { aLanding, anAmbassador, aProgram, aRedemption, aReversal, aSecondAmbassador, aShare } from './fixtures.js';
import { aReceiver, NOW, signed, unsigned } from './receiver-harness.js';
import { type StoreFactory, storeRunner } from './store-factory.js';

/** Registers the shared stats tests; call inside a `describe` per store. */
export function statsSuite(fresh: StoreFactory) {
  const withStore = storeRunner(fresh);

  it('refuses a stats period that is not one, with a [referkit] line', async () => {
    await withStore(async (store) => {
      await store.upsertAmbassador(aProgram(), anAmbassador());
      await expect(store.stats({ program: 'spring-2026', from: 'not a date', now: NOW })).rejects.toThrow(
        /^\[referkit\] Could not compute stats: `from` is not a time/,
      );
      await expect(
        store.stats({
          program: 'spring-2026',
          from: '2026-11-23T00:00:00.000Z',
          to: '2026-11-22T00:00:00.000Z',
          now: NOW,
        }),
      ).rejects.toThrow(/`from` is after `to`/);
    });
  });

  it("refuses stats of a program given in another currency than its ledger's, with program_currency_changed", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store });
      const order = { currency: 'USD', subtotal: 5099, discount: 0, total: 5099 } as const;
      expect((await receive.handle(await signed(aRedemption({ order })))).status).toBe(201);
      // The ledger's 5099 cents would read as ¥5,099.
      const refused = store.stats({ program: { ...program, currency: 'JPY' }, now: NOW });
      await expect(refused).rejects.toThrow(
        '[referkit] Could not compute stats of spring-2026 in JPY: its ledger holds redemptions in USD. Ask with the program in USD, or give the program in JPY a new id.',
      );
      await expect(refused).rejects.toMatchObject({ name: 'RangeError', code: 'program_currency_changed' });
      expect((await store.stats({ program, now: NOW })).ambassadors[0]?.revenue).toBe(5099);
    });
  });

  it('refuses stats of a program registered in another currency than the redemptions its receiver then recorded', async () => {
    await withStore(async (store) => {
      // Registered in USD over an empty ledger; the receiver is given the program in EUR and records euros.
      await store.upsertProgram(aProgram());
      const { receive } = await aReceiver({ store, ambassadors: [], program: { currency: 'EUR' } });
      await store.upsertAmbassador('spring-2026', anAmbassador());
      const order = { currency: 'EUR', subtotal: 5999, discount: 900, total: 5099 } as const;
      expect((await receive.handle(await signed(aRedemption({ order })))).status).toBe(201);
      await expect(store.stats({ program: 'spring-2026', now: NOW })).rejects.toMatchObject({
        code: 'program_currency_changed',
        message: expect.stringContaining('its ledger holds redemptions in EUR'),
      });
    });
  });

  it('says for each contribution period of the query whether the target was reached or missed', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { contributionTarget: { shares: 2, per: 'week' } },
        now: () => new Date('2026-11-23T12:00:00.000Z'),
      });
      // Weeks start on Monday 00:00 UTC: 2 shares in the week of 2 Nov (one on its Sunday night, with
      // an offset), none in the week of 9 Nov, 3 in the week of 16 Nov, 1 so far in the week of 23 Nov.
      const times = [
        '2026-11-03T10:00:00.000Z',
        '2026-11-09T00:30:00+01:00',
        '2026-11-16T00:00:00.000Z',
        '2026-11-18T10:00:00.000Z',
        '2026-11-22T23:59:59.999Z',
        '2026-11-23T08:00:00.000Z',
      ];
      for (const [index, occurredAt] of times.entries()) {
        const share = aShare({ id: `evt_sharewk${index}0000`, occurredAt });
        expect((await receive.handle(await signed(share, { at: new Date('2026-11-23T12:00:00.000Z') }))).status).toBe(
          201,
        );
      }
      const stats = await store.stats({
        program: program.id,
        // From a Wednesday: its week is counted whole, the Tuesday share included.
        from: '2026-11-04',
        to: '2026-11-23T12:00:00.000Z',
        now: new Date('2026-11-23T12:00:00.000Z'),
      });
      expect(stats.ambassadors[0]?.target).toEqual({
        shares: 2,
        per: 'week',
        periodStart: '2026-11-23T00:00:00.000Z',
        done: 1,
        reached: false,
        ended: false,
        periods: [
          { periodStart: '2026-11-02T00:00:00.000Z', done: 2, reached: true, ended: true },
          { periodStart: '2026-11-09T00:00:00.000Z', done: 0, reached: false, ended: true },
          { periodStart: '2026-11-16T00:00:00.000Z', done: 3, reached: true, ended: true },
          { periodStart: '2026-11-23T00:00:00.000Z', done: 1, reached: false, ended: false },
        ],
      });
      const monthly = await store.stats({
        program: { ...program, contributionTarget: { shares: 5, per: 'month' } },
        from: '2026-10-15',
        to: '2026-11-23T12:00:00.000Z',
        now: new Date('2026-11-23T12:00:00.000Z'),
      });
      expect(monthly.ambassadors[0]?.target?.periods).toEqual([
        { periodStart: '2026-10-01T00:00:00.000Z', done: 0, reached: false, ended: true },
        { periodStart: '2026-11-01T00:00:00.000Z', done: 6, reached: true, ended: false },
      ]);
      // A query that ends mid-week, asked later, counts that week whole: its 3 shares, not the one before `to`.
      const cut = await store.stats({
        program: program.id,
        from: '2026-11-09',
        to: '2026-11-17',
        now: new Date('2026-11-23T12:00:00.000Z'),
      });
      expect(cut.ambassadors[0]?.target).toMatchObject({
        periodStart: '2026-11-16T00:00:00.000Z',
        done: 3,
        reached: true,
        ended: true,
      });
      // A query running past `now` lists no week that has not begun: it is neither reached nor missed.
      const month = await store.stats({
        program: program.id,
        from: '2026-11-16',
        to: '2026-11-30',
        now: new Date('2026-11-23T12:00:00.000Z'),
      });
      expect(month.ambassadors[0]?.target).toMatchObject({ periodStart: '2026-11-23T00:00:00.000Z', done: 1 });
      expect(month.ambassadors[0]?.target?.periods.map((period) => [period.periodStart, period.ended])).toEqual([
        ['2026-11-16T00:00:00.000Z', true],
        ['2026-11-23T00:00:00.000Z', false],
      ]);
    });
  });

  it('counts no contribution period before the ambassador joined as missed', async () => {
    await withStore(async (store) => {
      const { program } = await aReceiver({
        store,
        program: { contributionTarget: { shares: 2, per: 'week' } },
        // Joined on a Wednesday: that week is theirs, the two before it are not.
        ambassadors: [anAmbassador({ joinedAt: '2026-11-18T09:00:00.000Z' })],
      });
      const now = new Date('2026-11-23T12:00:00.000Z');
      const stats = await store.stats({ program, from: '2026-11-02', to: now, now });
      expect(stats.ambassadors[0]?.target?.periods.map((period) => period.periodStart)).toEqual([
        '2026-11-16T00:00:00.000Z',
        '2026-11-23T00:00:00.000Z',
      ]);
      // A query wholly before they joined has no target for them: not its last week as missed.
      const before = await store.stats({ program, from: '2026-11-02', to: '2026-11-12', now: NOW });
      expect(before.ambassadors[0]?.target).toBeUndefined();
    });
  });

  it("counts no contribution period wholly outside an influencer's campaign, and each one that overlaps it", async () => {
    await withStore(async (store) => {
      const now = new Date('2026-06-30T12:00:00.000Z');
      const { receive, program } = await aReceiver({
        store,
        now: () => now,
        // Sam has no campaign of his own: the program's influencer window, open at its end, is his.
        program: {
          contributionTarget: { shares: 2, per: 'week' },
          roles: { influencer: { startsAt: '2026-06-10T00:00:00.000Z' } },
        },
        ambassadors: [
          // Alex's campaign is two whole weeks, Monday 4 May to Monday 18 May (excluded).
          anAmbassador({
            role: 'influencer',
            campaign: { startsAt: '2026-05-04T00:00:00.000Z', endsAt: '2026-05-18T00:00:00.000Z' },
          }),
          aSecondAmbassador({ role: 'influencer' }),
        ],
      });
      const shares = ['2026-05-05T10:00:00.000Z', '2026-05-06T10:00:00.000Z', '2026-05-12T10:00:00.000Z'];
      for (const [index, occurredAt] of [...shares, '2026-05-17T23:59:59.999Z'].entries())
        expect(
          (await receive.handle(await signed(aShare({ id: `evt_campaign${index}000`, occurredAt }), { at: now })))
            .status,
        ).toBe(201);
      const stats = await store.stats({ program, from: '2026-04-27', to: now, now });
      expect(stats.ambassadors[0]?.target).toEqual({
        shares: 2,
        per: 'week',
        periodStart: '2026-05-11T00:00:00.000Z',
        done: 2,
        reached: true,
        ended: true,
        periods: [
          { periodStart: '2026-05-04T00:00:00.000Z', done: 2, reached: true, ended: true },
          { periodStart: '2026-05-11T00:00:00.000Z', done: 2, reached: true, ended: true },
        ],
      });
      // A campaign that starts on a Wednesday has that week: it overlaps the campaign.
      expect(stats.ambassadors[1]?.target?.periods.map((period) => period.periodStart)).toEqual([
        '2026-06-08T00:00:00.000Z',
        '2026-06-15T00:00:00.000Z',
        '2026-06-22T00:00:00.000Z',
        '2026-06-29T00:00:00.000Z',
      ]);
      // By month, May alone is Alex's; a query wholly after the campaign has no target for him.
      const monthly = await store.stats({
        program: { ...program, contributionTarget: { shares: 2, per: 'month' } },
        from: '2026-03-01',
        to: now,
        now,
      });
      expect(monthly.ambassadors[0]?.target?.periods).toEqual([
        { periodStart: '2026-05-01T00:00:00.000Z', done: 4, reached: true, ended: true },
      ]);
      const after = await store.stats({ program, from: '2026-06-01', to: now, now });
      expect([after.ambassadors[0]?.target, after.ambassadors[1]?.target?.periods.length]).toEqual([undefined, 4]);
    });
  });

  it("counts no contribution period outside a community leader's or a brand ambassador's own campaign", async () => {
    await withStore(async (store) => {
      // A Tuesday to a Tuesday: the two weeks it overlaps are theirs, the one before and the one after are not.
      const campaign = { startsAt: '2026-11-10T00:00:00.000Z', endsAt: '2026-11-17T00:00:00.000Z' };
      const { program } = await aReceiver({
        store,
        program: { contributionTarget: { shares: 2, per: 'week' } },
        ambassadors: [
          anAmbassador({ role: 'community_leader', campaign }),
          aSecondAmbassador({ joinedAt: '2026-10-01T00:00:00.000Z', campaign }),
        ],
      });
      const now = new Date('2026-11-23T12:00:00.000Z');
      const stats = await store.stats({ program, from: '2026-11-02', to: now, now });
      expect(
        stats.ambassadors.map((entry) => [entry.role, entry.target?.periods.map((period) => period.periodStart)]),
      ).toEqual([
        ['community_leader', ['2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z']],
        ['ambassador', ['2026-11-09T00:00:00.000Z', '2026-11-16T00:00:00.000Z']],
      ]);
    });
  });

  it('judges the contribution target of a person with two codes on the shares of both, and counts them once in their role', async () => {
    await withStore(async (store) => {
      const joinedAt = '2026-11-02T09:00:00.000Z';
      const { receive, program } = await aReceiver({
        store,
        program: { contributionTarget: { shares: 2, per: 'week' } },
        // Alex is given a second code; the first one's links are still out there. Sam is another person.
        ambassadors: [
          anAmbassador({ joinedAt }),
          anAmbassador({ code: 'ALEXR-7HC2QK', joinedAt }),
          aSecondAmbassador({ joinedAt }),
        ],
      });
      // Week of 2 Nov: one share with each code. Week of 9 Nov: two with the new code. Week of 16 Nov: none.
      const shares = [
        ['ALEX-7HC2QK', '2026-11-03T10:00:00.000Z'],
        ['ALEXR-7HC2QK', '2026-11-04T10:00:00.000Z'],
        ['ALEXR-7HC2QK', '2026-11-10T10:00:00.000Z'],
        ['ALEXR-7HC2QK', '2026-11-11T10:00:00.000Z'],
      ];
      for (const [index, [code, occurredAt]] of shares.entries())
        expect(
          (await receive.handle(await signed(aShare({ id: `evt_twocodes${index}000`, code, occurredAt })))).status,
        ).toBe(201);
      const stats = await store.stats({ program, from: '2026-11-02', to: NOW, now: NOW });
      const alexes = [
        { periodStart: '2026-11-02T00:00:00.000Z', done: 2, reached: true, ended: true },
        { periodStart: '2026-11-09T00:00:00.000Z', done: 2, reached: true, ended: true },
        { periodStart: '2026-11-16T00:00:00.000Z', done: 0, reached: false, ended: false },
      ];
      // Each code keeps its row and its own shares; the target is the person's, the same on both rows.
      expect(
        stats.ambassadors.map((entry) => [entry.code, entry.shares.total, entry.target?.periods.map((p) => p.done)]),
      ).toEqual([
        ['ALEX-7HC2QK', 1, [2, 2, 0]],
        ['ALEXR-7HC2QK', 3, [2, 2, 0]],
        ['SAM-7HC2QK', 0, [0, 0, 0]],
      ]);
      expect(stats.ambassadors[0]?.target?.periods).toEqual(alexes);
      expect(stats.roles.map((role) => [role.role, role.ambassadors, role.shares.total])).toEqual([
        ['ambassador', 2, 4],
      ]);
      // Asked for one code, as a share panel asks: still the person's target.
      const one = await store.stats({ program, code: 'ALEX-7HC2QK', from: '2026-11-02', to: NOW, now: NOW });
      expect([one.ambassadors.map((entry) => entry.code), one.ambassadors[0]?.target?.periods]).toEqual([
        ['ALEX-7HC2QK'],
        alexes,
      ]);
    });
  });

  it('computes per-ambassador and per-role stats', async () => {
    await withStore(async (store) => {
      const sam = aSecondAmbassador({ role: 'influencer', audienceTier: 'micro' });
      const { receive, program } = await aReceiver({
        store,
        program: { contributionTarget: { shares: 2, per: 'week' } },
        ambassadors: [anAmbassador(), sam],
      });
      for (const event of [
        aLanding(),
        aLanding({ id: 'evt_landing00002', channel: 'email' }),
        aLanding({ id: 'evt_landing00003', code: 'SAM-7HC2QK' }),
        aShare(),
        aShare({ id: 'evt_share0000002', channel: 'x' }),
        aRedemption(),
      ]) {
        expect((await receive.handle(await signed(event))).status).toBe(201);
      }
      const stats = await store.stats({ program: program.id, now: NOW, from: '2026-11-20T00:00:00.000Z', to: NOW });
      expect(stats).toMatchObject({
        program: 'spring-2026',
        currency: 'USD',
        from: '2026-11-20T00:00:00.000Z',
        to: NOW.toISOString(),
      });
      const alex = stats.ambassadors.find((entry) => entry.code === 'ALEX-7HC2QK');
      expect(alex).toEqual({
        code: 'ALEX-7HC2QK',
        displayName: 'Alex',
        role: 'ambassador',
        promoted: false,
        landings: 2,
        shares: { total: 2, byChannel: { whatsapp: 1, x: 1 } },
        redemptions: 1,
        firstOrders: 1,
        conversionRate: 0.5,
        revenue: 5099,
        friendDiscounts: 900,
        rewardCost: 1000,
        rewardPoints: 0,
        // Revenue is net of the friend's discount: the discount is a cost once, in the divisor.
        roi: (5099 - 1000) / 1900,
        repeatOrderRate: 0,
        rewards: { credit: { pending: 1000, confirmed: 0, reversed: 0, owedBack: 0 } },
        target: {
          shares: 2,
          per: 'week',
          done: 2,
          reached: true,
          periodStart: '2026-11-16T00:00:00.000Z',
          ended: false,
          periods: [{ periodStart: '2026-11-16T00:00:00.000Z', done: 2, reached: true, ended: false }],
        },
      });
      expect(stats.roles.map((role) => [role.role, role.ambassadors, role.landings]).sort()).toEqual([
        ['ambassador', 1, 2],
        ['influencer', 1, 1],
      ]);
      expect(stats.series).toEqual([
        { date: '2026-11-20', landings: 0, redemptions: 0 },
        { date: '2026-11-21', landings: 0, redemptions: 0 },
        { date: '2026-11-22', landings: 3, redemptions: 1 },
      ]);
    });
  });

  it('opens a period asked without `from` at 00:00 UTC, 29 days before the day of `to`, so its first day is whole', async () => {
    await withStore(async (store) => {
      let clock = new Date('2026-12-12T13:00:00.000Z');
      const { receive, program } = await aReceiver({ store, now: () => clock });
      // A landing at noon on the day before the period's 30 days, and one at noon on its first day.
      for (const [id, occurredAt] of [
        ['evt_landingDay01', '2026-12-11T12:00:00.000Z'],
        ['evt_landingDay02', '2026-12-12T12:00:00.000Z'],
      ] as const) {
        clock = new Date(Date.parse(occurredAt) + 1000);
        expect((await receive.handle(await signed(aLanding({ id, occurredAt }), { at: clock }))).status).toBe(201);
      }
      const stats = await store.stats({ program, to: '2027-01-10', now: new Date('2027-02-01T00:00:00.000Z') });
      expect([stats.from, stats.series.length, stats.series[0], stats.ambassadors[0]?.landings]).toEqual([
        '2026-12-12T00:00:00.000Z',
        30,
        { date: '2026-12-12', landings: 1, redemptions: 0 },
        1,
      ]);
    });
  });

  it('answers no conversion rate, not 0%, for redemptions without a reported landing', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, ambassadors: [anAmbassador(), aSecondAmbassador()] });
      // A friend who typed the code at checkout: a redemption, and no landing to convert from.
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
      const stats = await store.stats({ program: program.id, now: NOW });
      expect([
        stats.ambassadors.map((entry) => [entry.code, entry.redemptions, entry.conversionRate]),
        stats.roles.map((role) => [role.role, role.redemptions, role.conversionRate]),
      ]).toEqual([
        [
          ['ALEX-7HC2QK', 1, null],
          ['SAM-7HC2QK', 0, null],
        ],
        [['ambassador', 1, null]],
      ]);
    });
  });

  it('answers no conversion rate where more friends joined than landings were reported, per ambassador and per role', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, ambassadors: [anAmbassador(), aSecondAmbassador()] });
      // Alex: 1 landing reported and 3 friends who joined, two of whose landings went unreported
      // (consent pending, a checkout that read a server cookie). Sam: 2 landings, 1 friend.
      const joined = (n: number, code = 'ALEX-7HC2QK') =>
        aRedemption({ id: `evt_joined0000${n}`, code, orderId: `100${n}`, customer: { id: `c_${n}` } });
      for (const event of [
        aLanding(),
        joined(1),
        joined(2),
        joined(3),
        aLanding({ id: 'evt_landing00002', code: 'SAM-7HC2QK' }),
        aLanding({ id: 'evt_landing00003', code: 'SAM-7HC2QK' }),
        joined(4, 'SAM-7HC2QK'),
      ])
        expect((await receive.handle(await signed(event))).status).toBe(201);
      const stats = await store.stats({ program: program.id, now: NOW });
      expect([
        stats.ambassadors.map((entry) => [entry.code, entry.landings, entry.firstOrders, entry.conversionRate]),
        stats.roles.map((role) => [role.role, role.landings, role.firstOrders, role.conversionRate]),
      ]).toEqual([
        [
          ['ALEX-7HC2QK', 1, 3, null],
          ['SAM-7HC2QK', 2, 1, 0.5],
        ],
        // Of the ambassadors whose landings cover their friends: Sam's, not 4 friends per 3 landings.
        [['ambassador', 3, 4, 0.5]],
      ]);
    });
  });

  it('answers no ROI without a money cost and no repeat-order rate without a referred customer, not 0', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: {
          friendOffer: { kind: 'free_shipping' },
          ambassadorReward: { basis: 'fixed', type: 'points', amount: 50 },
        },
        ambassadors: [anAmbassador(), aSecondAmbassador()],
      });
      const freeShipping = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 0, total: 5999 } });
      expect((await receive.handle(await signed(freeShipping))).status).toBe(201);
      const stats = await store.stats({ program: program.id, now: NOW });
      const figures = (code: string) => stats.ambassadors.find((entry) => entry.code === code);
      // Alex's friend got free shipping and Alex points: no money cost, so no return per unit of it.
      expect(figures('ALEX-7HC2QK')).toMatchObject({ revenue: 5999, rewardPoints: 50, roi: null, repeatOrderRate: 0 });
      // Sam has brought no one yet: no rate of any kind.
      expect(figures('SAM-7HC2QK')).toMatchObject({ conversionRate: null, roi: null, repeatOrderRate: null });
    });
  });

  it('keeps points apart from money in reward cost and ROI, and each unit apart in the rewards', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: {
          ambassadorReward: { basis: 'fixed', type: 'cash', amount: 1000 },
          roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'points', amount: 50 } } },
          promoteToCommunityLeaderAfter: 1,
          rewardHoldDays: 0,
        },
      });
      const second = aRedemption({
        id: 'evt_second0000001',
        orderId: '1002',
        customer: { id: 'c_10', emailHash: 'c'.repeat(64), firstOrder: true },
      });
      for (const event of [aRedemption(), second]) expect((await receive.handle(await signed(event))).status).toBe(201);
      const stats = await store.stats({ program: program.id, now: NOW, from: '2026-11-20T00:00:00.000Z', to: NOW });
      const [alex] = stats.ambassadors;
      const paid = {
        cash: { pending: 0, confirmed: 1000, reversed: 0, owedBack: 0 },
        points: { pending: 0, confirmed: 50, reversed: 0, owedBack: 0 },
      };
      expect(alex).toMatchObject({
        role: 'community_leader',
        promoted: true,
        rewardCost: 1000,
        rewardPoints: 50,
        roi: (2 * 5099 - 1000) / (2 * 900 + 1000),
      });
      // The cash from before the promotion stays cash: not dropped for the points the role pays now.
      expect(alex?.rewards).toEqual(paid);
      expect(stats.roles).toMatchObject([
        { role: 'community_leader', rewardCost: 1000, rewardPoints: 50, rewards: paid },
      ]);
    });
  });

  it('keeps credit and cash apart in the rewards when a promotion changes credit to cash', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: {
          roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'cash', amount: 1200 } } },
          promoteToCommunityLeaderAfter: 1,
          rewardHoldDays: 0,
        },
      });
      const second = aRedemption({ id: 'evt_second0000001', orderId: '1002', customer: { id: 'c_10' } });
      for (const event of [aRedemption(), second]) expect((await receive.handle(await signed(event))).status).toBe(201);
      const stats = await store.stats({ program, now: NOW });
      // 1000 of store credit as an ambassador, then 1200 in cash as a leader: a cash liability of 1200, not 2200.
      expect([stats.ambassadors[0]?.rewardCost, stats.ambassadors[0]?.rewards]).toEqual([
        2200,
        {
          credit: { pending: 0, confirmed: 1000, reversed: 0, owedBack: 0 },
          cash: { pending: 0, confirmed: 1200, reversed: 0, owedBack: 0 },
        },
      ]);
    });
  });

  it("shows every unit a role's ambassadors were paid in: one's points beside another's cash", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: {
          ambassadorReward: { basis: 'fixed', type: 'cash', amount: 750 },
          rewardHoldDays: 0,
          roles: { influencer: { audienceRewards: { macro: { basis: 'fixed', type: 'points', amount: 200 } } } },
        },
        ambassadors: [
          anAmbassador({ role: 'influencer', audienceTier: 'macro' }),
          aSecondAmbassador({ role: 'influencer', audienceTier: 'micro' }),
        ],
      });
      const samsFriend = aRedemption({
        id: 'evt_samsFriend01',
        orderId: '1002',
        code: 'SAM-7HC2QK',
        customer: { id: 'c_10' },
      });
      for (const event of [aRedemption(), samsFriend])
        expect((await receive.handle(await signed(event))).status).toBe(201);
      const stats = await store.stats({ program, now: NOW });
      const points = { points: { pending: 0, confirmed: 200, reversed: 0, owedBack: 0 } };
      const cash = { cash: { pending: 0, confirmed: 750, reversed: 0, owedBack: 0 } };
      expect([
        stats.ambassadors.map((entry) => [entry.code, entry.rewards]),
        stats.roles.map((role) => [role.role, role.rewards]),
      ]).toEqual([
        [
          ['ALEX-7HC2QK', points],
          ['SAM-7HC2QK', cash],
        ],
        [['influencer', { ...cash, ...points }]],
      ]);
    });
  });

  it('answers no unit in the rewards of an ambassador who was granted nothing', async () => {
    await withStore(async (store) => {
      const { program } = await aReceiver({ store });
      expect((await store.stats({ program, now: NOW })).ambassadors[0]?.rewards).toEqual({});
    });
  });

  it('reports a promotion to community leader in the stats once the redemption is confirmed', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { promoteToCommunityLeaderAfter: 1 } });
      await receive.handle(await signed(aRedemption()));
      const afterHold = new Date(NOW.getTime() + (program.rewardHoldDays + 1) * 86_400_000);
      const read = async (now: Date) =>
        (await store.stats({ program, code: 'ALEX-7HC2QK', now })).ambassadors.map((entry) => [
          entry.role,
          entry.promoted,
        ]);
      expect([await read(NOW), await read(afterHold)]).toEqual([[['ambassador', false]], [['community_leader', true]]]);
    });
  });

  it('leaves out of stats at a past `now` what the ledger recorded after it, however early it happened', async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({
        store,
        now: () => clock,
        ambassadors: [anAmbassador(), aSecondAmbassador()],
        program: { contributionTarget: { shares: 1, per: 'week' } },
      });
      await receive.handle(await signed(aRedemption()));
      // A week later, an order of the same day arrives from an outbox, with a share and a landing as late.
      clock = new Date(NOW.getTime() + 7 * 86_400_000);
      const late = { code: 'SAM-7HC2QK', occurredAt: '2026-11-22T09:00:00.000Z' };
      const events = [
        aRedemption({ ...late, id: 'evt_lateOrder0001', orderId: '1002', customer: { id: 'c_10' } }),
        aShare({ ...late, id: 'evt_lateShare0001' }),
        aLanding({ ...late, id: 'evt_lateLanding01' }),
      ];
      for (const event of events) expect((await receive.handle(await signed(event, { at: clock }))).status).toBe(201);
      const read = async (now: Date) => {
        const stats = await store.stats({ program, from: '2026-11-16', to: '2026-11-22', now });
        const sam = stats.ambassadors.find((entry) => entry.code === 'SAM-7HC2QK');
        return [
          sam?.redemptions,
          sam?.revenue,
          sam?.shares.total,
          sam?.landings,
          sam?.target?.done,
          stats.series.at(-1)?.redemptions,
          stats.roles[0]?.repeatOrderRate,
        ];
      };
      expect(await read(NOW)).toEqual([0, 0, 0, 0, 0, 1, 0]);
      expect(await read(clock)).toEqual([1, 5099, 1, 1, 1, 2, 0]);
    });
  });

  it("counts a page's share no earlier than a week before it was recorded, and the brand's signed share when it says", async () => {
    await withStore(async (store) => {
      const program = { contributionTarget: { shares: 1, per: 'week' } } as const;
      const { receive: page } = await aReceiver({ store, program, secret: undefined });
      const { receive: server } = await aReceiver({ store, program, ambassadors: [] });
      // Unsigned, claimed in the week of 2 Nov, three weeks before NOW (Sunday 22 Nov): it would fill
      // that missed week. It counts a week before it was recorded, in the week of 9 Nov.
      const backdated = aShare({ id: 'evt_sharelate0001', occurredAt: '2026-11-03T10:00:00.000Z' });
      expect((await page.handle(unsigned(backdated))).status).toBe(201);
      // Sent again as it was, it is the same share.
      expect((await page.handle(unsigned(backdated))).body).toEqual({ status: 'duplicate' });
      // An outbox's share from within the week keeps its time.
      const late = aShare({ id: 'evt_sharelate0002', occurredAt: '2026-11-16T08:00:00.000Z' });
      expect((await page.handle(unsigned(late))).status).toBe(201);
      // The brand's own server signs what it claims.
      const imported = aShare({ id: 'evt_sharelate0003', occurredAt: '2026-10-27T10:00:00.000Z' });
      expect((await server.handle(await signed(imported))).status).toBe(201);
      const stats = await store.stats({ program: 'spring-2026', from: '2026-10-26', now: NOW });
      expect(stats.ambassadors[0]?.target?.periods.map((period) => [period.periodStart, period.done])).toEqual([
        ['2026-10-26T00:00:00.000Z', 1],
        ['2026-11-02T00:00:00.000Z', 0],
        ['2026-11-09T00:00:00.000Z', 1],
        ['2026-11-16T00:00:00.000Z', 1],
      ]);
    });
  });

  it('reads rewards as pending, confirmed or reversed at the moment asked', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { rewardHoldDays: 14 } });
      await receive.handle(await signed(aRedemption()));
      const refunded = aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } });
      await receive.handle(await signed(refunded));
      await receive.handle(await signed(aReversal({ orderId: '1002', occurredAt: '2026-11-22T10:00:05.000Z' })));
      const later = new Date(NOW.getTime() + 15 * 86_400_000);
      const read = async (now: Date) =>
        (await store.stats({ program, now, from: '2026-11-20T00:00:00.000Z', to: now })).ambassadors[0];
      const [today, afterHold] = [await read(NOW), await read(later)];
      expect([today?.rewards, afterHold?.rewards, afterHold?.redemptions, afterHold?.revenue]).toEqual([
        { credit: { pending: 1000, confirmed: 0, reversed: 1000, owedBack: 0 } },
        { credit: { pending: 0, confirmed: 1000, reversed: 1000, owedBack: 0 } },
        1,
        5099,
      ]);
    });
  });

  it('reads the ledger as it stood at the moment asked: a later reversal has not happened yet', async () => {
    await withStore(async (store) => {
      let clock = NOW;
      const { receive, program } = await aReceiver({ store, now: () => clock });
      await receive.handle(await signed(aRedemption()));
      clock = new Date(NOW.getTime() + 5 * 86_400_000);
      const reversal = aReversal({ occurredAt: clock.toISOString() });
      expect((await receive.handle(await signed(reversal, { at: clock }))).status).toBe(201);
      const read = async (days: number) => {
        const now = new Date(NOW.getTime() + days * 86_400_000);
        const stats = await store.stats({ program, now, from: '2026-11-20T00:00:00.000Z', to: now });
        const [alex] = stats.ambassadors;
        const day = stats.series.find((entry) => entry.date === '2026-11-22');
        return [alex?.redemptions, alex?.revenue, alex?.rewardCost, alex?.rewards, day?.redemptions];
      };
      expect(await read(1)).toEqual([
        1,
        5099,
        1000,
        { credit: { pending: 1000, confirmed: 0, reversed: 0, owedBack: 0 } },
        1,
      ]);
      expect(await read(6)).toEqual([
        0,
        0,
        0,
        { credit: { pending: 0, confirmed: 0, reversed: 1000, owedBack: 0 } },
        0,
      ]);
    });
  });

  it('counts a reward reversed after its hold as owed back, apart from one cancelled within it, from the moment it is', async () => {
    await withStore(async (store) => {
      const day = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
      let clock = NOW;
      const { receive, program } = await aReceiver({ store, now: () => clock });
      // Orders A and B on day 0, held 14 days; A refunded on day 2, B charged back on day 23.
      await receive.handle(await signed(aRedemption()));
      await receive.handle(
        await signed(aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } })),
      );
      for (const [orderId, days, reason] of [
        ['1001', 2, 'refund'],
        ['1002', 23, 'fraud'],
      ] as const) {
        clock = day(days);
        const reversal = aReversal({ id: `evt_reversal0${orderId}`, orderId, reason, occurredAt: clock.toISOString() });
        expect((await receive.handle(await signed(reversal, { at: clock }))).status).toBe(201);
      }
      const read = async (days: number) => {
        const stats = await store.stats({ program, from: '2026-11-22', to: day(days), now: day(days) });
        return [stats.ambassadors[0]?.rewards, stats.roles[0]?.rewards];
      };
      // Read on day 22, the chargeback of day 23 has not happened yet.
      const before = { credit: { pending: 0, confirmed: 1000, reversed: 1000, owedBack: 0 } };
      expect(await read(22)).toEqual([before, before]);
      const after = { credit: { pending: 0, confirmed: 0, reversed: 2000, owedBack: 1000 } };
      expect(await read(23)).toEqual([after, after]);
    });
  });

  it('counts a reward reversed at the very moment its hold ends as owed back, and one a millisecond before as not', async () => {
    await withStore(async (store) => {
      const confirmsAt = NOW.getTime() + 14 * 86_400_000;
      let clock = NOW;
      const { receive, program } = await aReceiver({ store, now: () => clock });
      await receive.handle(await signed(aRedemption()));
      await receive.handle(
        await signed(aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } })),
      );
      for (const [orderId, at] of [
        ['1001', confirmsAt - 1],
        ['1002', confirmsAt],
      ] as const) {
        clock = new Date(at);
        const reversal = aReversal({ id: `evt_reversal0${orderId}`, orderId, occurredAt: clock.toISOString() });
        expect((await receive.handle(await signed(reversal, { at: clock }))).status).toBe(201);
      }
      const stats = await store.stats({ program, from: '2026-11-22', to: clock, now: clock });
      expect(stats.ambassadors[0]?.rewards).toEqual({
        credit: { pending: 0, confirmed: 0, reversed: 2000, owedBack: 1000 },
      });
    });
  });

  it("counts a customer another ambassador of the role brought in neither the code's nor the role's repeat-order rate", async () => {
    await withStore(async (store) => {
      const sam = aSecondAmbassador();
      const { receive, program } = await aReceiver({
        store,
        program: { firstOrderOnly: false },
        ambassadors: [anAmbassador(), sam],
      });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-21T10:00:00.000Z' })));
      const again = aRedemption({ id: 'evt_repeatOrder001', orderId: '1002', code: 'SAM-7HC2QK' });
      expect((await receive.handle(await signed(again))).status).toBe(201);
      const stats = await store.stats({ program, now: NOW });
      expect([
        stats.ambassadors.map((entry) => [entry.code, entry.repeatOrderRate]),
        stats.roles.map((role) => [role.role, role.redemptions, role.repeatOrderRate]),
      ]).toEqual([
        [
          ['ALEX-7HC2QK', 0],
          // Sam brought no one: his redemption is of Alex's customer, so he has no rate.
          ['SAM-7HC2QK', null],
        ],
        [['ambassador', 2, 0]],
      ]);
    });
  });

  it("counts as a code's repeater only a customer who ordered with it after the order it brought them with", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { firstOrderOnly: false },
        ambassadors: [anAmbassador(), aSecondAmbassador()],
      });
      // This customer orders with Alex, then with Sam (a repeat order, when it comes), then Alex's order is
      // refunded: no order of theirs that stands was their first, so no code brought them, as the leader's
      // repeat-order reward reads it (isRepeatOrderInWindow); Sam's rate is of his other customer alone.
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-20T10:00:00.000Z' })));
      const withSam = (id: string, orderId: string, occurredAt: string, customer?: { id: string }) =>
        signed(aRedemption({ id, orderId, code: 'SAM-7HC2QK', occurredAt, ...(customer ? { customer } : {}) }));
      await receive.handle(await withSam('evt_samOrder0001', '1002', '2026-11-21T10:00:00.000Z'));
      await receive.handle(await withSam('evt_samOrder0002', '1003', '2026-11-21T11:00:00.000Z', { id: 'c_10' }));
      expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-21T12:00:00.000Z' })))).status).toBe(
        201,
      );
      const rate = async () =>
        (await store.stats({ program, now: NOW })).ambassadors.find((entry) => entry.code === 'SAM-7HC2QK')
          ?.repeatOrderRate;
      expect(await rate()).toBe(0);
      // The refunded customer orders with Sam again: still a repeat order of no customer Sam brought.
      await receive.handle(await withSam('evt_samOrder0003', '1004', '2026-11-22T10:00:00.000Z'));
      expect(await rate()).toBe(0);
    });
  });

  it("counts a customer whose earliest order is not the one counted as their first as no code's", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { firstOrderOnly: false },
        ambassadors: [anAmbassador(), aSecondAmbassador()],
      });
      // No flags: the order with Sam arrives first and is counted as the first; the earlier order with
      // Alex, delivered late, is recorded as a repeat. Neither code is paid a leader's repeat-order reward
      // for this customer (isRepeatOrderInWindow wants both with it), and neither counts them.
      const customer = { id: 'c_77' };
      const late = aRedemption({
        id: 'evt_lateAlex0001',
        orderId: '1002',
        occurredAt: '2026-11-21T10:00:00.000Z',
        customer,
      });
      const sams = { id: 'evt_earlySam0001', orderId: '1003', code: 'SAM-7HC2QK', customer };
      await receive.handle(await signed(aRedemption({ ...sams, occurredAt: '2026-11-21T11:00:00.000Z' })));
      expect((await receive.handle(await signed(late))).status).toBe(201);
      await receive.handle(
        await signed(
          aRedemption({ ...sams, id: 'evt_againSam0001', orderId: '1004', occurredAt: '2026-11-22T09:00:00.000Z' }),
        ),
      );
      const stats = await store.stats({ program, now: NOW });
      expect(stats.ambassadors.map((entry) => [entry.code, entry.redemptions, entry.repeatOrderRate])).toEqual([
        ['ALEX-7HC2QK', 1, null],
        ['SAM-7HC2QK', 2, null],
      ]);
    });
  });

  it("counts in a code's repeat-order rate only the customers it brought", async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({
        store,
        program: { firstOrderOnly: false },
        ambassadors: [anAmbassador(), aSecondAmbassador()],
      });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-21T10:00:00.000Z' })));
      const samsFriend = { id: 'evt_samsFriend01', orderId: '1002', code: 'SAM-7HC2QK', customer: { id: 'c_10' } };
      await receive.handle(await signed(aRedemption({ ...samsFriend, occurredAt: '2026-11-21T11:00:00.000Z' })));
      // Alex's friend orders once with Sam's code: a repeat order, but of no customer Sam brought.
      const visit = aRedemption({ id: 'evt_alexsFriend1', orderId: '1003', code: 'SAM-7HC2QK' });
      expect((await receive.handle(await signed(visit))).status).toBe(201);
      const stats = await store.stats({ program, now: NOW });
      expect(stats.ambassadors.map((entry) => [entry.code, entry.repeatOrderRate])).toEqual([
        ['ALEX-7HC2QK', 0],
        ['SAM-7HC2QK', 0],
      ]);
    });
  });

  it('counts a customer whose orders with a code were all repeat orders as none of its referred customers', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-21T10:00:00.000Z' })));
      // A customer of the shop since before the program orders twice at full price through Alex's link.
      for (const [id, orderId, occurredAt] of [
        ['evt_regular00001', '1002', '2026-11-21T11:00:00.000Z'],
        ['evt_regular00002', '1003', '2026-11-22T09:00:00.000Z'],
      ] as const) {
        const order = { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 } as const;
        const regular = aRedemption({ id, orderId, occurredAt, order, customer: { id: 'c_50', firstOrder: false } });
        expect((await receive.handle(await signed(regular))).status).toBe(201);
      }
      const stats = await store.stats({ program, now: NOW });
      expect([
        stats.ambassadors[0]?.redemptions,
        stats.ambassadors[0]?.repeatOrderRate,
        stats.roles[0]?.repeatOrderRate,
      ]).toEqual([3, 0, 0]);
    });
  });

  it('counts repeat orders of referred customers', async () => {
    await withStore(async (store) => {
      const program = { firstOrderOnly: false };
      const { receive } = await aReceiver({ store, program });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-21T10:00:00.000Z' })));
      await receive.handle(
        await signed(aRedemption({ id: 'evt_otherCustomer1', orderId: '1002', customer: { id: 'c_10' } })),
      );
      await receive.handle(
        await signed(
          aRedemption({ id: 'evt_repeatOrder001', orderId: '1003', occurredAt: '2026-11-22T10:00:00.000Z' }),
        ),
      );
      const stats = await store.stats({ program: 'spring-2026', now: NOW });
      expect(stats.ambassadors[0]?.repeatOrderRate).toBe(0.5);
    });
  });

  it('counts a customer known by id, then by email alone, as one referred customer who ordered again', async () => {
    await withStore(async (store) => {
      const { receive, program } = await aReceiver({ store, program: { firstOrderOnly: false } });
      await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-21T10:00:00.000Z' })));
      // The same person: the receiver matches them by email hash and pays a repeat order.
      const again = aRedemption({ id: 'evt_repeatByEmail1', orderId: '1002', customer: { emailHash: 'b'.repeat(64) } });
      const answer = await receive.handle(await signed(again));
      expect(answer.body).toMatchObject({ rewards: { ambassador: { reason: 'repeat_order' } } });
      const stats = await store.stats({ program, now: NOW });
      expect([stats.ambassadors[0]?.repeatOrderRate, stats.roles[0]?.repeatOrderRate]).toEqual([1, 1]);
    });
  });

  it('lists ambassadors by code, whatever order they were registered in', async () => {
    await withStore(async (store) => {
      const { program } = await aReceiver({ store, ambassadors: [aSecondAmbassador(), anAmbassador()] });
      const stats = await store.stats({ program, now: NOW });
      expect(stats.ambassadors.map((entry) => entry.code)).toEqual(['ALEX-7HC2QK', 'SAM-7HC2QK']);
    });
  });
}
