/**
 * The stores side by side: one random program, its ambassadors (registered in a random order), a
 * clock and a sequence of signed deliveries go through a receiver over each store — memory, PGlite,
 * and PostgreSQL when DATABASE_URL is set — and every answer, and the stats after, must be the same.
 * The shared suite holds each store to examples; this holds them to each other on sequences nobody
 * wrote down (it found a customer counted twice and a role's reward unit that followed registration order).
 */
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ambassador, ambassadorSchema } from '../ambassador.js';
import type { ReferralEvent } from '../event.js';
import { type Program, programSchema } from '../program.js';
import { createReceiver } from '../receiver.js';
import { friendDiscount } from '../rewards.js';
import { signEvent } from '../signature.js';
import { SECRET } from '../testing/receiver-harness.js';
import { memoryStore } from './memory-store.js';
import { type SqlClient, sqlStore } from './sql-store.js';
import type { ProgramStats, StatsQuery } from './stats.js';
import type { ReferralStore } from './store.js';

const START = Date.parse('2026-11-22T10:00:00.000Z');
const DAY = 86_400_000;
const PROGRAM = 'side-by-side';
// Three ambassadors, and a well-formed code nobody holds.
const CODES = ['ALEX-7HC2QK', 'BEA-7HC2QK', 'CY-7HC2QK', 'NOBODY-7HC2QK'];
const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
const PREFIX = `side${process.pid}_`;

const iso = (ms: number) => new Date(ms).toISOString();
const hash = (n: number) => n.toString(16).padStart(64, '0');
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const reward = fc.oneof(
  fc.record({
    basis: fc.constant('fixed'),
    type: fc.constantFrom('credit', 'cash', 'points'),
    amount: fc.constantFrom(300, 1000),
  }),
  fc.record({
    basis: fc.constant('percent'),
    type: fc.constantFrom('credit', 'cash'),
    percent: fc.constantFrom(5, 12.5),
  }),
);
const offer = fc.constantFrom(
  { kind: 'percent', percent: 15 },
  { kind: 'percent', percent: 20, maxDiscount: 800 },
  { kind: 'fixed', amount: 500 },
);

const programs: fc.Arbitrary<Program> = fc
  .record({
    friendOffer: offer,
    ambassadorReward: reward,
    firstOrderOnly: fc.boolean(),
    minimumOrder: maybe(fc.constant(3000)),
    maxRedemptionsPerCode: maybe(fc.integer({ min: 1, max: 3 })),
    rewardHoldDays: fc.constantFrom(0, 3, 14),
    tiers: maybe(fc.tuple(fc.integer({ min: 1, max: 3 }), reward)),
    promoteToCommunityLeaderAfter: maybe(fc.integer({ min: 1, max: 2 })),
    leader: maybe(fc.record({ repeatOrderReward: reward, repeatWindowDays: fc.constantFrom(1, 30) })),
    influencerEndsAt: maybe(fc.constantFrom(3, 10)),
    contributionTarget: maybe(
      fc.record({ shares: fc.integer({ min: 1, max: 3 }), per: fc.constantFrom('week', 'month') }),
    ),
  })
  .map(({ tiers, leader, influencerEndsAt, ...terms }) =>
    programSchema.parse({
      ...terms,
      id: PROGRAM,
      brand: 'Acme',
      currency: 'USD',
      ...(tiers && { tiers: [{ minRedemptions: tiers[0], reward: tiers[1] }] }),
      roles: {
        ...(leader && { community_leader: leader }),
        ...(influencerEndsAt && { influencer: { endsAt: iso(START + influencerEndsAt * DAY) } }),
      },
    }),
  );

// Registration order is random on purpose: no store may answer by it.
const ambassadors: fc.Arbitrary<Ambassador[]> = fc
  .tuple(
    fc.array(fc.constantFrom('ambassador', 'community_leader', 'influencer'), { minLength: 3, maxLength: 3 }),
    fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 0, 2]),
  )
  .map(([roles, order]) =>
    order.map((index) =>
      ambassadorSchema.parse({
        id: `amb_${index}`,
        code: CODES[index],
        displayName: `Ambassador ${index}`,
        role: roles[index],
        customerId: `self_${index}`,
        emailHash: hash(0xa0 + index),
        joinedAt: '2026-01-01T00:00:00.000Z',
      }),
    ),
  );

