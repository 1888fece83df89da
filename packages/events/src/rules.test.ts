import { describe, expect, it } from 'vitest';
import type { AmbassadorInput } from './ambassador.js';
import type { RedemptionEvent } from './event.js';
import type { ProgramInput } from './program.js';
import type { RedemptionHistory } from './rewards.js';
import { checkRedemption } from './rules.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

type Case = [
  string,
  Partial<ProgramInput>,
  Partial<AmbassadorInput>,
  Partial<RedemptionEvent>,
  RedemptionHistory,
  string | null,
];
const usd = (subtotal: number, discount: number) => ({
  currency: 'USD' as const,
  subtotal,
  discount,
  total: subtotal - discount,
});

describe('checkRedemption', () => {
  it.each<Case>([
    ['accepts a first order within the offer', {}, {}, {}, { redemptions: 0 }, null],
    [
      'refuses another currency',
      {},
      {},
      { order: { ...usd(5999, 900), currency: 'EUR' } },
      { redemptions: 0 },
      'currency_mismatch',
    ],
    [
      'refuses an order before the program starts',
      { startsAt: '2026-12-01T00:00:00Z' },
      {},
      {},
      { redemptions: 0 },
      'program_inactive',
    ],
    [
      'refuses an order at the program end',
      { endsAt: '2026-11-22T10:00:00Z' },
      {},
      {},
      { redemptions: 0 },
      'program_inactive',
    ],
    [
      'accepts an order just before the program end',
      { endsAt: '2026-11-22T10:00:00.001Z' },
      {},
      {},
      { redemptions: 0 },
      null,
    ],
    [
      "refuses an influencer's order outside the campaign",
      { roles: { influencer: { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' } } },
      { role: 'influencer' },
      {},
      { redemptions: 0 },
      'campaign_inactive',
    ],
    [
      "accepts an influencer's order inside the campaign",
      { roles: { influencer: { startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' } } },
      { role: 'influencer' },
      {},
      { redemptions: 0 },
      null,
    ],
    [
      'refuses the ambassador ordering with their customer id',
      {},
      {},
      { customer: { id: 'c_alex' } },
      { redemptions: 0 },
      'self_referral',
    ],
    [
      'refuses the ambassador ordering with their email hash',
      {},
      {},
      { customer: { emailHash: 'a'.repeat(64) } },
      { redemptions: 0 },
      'self_referral',
    ],
    [
      'refuses a repeat customer on a first-order offer',
      {},
      {},
      { customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      'not_first_order',
    ],
    [
      'refuses a customer the ledger has seen on a first-order offer',
      {},
      {},
      {},
      { redemptions: 0, customerOrders: [{ code: 'SAM-7HC2QK', occurredAt: '2026-10-01T00:00:00Z' }] },
      'not_first_order',
    ],
    [
      'accepts a repeat customer when the offer is not first-order-only',
      { firstOrderOnly: false },
      {},
      { customer: { firstOrder: false } },
      { redemptions: 0 },
      null,
    ],
    ['refuses an order below the minimum', { minimumOrder: 6000 }, {}, {}, { redemptions: 0 }, 'below_minimum'],
    ['accepts an order at the minimum', { minimumOrder: 5999 }, {}, {}, { redemptions: 0 }, null],
    [
      'accepts a percent discount one unit above half-up rounding',
      {},
      {},
      { order: usd(5999, 901) },
      { redemptions: 0 },
      null,
    ],
    [
      'refuses a percent discount two units above',
      {},
      {},
      { order: usd(5999, 902) },
      { redemptions: 0 },
      'discount_exceeds_offer',
    ],
    [
      'refuses a fixed discount above the amount',
      { friendOffer: { kind: 'fixed', amount: 500 } },
      {},
      { order: usd(5999, 501) },
      { redemptions: 0 },
      'discount_exceeds_offer',
    ],
    [
      "applies a role's own friend offer",
      { roles: { influencer: { friendOffer: { kind: 'percent', percent: 20 } } } },
      { role: 'influencer' },
      { order: usd(5999, 1200) },
      { redemptions: 0 },
      null,
    ],
    ['refuses a code at its cap', { maxRedemptionsPerCode: 3 }, {}, {}, { redemptions: 3 }, 'code_exhausted'],
    ['accepts a code below its cap', { maxRedemptionsPerCode: 3 }, {}, {}, { redemptions: 2 }, null],
    [
      "accepts a leader's member repeat order without a discount inside the window",
      { roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } } },
      { role: 'community_leader' },
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      null,
    ],
    [
      // As any repeat order's, and as this order's own answer before its first order reached the ledger.
      "refuses a first-order discount on a leader's member repeat order as not a first order",
      { roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } } },
      { role: 'community_leader' },
      { order: usd(4000, 100), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      'not_first_order',
    ],
    [
      "refuses a leader's member repeat order with a discount below the minimum for its minimum first, as any repeat order",
      {
        minimumOrder: 5000,
        roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } },
      },
      { role: 'community_leader' },
      { order: usd(4000, 600), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      'below_minimum',
    ],
    [
      "accepts the friend offer on a leader's member repeat order when the offer is for every order",
      {
        firstOrderOnly: false,
        roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } },
      },
      { role: 'community_leader' },
      { order: usd(5999, 900), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      null,
    ],
    [
      "waits for the first order of a leader's repeat order the ledger holds no order of the customer for",
      { roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } } },
      { role: 'community_leader' },
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0, recordedAt: '2026-11-23T10:00:00.000Z' },
      'first_order_pending',
    ],
    [
      "waits for the first order of a leader's repeat order below the minimum, which a member's repeat order need not reach",
      {
        minimumOrder: 5000,
        roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } },
      },
      { role: 'community_leader' },
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      'first_order_pending',
    ],
    [
      "waits for the first order of a leader's repeat order when the offer is for every order",
      {
        firstOrderOnly: false,
        roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } },
      },
      { role: 'community_leader' },
      { order: usd(5999, 900), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      'first_order_pending',
    ],
    [
      "refuses at once a first-order discount on a leader's repeat order whose first order is not in the ledger",
      { roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } } },
      { role: 'community_leader' },
      { order: usd(4000, 600), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      'not_first_order',
    ],
    [
      "takes a leader's repeat order without a discount whose first order has not reached the ledger within a week",
      { roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } } },
      { role: 'community_leader' },
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0, recordedAt: '2026-11-29T10:00:00.000Z' },
      null,
    ],
    [
      'takes at once a repeat order without a discount on a first-order offer, to an ambassador not paid for repeat orders',
      {},
      {},
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      null,
    ],
    [
      "takes a repeat order without a discount on a first-order offer below the offer's minimum",
      { minimumOrder: 5000 },
      {},
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      null,
    ],
    [
      'takes a repeat order without a discount on a first-order offer from a code at its cap',
      { maxRedemptionsPerCode: 1 },
      {},
      { order: usd(4000, 0), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      null,
    ],
    [
      'refuses a repeat order with a discount below the minimum for its minimum first',
      { minimumOrder: 5000 },
      {},
      { order: usd(4000, 600), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 0 },
      'below_minimum',
    ],
    [
      'takes the first-order offer on a first order that reached the ledger after a later repeat order',
      {},
      {},
      { customer: { id: 'c_9', firstOrder: true } },
      { redemptions: 0, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-25T00:00:00Z', repeat: true }] },
      null,
    ],
    [
      'refuses the first-order offer on an order placed before the one the ledger counted as the first',
      {},
      {},
      { customer: { id: 'c_9' } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-25T00:00:00Z' }] },
      'not_first_order',
    ],
    [
      "refuses more than the offer on a leader's member repeat order when the offer is for every order",
      {
        firstOrderOnly: false,
        roles: { community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } } },
      },
      { role: 'community_leader' },
      { order: usd(5999, 1200), customer: { id: 'c_9', firstOrder: false } },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00Z' }] },
      'discount_exceeds_offer',
    ],
    [
      "refuses an order placed when its landing's attribution window ends (landedAt + windowDays, exclusive)",
      {},
      {},
      { attribution: { landedAt: '2026-10-23T10:00:00.000Z', model: 'last_touch' } },
      { redemptions: 0 },
      'attribution_expired',
    ],
    [
      "accepts an order placed a millisecond before its landing's attribution window ends",
      {},
      {},
      { attribution: { landedAt: '2026-10-23T10:00:00.001Z', model: 'last_touch' } },
      { redemptions: 0 },
      null,
    ],
    [
      "refuses an order 52 days after its landing under the program's 30-day window",
      { attribution: { windowDays: 30, model: 'last_touch' } },
      {},
      { attribution: { landedAt: '2026-10-01T00:00:00.000Z', channel: 'sms', model: 'last_touch' } },
      { redemptions: 0 },
      'attribution_expired',
    ],
    [
      "accepts an order 52 days after its landing under the program's 60-day window",
      { attribution: { windowDays: 60, model: 'last_touch' } },
      {},
      { attribution: { landedAt: '2026-10-01T00:00:00.000Z', channel: 'sms', model: 'last_touch' } },
      { redemptions: 0 },
      null,
    ],
    [
      "accepts a landing stamped after its order (two clocks: the friend's device, the shop's server)",
      {},
      {},
      { attribution: { landedAt: '2026-11-22T10:30:00.000Z', model: 'last_touch' } },
      { redemptions: 0 },
      null,
    ],
    [
      "takes a repeat order without a discount that carries its customer's landing from before the window",
      {},
      {},
      {
        order: usd(4000, 0),
        customer: { id: 'c_9', firstOrder: false },
        attribution: { landedAt: '2026-06-01T00:00:00.000Z', model: 'last_touch' },
      },
      { redemptions: 1, customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-06-02T00:00:00Z' }] },
      null,
    ],
  ])('%s', (_name, programInput, ambassadorInput, redemptionInput, history, code) => {
    const refusal = checkRedemption(
      aProgram(programInput),
      anAmbassador(ambassadorInput),
      aRedemption(redemptionInput),
      history,
    );
    expect(refusal?.code ?? null).toBe(code);
  });

  it('accepts an anonymous order (no customer) for an ambassador without customerId or emailHash', () => {
    const ambassador = anAmbassador({ customerId: undefined, emailHash: undefined });
    const { customer: _, ...anonymous } = aRedemption();
    expect(checkRedemption(aProgram(), ambassador, anonymous as never, { redemptions: 0 })).toBeNull();
    expect(
      checkRedemption(aProgram(), ambassador, aRedemption({ customer: { firstOrder: true } }), { redemptions: 0 }),
    ).toBeNull();
  });
  it('does not cap repeat orders of an every-order offer', () => {
    const program = aProgram({ firstOrderOnly: false, maxRedemptionsPerCode: 1 });
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
    expect(checkRedemption(program, anAmbassador(), repeat, { redemptions: 1 })).toBeNull();
  });
  it('takes any discount for free shipping without a cap', () => {
    const program = aProgram({ friendOffer: { kind: 'free_shipping' } });
    expect(
      checkRedemption(program, anAmbassador(), aRedemption({ order: usd(5999, 799) }), { redemptions: 0 }),
    ).toBeNull();
  });
  it('accepts an order without attribution, whose landing there is nothing to judge', () => {
    const { attribution: _, ...unattributed } = aRedemption({ occurredAt: '2026-11-22T10:00:00.000Z' });
    expect(checkRedemption(aProgram(), anAmbassador(), unattributed as never, { redemptions: 0 })).toBeNull();
  });
  it('accepts an order placed exactly at the program start ([startsAt, endsAt))', () => {
    const program = aProgram({ startsAt: '2026-11-22T10:00:00.000Z' });
    expect(checkRedemption(program, anAmbassador(), aRedemption(), { redemptions: 0 })).toBeNull();
  });
  it('names the path of the field that broke each rule', () => {
    const a = anAmbassador();
    expect(
      checkRedemption(aProgram(), a, aRedemption({ order: { ...usd(5999, 900), currency: 'EUR' } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['order', 'currency']);
    expect(
      checkRedemption(aProgram({ endsAt: '2026-11-01T00:00:00Z' }), a, aRedemption(), { redemptions: 0 })?.path,
    ).toEqual(['occurredAt']);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { id: 'c_alex' } }), { redemptions: 0 })?.path,
    ).toEqual(['customer', 'id']);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { emailHash: 'a'.repeat(64) } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['customer', 'emailHash']);
    expect(checkRedemption(aProgram({ minimumOrder: 10000 }), a, aRedemption(), { redemptions: 0 })?.path).toEqual([
      'order',
      'subtotal',
    ]);
    expect(checkRedemption(aProgram({ maxRedemptionsPerCode: 1 }), a, aRedemption(), { redemptions: 1 })?.path).toEqual(
      ['code'],
    );
    expect(checkRedemption(aProgram(), a, aRedemption({ order: usd(5999, 2000) }), { redemptions: 0 })?.path).toEqual([
      'order',
      'discount',
    ]);
    expect(
      checkRedemption(aProgram(), a, aRedemption({ customer: { id: 'c_9', firstOrder: false } }), { redemptions: 0 })
        ?.path,
    ).toEqual(['customer', 'firstOrder']);
    expect(
      checkRedemption(
        aProgram(),
        a,
        aRedemption({ attribution: { landedAt: '2026-10-01T00:00:00.000Z', model: 'last_touch' } }),
        { redemptions: 0 },
      )?.path,
    ).toEqual(['attribution', 'landedAt']);
  });
});
