/**
 * `publicStats`, the share panel's view of an ambassador, over the real receiver and a memory ledger:
 * what they earned, one entry per unit, never credit and cash added together.
 */
import {
  type Ambassador,
  ambassadorSchema,
  createReceiver,
  memoryStore,
  type Program,
  programSchema,
  termsFor,
} from '@referkit/events';
import { generateSecret, signEvent } from '@referkit/events/signature';
import { describe, expect, test } from 'vitest';
import { publicStats } from './code-lookup.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

/** $10 credit a friend's first order; once promoted, $12 cash. No hold: a reward is confirmed at once. */
const program: Program = programSchema.parse({
  id: 'fernwood-friends',
  brand: 'Fernwood Tea',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  roles: { community_leader: { ambassadorReward: { basis: 'fixed', type: 'cash', amount: 1200 } } },
  promoteToCommunityLeaderAfter: 1,
  rewardHoldDays: 0,
});
const alex: Ambassador = ambassadorSchema.parse({
  id: 'amb_alex',
  code: 'ALEX-7HC2QK',
  displayName: 'Alex Rivera',
  joinedAt: '2026-11-01T00:00:00.000Z',
});

/** A ledger with Alex registered, and a way to record a friend's first order with his code. */
async function ledger() {
  const store = memoryStore();
  await store.upsertAmbassador(program, alex);
  const secret = generateSecret();
  const receiver = createReceiver({
    programs: [program],
    resolveCode: (code, id) => store.ambassadorByCode(code, id),
    store,
    secret,
    now: () => NOW,
  });
  const redeem = async (orderId: string) => {
    const body = JSON.stringify({
      v: 1,
      id: `evt_order${orderId}xxxxxx`,
      type: 'redemption',
      program: program.id,
      code: alex.code,
      occurredAt: NOW.toISOString(),
      orderId,
      order: { currency: 'USD', subtotal: 4000, discount: 600, total: 3400 },
      customer: { id: `friend_${orderId}`, firstOrder: true },
    });
    const headers = await signEvent({ secret, id: `msg_${orderId}`, timestamp: NOW, body });
    expect(
      (await receiver.handle({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }))
        .status,
    ).toBe(201);
  };
  const panel = () =>
    publicStats(store, { program, ambassador: alex, terms: termsFor(program, alex, { redemptions: 0 }) }, NOW);
  return { redeem, panel };
}

describe('publicStats', () => {
  test('answers what the ambassador earned one entry per unit: the credit before a promotion apart from the cash after it', async () => {
    const { redeem, panel } = await ledger();
    await redeem('1001');
    await redeem('1002');
    expect((await panel()).rewards).toEqual([
      { type: 'credit', currency: 'USD', earned: 1000, pending: 0 },
      { type: 'cash', currency: 'USD', earned: 1200, pending: 0 },
    ]);
  });

  test('answers the unit the reward is paid in, at 0, before anything is granted', async () => {
    const { panel } = await ledger();
    expect((await panel()).rewards).toEqual([{ type: 'credit', currency: 'USD', earned: 0, pending: 0 }]);
  });
});