const code = fc.constantFrom(0, 0, 1, 2, 3);
const channel = fc.constantFrom('whatsapp', 'email', 'qr');
// Customers 0–3 are friends; 4 is the ambassador's own customer id. Each is sent by id, email hash or both.
const customer = fc.record({ who: fc.constantFrom(0, 0, 1, 1, 2, 3, 4), by: fc.constantFrom('id', 'email', 'both') });

type Action =
  | { kind: 'advance'; days: number }
  | { kind: 'redeem'; code: number; order: number; customer: { who: number; by: string }; extra: number; euro: boolean }
  | { kind: 'reorder'; which: number; order: number; firstOrder: boolean | undefined }
  | { kind: 'replay' | 'resend' | 'conflict'; which: number }
  | { kind: 'reverse'; which: number; code: number | undefined }
  | { kind: 'landing' | 'share'; code: number; channel: string };

const redeem = fc.record({
  kind: fc.constant('redeem' as const),
  code,
  order: fc.integer({ min: 0, max: 6 }),
  customer,
  // 0: the discount the offer gives; 1: a cent more than it allows; 2: none.
  extra: fc.constantFrom(0, 0, 0, 1, 2),
  // Now and then in a currency that is not the program's.
  euro: fc.constantFrom(false, false, false, false, true),
});
// A customer's later order at full price, under the code of one of their earlier orders: retention.
const reorder = fc.record({
  kind: fc.constant('reorder' as const),
  which: fc.nat(),
  order: fc.integer({ min: 0, max: 6 }),
  firstOrder: fc.constantFrom(undefined, false),
});
// Mostly under the order's own code (undefined), now and then under another.
const reverse = fc.record({
  kind: fc.constant('reverse' as const),
  which: fc.nat(),
  code: fc.option(code, { nil: undefined }),
});

const actions: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), days: fc.constantFrom(1, 4, 15) }),
  { weight: 5, arbitrary: redeem },
  { weight: 2, arbitrary: reorder },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('replay', 'resend', 'conflict'), which: fc.nat() }) },
  { weight: 2, arbitrary: reverse },
  fc.record({ kind: fc.constantFrom('landing', 'share'), code, channel }),
);

/**
 * The sequences a leader's retention rewards come of: first orders, members ordering again, refunds,
 * a few days passing, on an offer whose leaders are paid for members' repeat orders, for first orders
 * only or for every order (where the retention reward is paid beside the ordinary one, and taken back
 * alone), and ALEX a leader. Random sequences of every action reach a refunded member's first order too
 * rarely, and so do these when the two offers share one property's runs.
 */
const retentionPrograms = (firstOrderOnly: boolean) =>
  programs.filter(
    (program) =>
      program.firstOrderOnly === firstOrderOnly && program.roles.community_leader?.repeatOrderReward !== undefined,
  );
const teamWithALeader = ambassadors.map((team) =>
  team.map((ambassador) =>
    ambassador.code === CODES[0] ? ambassadorSchema.parse({ ...ambassador, role: 'community_leader' }) : ambassador,
  ),
);
const retentionActions: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: redeem },
  { weight: 3, arbitrary: reorder },
  { weight: 2, arbitrary: reverse },
  fc.record({ kind: fc.constant('advance' as const), days: fc.constantFrom(1, 4) }),
);

/** Turns actions into signed deliveries, keeping the clock and what was sent. */
class Sequence {
  clock = START;
  private count = 0;
  private readonly sent: { event: ReferralEvent; webhookId: string }[] = [];

  constructor(private readonly program: Program) {}

  /** The delivery of an action as the receiver takes it; `null` for a clock move or a replay of nothing. */
  async delivery(action: Action): Promise<{ headers: Record<string, string>; body: string } | null> {
    if (action.kind === 'advance') {
      this.clock += action.days * DAY;
      return null;
    }
    const event = this.event(action);
    if (!event) return null;
    const earlier = this.sent.find((sent) => sent.event === event);
    const webhookId = action.kind === 'replay' && earlier ? earlier.webhookId : `msg_${this.count}`;
    this.sent.push({ event, webhookId });
    const body = JSON.stringify(event);
    const headers = await signEvent({ secret: SECRET, id: webhookId, timestamp: new Date(this.clock), body });
    return { headers: { 'content-type': 'application/json', ...headers }, body };
  }

