/** The receiver's answers about what an event says: the contract, the program's rules, unsigned claims. */
import { describe, expect, it } from 'vitest';
import { memoryStore } from './stores/memory-store.js';
import { aLanding, anAmbassador, aRedemption, aReversal } from './testing/fixtures.js';
import { aReceiver, errorCode, signed, unsigned } from './testing/receiver-harness.js';

describe('createReceiver: the contract and the rules', () => {
  it('refuses an event off the contract with 400 and the path of each problem', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(
      await signed(
        JSON.stringify({ ...aRedemption(), order: { currency: 'USD', subtotal: 1.5, discount: 0, total: 1 } }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_event', issues: [{ path: ['order', 'subtotal'] }] } });
  });

  it('refuses an event from the future with 400', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T11:00:00.000Z' })));
    expect(answer.body).toMatchObject({
      error: { code: 'invalid_event', issues: [{ path: ['occurredAt'], code: 'future_timestamp' }] },
    });
  });

  it('takes an event from further ahead when its clock skew allows it', async () => {
    const { receive } = await aReceiver({ clockSkewSec: 3600 });
    const answer = await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T11:00:00.000Z' })));
    expect(answer.status).toBe(201);
  });

  it.each([Number.NaN, -1, Infinity])('refuses a clock skew of %s at creation', async (clockSkewSec) => {
    await expect(aReceiver({ clockSkewSec })).rejects.toThrow(/clockSkewSec/);
  });

  it('records an unsigned landing claimed earlier than lateDeliverySec allows at that bound, an order at its own time', async () => {
    const recorded: string[] = [];
    const store = memoryStore();
    const { receive } = await aReceiver({
      store: {
        ...store,
        commit(request) {
          recorded.push(request.event.occurredAt);
          return store.commit(request);
        },
      },
      secret: undefined,
      confirmOrder: () => true,
      lateDeliverySec: 3600,
    });
    await receive.handle(unsigned(aLanding({ occurredAt: '2026-11-22T09:00:00.000Z' })));
    await receive.handle(unsigned(aLanding({ id: 'evt_landing00002', occurredAt: '2026-11-22T09:30:00.000Z' })));
    // confirmOrder confirms an order, its date included: it is not moved.
    await receive.handle(unsigned(aRedemption({ occurredAt: '2026-11-20T10:00:00.000Z' })));
    expect(recorded).toEqual(['2026-11-22T09:00:12.000Z', '2026-11-22T09:30:00.000Z', '2026-11-20T10:00:00.000Z']);
  });

  it.each([Number.NaN, -1, Infinity])('refuses a late-delivery room of %s at creation', async (lateDeliverySec) => {
    await expect(aReceiver({ lateDeliverySec })).rejects.toThrow(/lateDeliverySec/);
  });

  it('refuses an unknown program', async () => {
    const { receive } = await aReceiver();
    expect(errorCode(await receive.handle(await signed(aRedemption({ program: 'autumn-2026' }))))).toBe(
      'unknown_program',
    );
  });

  it('refuses an unknown code with its path', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption({ code: 'SAM-7HC2QK' })));
    expect(answer).toMatchObject({
      status: 422,
      body: { error: { code: 'unknown_code', issues: [{ path: ['code'] }] } },
    });
  });

  it.each<[string, Parameters<typeof aReceiver>[0], Parameters<typeof aRedemption>[0]]>([
    ['program_inactive', { program: { endsAt: '2026-11-01T00:00:00Z' } }, {}],
    [
      'campaign_inactive',
      {
        program: { roles: { influencer: { endsAt: '2026-11-01T00:00:00Z' } } },
        ambassadors: [anAmbassador({ role: 'influencer' })],
      },
      {},
    ],
    ['self_referral', {}, { customer: { id: 'c_alex' } }],
    ['not_first_order', {}, { customer: { firstOrder: false } }],
    ['below_minimum', { program: { minimumOrder: 10_000 } }, {}],
    ['currency_mismatch', {}, { order: { currency: 'EUR', subtotal: 5999, discount: 900, total: 5099 } }],
    ['discount_exceeds_offer', {}, { order: { currency: 'USD', subtotal: 5999, discount: 2000, total: 3999 } }],
    ['attribution_expired', {}, { attribution: { landedAt: '2026-10-01T00:00:00.000Z', model: 'last_touch' } }],
  ])('refuses a redemption for %s with 422', async (expected, options, redemption) => {
    const { receive } = await aReceiver(options);
    const answer = await receive.handle(await signed(aRedemption(redemption)));
    expect([answer.status, errorCode(answer)]).toEqual([422, expected]);
  });

  it.each([
    ['a community leader', 'community_leader'],
    ['a brand ambassador', 'ambassador'],
  ] as const)("refuses %s's redemption after their own campaign ended, and takes one within it", async (_, role) => {
    const campaign = { startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2026-11-01T00:00:00.000Z' };
    const { receive } = await aReceiver({ ambassadors: [anAmbassador({ role, campaign })] });
    const after = await receive.handle(await signed(aRedemption()));
    expect([after.status, errorCode(after), (after.body as { error?: { issues?: unknown } }).error?.issues]).toEqual([
      422,
      'campaign_inactive',
      [expect.objectContaining({ path: ['occurredAt'] })],
    ]);
    const within = aRedemption({
      id: 'evt_withinCampaign01',
      orderId: '1002',
      occurredAt: '2026-10-20T10:00:00.000Z',
      attribution: { landedAt: '2026-10-19T09:00:00.000Z', model: 'last_touch' },
    });
    expect((await receive.handle(await signed(within))).status).toBe(201);
  });

  it("records free shipping that waived more than the items cost, up to the offer's maxDiscount", async () => {
    // A ¥500 item with ¥800 shipping waived: the discount is the shipping, not a part of the subtotal.
    const { receive } = await aReceiver({
      program: { currency: 'JPY', friendOffer: { kind: 'free_shipping', maxDiscount: 1000 } },
    });
    const order = { currency: 'JPY', subtotal: 500, discount: 800, total: 500 } as const;
    const answer = await receive.handle(await signed(aRedemption({ order })));
    expect(answer).toMatchObject({ status: 201, body: { rewards: { friend: { discount: 800, currency: 'JPY' } } } });
    const over = aRedemption({
      id: 'evt_secondOrder001',
      orderId: '1002',
      customer: { id: 'c_10' },
      order: { ...order, discount: 1001 },
    });
    expect(errorCode(await receive.handle(await signed(over)))).toBe('discount_exceeds_offer');
  });

  it.each([
    ['percent', { kind: 'percent', percent: 100 }],
    ['fixed', { kind: 'fixed', amount: 1000 }],
  ] as const)(
    'refuses a %s discount over the subtotal with 422 discount_exceeds_offer at its path',
    async (_kind, friendOffer) => {
      const { receive } = await aReceiver({ program: { friendOffer } });
      const order = { currency: 'USD', subtotal: 500, discount: 501, total: 0 } as const;
      const answer = await receive.handle(await signed(aRedemption({ order })));
      expect(answer).toMatchObject({
        status: 422,
        body: { error: { code: 'discount_exceeds_offer', issues: [{ path: ['order', 'discount'] }] } },
      });
    },
  );

  it('records a discount rounded on each line when the order says over how many lines', async () => {
    // 15% off five ¥1,010 lines, 151.5 → 152 on each: ¥760, one more than half up of the whole allows.
    const { receive } = await aReceiver({ program: { currency: 'JPY' } });
    const order = { currency: 'JPY', subtotal: 5050, discount: 760, total: 4290 } as const;
    const whole = await receive.handle(await signed(aRedemption({ order })));
    expect([whole.status, errorCode(whole)]).toEqual([422, 'discount_exceeds_offer']);
    const answer = await receive.handle(await signed(aRedemption({ order: { ...order, lines: 5 } })));
    expect(answer).toMatchObject({ status: 201, body: { rewards: { friend: { discount: 760 } } } });
    // 758 on the whole and one unit a line: 763 at most.
    const over = aRedemption({
      id: 'evt_secondOrder001',
      orderId: '1002',
      customer: { id: 'c_10' },
      order: { ...order, discount: 764, total: 4286, lines: 5 },
    });
    expect(errorCode(await receive.handle(await signed(over)))).toBe('discount_exceeds_offer');
  });

  it('refuses a redemption past the code cap with 422 code_exhausted', async () => {
    const { receive } = await aReceiver({ program: { maxRedemptionsPerCode: 1 } });
    await receive.handle(await signed(aRedemption()));
    const second = aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } });
    expect(errorCode(await receive.handle(await signed(second)))).toBe('code_exhausted');
  });

  it('refuses a reversal of an order never redeemed, an hour after the refund, with 422 unknown_order', async () => {
    const { receive } = await aReceiver();
    // Past the five minutes a young reversal waits for its redemption (receiver.reversal-wait.test.ts).
    expect(errorCode(await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:00:00.000Z' }))))).toBe(
      'unknown_order',
    );
  });

  it('refuses a reversal dated more than clockSkewSec before its order, and takes one exactly that far', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T10:00:00.000Z' })));
    const dated = async (occurredAt: string) => receive.handle(await signed(aReversal({ occurredAt })));
    expect(errorCode(await dated('2026-11-22T09:54:59.999Z'))).toBe('reversal_before_order');
    expect((await dated('2026-11-22T09:55:00.000Z')).status).toBe(201);
  });

  it('takes a reversal as far before its order as the clockSkewSec the receiver was given', async () => {
    const { receive } = await aReceiver({ clockSkewSec: 3600 });
    await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T10:00:00.000Z' })));
    expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:00:00.000Z' })))).status).toBe(
      201,
    );
  });

  it("refuses another program's code with 422 unknown_code", async () => {
    const { receive, store } = await aReceiver({ ambassadors: [] });
    await store.upsertAmbassador('autumn-2026', anAmbassador());
    expect(errorCode(await receive.handle(await signed(aRedemption())))).toBe('unknown_code');
  });

  it("refuses a reversal carrying another ambassador's code with 422 unknown_order", async () => {
    const bob = anAmbassador({
      id: 'amb_bob',
      code: 'BOB-7HC2QK',
      displayName: 'Bob',
      customerId: 'c_bob',
      emailHash: 'c'.repeat(64),
    });
    const { receive } = await aReceiver({ ambassadors: [anAmbassador(), bob], reversalWaitSec: 0 });
    await receive.handle(await signed(aRedemption()));
    const reversal = aReversal({ code: 'BOB-7HC2QK', occurredAt: '2026-11-22T10:00:10.000Z' });
    expect(errorCode(await receive.handle(await signed(reversal)))).toBe('unknown_order');
  });

  it('records nothing for a refused redemption, so a corrected one is recorded', async () => {
    const { receive } = await aReceiver();
    await receive.handle(
      await signed(aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 2000, total: 3999 } })),
    );
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });
});

describe('createReceiver: unsigned claims', () => {
  it('records a landing from a browser', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    expect((await receive.handle(unsigned(aLanding()))).status).toBe(201);
  });

  it('refuses an unconfirmed redemption with 422 order_not_confirmed', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => false });
    expect(errorCode(await receive.handle(unsigned(aRedemption())))).toBe('order_not_confirmed');
  });

  it('refuses every unsigned redemption without confirmOrder', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    expect(errorCode(await receive.handle(unsigned(aRedemption())))).toBe('order_not_confirmed');
  });

  it("refuses a confirmed redemption whose landing is past the program's window, as a signed one, with its path", async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => true });
    const late = aRedemption({ attribution: { landedAt: '2026-10-01T00:00:00.000Z', model: 'last_touch' } });
    expect(await receive.handle(unsigned(late))).toMatchObject({
      status: 422,
      body: { error: { code: 'attribution_expired', issues: [{ path: ['attribution', 'landedAt'] }] } },
    });
  });

  it('records a redemption the shop confirms', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: async (event) => event.orderId === '1001' });
    expect((await receive.handle(unsigned(aRedemption()))).status).toBe(201);
  });
});