  private event(action: Exclude<Action, { kind: 'advance' }>): ReferralEvent | null {
    const envelope = (at: number) => ({
      v: 1 as const,
      id: `evt_side${String(++this.count).padStart(6, '0')}`,
      program: PROGRAM,
      code: CODES[at] as string,
      occurredAt: iso(this.clock),
    });
    const redemptions = this.sent.map((sent) => sent.event).filter((event) => event.type === 'redemption');
    switch (action.kind) {
      case 'redeem': {
        const { who, by } = action.customer;
        const subtotal = 5999;
        const given = friendDiscount(this.program.friendOffer, subtotal);
        const discount = [given, given + 1, 0][action.extra] as number;
        const identity = {
          ...(by !== 'email' && { id: who === 4 ? `self_${Math.min(action.code, 2)}` : `cust_${who}` }),
          ...(by !== 'id' && { emailHash: hash(who + 1) }),
        };
        return {
          ...envelope(action.code),
          type: 'redemption',
          orderId: `order-${action.order}`,
          order: { currency: action.euro ? 'EUR' : 'USD', subtotal, discount, total: subtotal - discount },
          customer: identity,
        };
      }
      case 'reorder': {
        const earlier = redemptions[action.which % redemptions.length];
        if (earlier?.type !== 'redemption') return null;
        const subtotal = 4000;
        return {
          ...envelope(CODES.indexOf(earlier.code)),
          type: 'redemption',
          orderId: `order-${action.order}`,
          order: { currency: 'USD', subtotal, discount: 0, total: subtotal },
          customer: { ...earlier.customer, firstOrder: action.firstOrder },
        };
      }
      case 'replay':
        return this.sent[action.which % this.sent.length]?.event ?? null;
      case 'resend':
      case 'conflict': {
        const first = redemptions[action.which % redemptions.length];
        if (first?.type !== 'redemption') return null;
        // A resend is the same order under a new event id; a conflict changes its content too.
        const order = action.kind === 'conflict' ? { ...first.order, subtotal: first.order.subtotal + 1 } : first.order;
        return { ...first, id: `evt_side${String(++this.count).padStart(6, '0')}`, order };
      }
      case 'reverse': {
        const redeemed = redemptions[action.which % redemptions.length];
        const orderId = redeemed?.type === 'redemption' ? redeemed.orderId : 'order-never';
        const at = action.code ?? (redeemed ? CODES.indexOf(redeemed.code) : 0);
        return { ...envelope(at), type: 'reversal', orderId, reason: 'refund' };
      }
      default:
        return { ...envelope(action.code), type: action.kind, channel: action.channel } as ReferralEvent;
    }
  }
}

interface Side {
  name: string;
  fresh(): Promise<ReferralStore>;
}

const sides: Side[] = [{ name: 'memory', fresh: async () => memoryStore() }];

/** A store over `client` whose tables are emptied for each sequence. */
function sqlSide(name: string, client: SqlClient): Side {
  return {
    name,
    async fresh() {
      const store = sqlStore(client, { prefix: PREFIX });
      await store.migrate();
      await client.query(`TRUNCATE ${TABLES.map((table) => PREFIX + table).join(', ')} RESTART IDENTITY`);
      return store;
    },
  };
}

/**
 * The stats every store must agree on once the sequence has run, `lastReversal` the clock the last
 * reversal was recorded at: a millisecond before it (else halfway through), it has not happened yet.
 */
function statsQueries(now: Date, lastReversal: number | null): StatsQuery[] {
  const past = new Date(lastReversal === null ? (START + now.getTime()) / 2 : lastReversal - 1);
  return [
    { program: PROGRAM, now },
    { program: PROGRAM, from: iso(START - DAY), to: now, now: new Date(now.getTime() + 20 * DAY) },
    { program: PROGRAM, from: iso(START - DAY), to: past, now: past },
    ...CODES.map((code) => ({ program: PROGRAM, code, now })),
  ];
}

/**
 * What every store's figures must say whatever the sequence, beyond agreeing with each other: on a
 * first-order offer an ambassador is paid for a first order of theirs or, as a leader, for a repeat order
 * of a customer such an order made a member, so one with no standing first order holds no standing reward
 * (a refunded first order takes the retention rewards of its member's later orders with it).
 */
function expectNoRewardWithoutAFriend(program: Program, stats: ProgramStats) {
  if (!program.firstOrderOnly) return;
  for (const row of stats.ambassadors) {
    if (row.firstOrders > 0) continue;
    const standing = Object.values(row.rewards).reduce((sum, unit) => sum + unit.pending + unit.confirmed, 0);
    expect(standing, `${row.code}: standing rewards without a first order`).toBe(0);
  }
}

/**
 * What every store's `owedBack` must say whatever the sequence: it is part of `reversed`; without a hold
 * every reward is confirmed when granted, so all of `reversed` is owed back; and before any hold could
 * end (the sequence shorter than it), nothing is, every reversal having cancelled a reward still held.
 */
function expectOwedBackOnlyOnceConfirmed(program: Program, stats: ProgramStats, elapsed: number) {
  for (const row of [...stats.ambassadors, ...stats.roles]) {
    const name = 'code' in row ? row.code : row.role;
    for (const [unit, { reversed, owedBack }] of Object.entries(row.rewards)) {
      expect(owedBack, `${name} ${unit}: owed back beyond what was reversed`).toBeLessThanOrEqual(reversed);
      if (program.rewardHoldDays === 0) expect(owedBack, `${name} ${unit}: without a hold`).toBe(reversed);
      if (elapsed < program.rewardHoldDays * DAY) expect(owedBack, `${name} ${unit}: within the hold`).toBe(0);
    }
  }
}

describe('every store answers alike', () => {
  const clients: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    const lite = new PGlite();
    await lite.waitReady;
    clients.push({ close: () => lite.close() });
    sides.push(sqlSide('PGlite', lite));
    if (process.env.DATABASE_URL) {
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
      clients.push({
        close: async () => {
          for (const table of TABLES) await pool.query(`DROP TABLE IF EXISTS ${PREFIX}${table}`);
          await pool.end();
        },
      });
      sides.push(sqlSide('PostgreSQL', pool));
    }
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) await client.close();
  });

  /** Runs one sequence through a receiver over each store: every answer, and the figures after, must agree. */
  async function sideBySide(program: Program, team: Ambassador[], steps: Action[]) {
    const sequence = new Sequence(program);
    const receivers = await Promise.all(
      sides.map(async (side) => {
        const store = await side.fresh();
        for (const ambassador of team) await store.upsertAmbassador(program, ambassador);
        const receive = createReceiver({
          programs: [program],
          store,
          secret: SECRET,
          now: () => new Date(sequence.clock),
          resolveCode: (code, id) => store.ambassadorByCode(code, id),
        });
        return { name: side.name, store, receive };
      }),
    );
    let lastReversal: number | null = null;
    for (const [step, action] of steps.entries()) {
      const delivery = await sequence.delivery(action);
      if (!delivery) continue;
      const [first, ...others] = await Promise.all(receivers.map(({ receive }) => receive.handle(delivery)));
      for (const [index, answer] of others.entries()) {
        expect(answer, `${receivers[index + 1]?.name} at step ${step}`).toEqual(first);
      }
      if (action.kind === 'reverse' && first?.status === 201) lastReversal = sequence.clock;
    }
    for (const query of statsQueries(new Date(sequence.clock), lastReversal)) {
      const [first, ...others] = await Promise.all(receivers.map(({ store }) => store.stats(query)));
      for (const [index, stats] of others.entries()) {
        expect(
          stats,
          `${receivers[index + 1]?.name} stats for ${query.code ?? 'all'} at ${query.now?.toISOString()}`,
        ).toEqual(first);
      }
    }
    const now = new Date(sequence.clock);
    for (const { store } of receivers) {
      const stats = await store.stats({ program: PROGRAM, from: iso(START - DAY), to: now, now });
      expectNoRewardWithoutAFriend(program, stats);
      expectOwedBackOnlyOnceConfirmed(program, stats, sequence.clock - START);
    }
  }

  it('gives the same answers and stats for the same random deliveries', async () => {
    await fc.assert(
      fc.asyncProperty(programs, ambassadors, fc.array(actions, { minLength: 1, maxLength: 20 }), sideBySide),
      { numRuns: 100 },
    );
  }, 300_000);

  it.each([
    ['for first orders only', true],
    ['for every order', false],
  ])(
    "takes back a leader's retention rewards with the first order that made the customer a member, alike, on an offer %s",
    async (_offer, firstOrderOnly) => {
      await fc.assert(
        fc.asyncProperty(
          retentionPrograms(firstOrderOnly),
          teamWithALeader,
          fc.array(retentionActions, { minLength: 4, maxLength: 12 }),
          sideBySide,
        ),
        { numRuns: 60 },
      );
    },
    300_000,
  );
});
