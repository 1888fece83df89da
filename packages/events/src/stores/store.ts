/** The contract between the receiver and its stores: one atomic commit, history for the rules, stats. */
import { type Ambassador, ambassadorSchema } from '../ambassador.js';
import { normalizeCode } from '../code.js';
import type { ReferralEvent } from '../event.js';
import type { IdempotencyClaim } from '../idempotency.js';
import { type Program, programSchema } from '../program.js';
import type { AmbassadorGrant, CustomerOrder, RedemptionHistory, RedemptionRewards } from '../rewards.js';
import type { RuleError } from '../rules.js';
import { canonicalTime } from '../time.js';
import type { CustomerErasure, ErasureResult } from './customer-erasure.js';
import type { ProgramStats, StatsQuery } from './stats.js';

/** What the ledger knows when the store decides on an event, read under the store's lock. */
export interface LedgerHistory extends RedemptionHistory {
  customerOrders: CustomerOrder[];
  /**
   * For a reversal: the redemption of its order, or `null` when the order never redeemed. Its `occurredAt`
   * (canonical ISO) is when the order was placed; a store that leaves it out has no reversal's date checked.
   */
  redemption: { rewards: RedemptionRewards | null; reversedAt: string | null; occurredAt?: string | undefined } | null;
  /**
   * The currency of the redemptions the ledger holds for the event's program, `null` while it holds
   * none: the receiver records no redemption in another, whatever the program's terms now say.
   * @default null (a store that does not say; nothing is compared)
   */
  currency?: string | null | undefined;
}

/** The verdict of the rules on an event, made inside the store's transaction. */
export type Decision =
  | {
      ok: true;
      rewards: RedemptionRewards | null;
      repeat?: boolean | undefined;
      /**
       * The rewards hold a leader's retention reward: `rewards.retention` beside the ordinary reward on an
       * offer for every order, else the ambassador's reward itself. Paid for a member's repeat order, it
       * stands only while the first order that made the customer the leader's does. A store takes it back,
       * and it alone, with that order's reversal.
       * @default false
       */
      retention?: boolean | undefined;
    }
  | { ok: false; error: RuleError };

/** One event to record exactly once. */
export interface CommitRequest {
  /** The keys to claim; all or none are claimed. */
  claims: IdempotencyClaim[];
  event: ReferralEvent;
  /** When the event arrived; also the moment it is recorded at, by a store that does not read `now`. */
  recordedAt: Date;
  /**
   * The receiver's clock. A store reads it once it holds the locks that order the event among its code's
   * and its person's others, and records the event and reads its history at that moment: an event that
   * waited for another's commit is recorded after it and counts it (a promotion or tier it earned), and
   * stats at a past `now` read the same when asked again later: `request.now?.() ?? request.recordedAt`.
   * @default () => recordedAt
   */
  now?: (() => Date) | undefined;
  /**
   * How far the history's `redemptions` and `confirmedRedemptions` need counting: the rules compare
   * them with no threshold above this (the program's cap per code, tiers, promotion), so a store may
   * stop there, and skip counting at 0. A store that counts every first order decides the same, only
   * slower for a busy ambassador.
   * @default Infinity (count them all)
   */
  countUpTo?: number | undefined;
  /** Decides what to record from the history; pure and synchronous, so it can run under a lock. */
  decide(history: LedgerHistory): Decision;
}

/** What became of a commit. */
export type CommitResult =
  | { status: 'recorded'; rewards: RedemptionRewards | null }
  | { status: 'duplicate'; rewards: RedemptionRewards | null }
  | { status: 'conflict' }
  | { status: 'rejected'; error: RuleError };

/** Where the receiver keeps idempotency keys, the ledger, ambassadors and programs. */
export interface ReferralStore {
  /** Creates the tables (a no-op in memory). Safe to call on every start. */
  migrate(): Promise<void>;
  /**
   * Claims the keys, decides, and records the event and its rewards atomically. Throws when the
   * store is unavailable, and rethrows, unchanged and with nothing recorded, whatever `decide` threw.
   */
  commit(request: CommitRequest): Promise<CommitResult>;
  /**
   * Registers or updates a program, so that `stats` can be asked by id. Its currency is kept once the
   * ledger holds a redemption of it: sums of another would add yen to cents under one label (refused
   * with a `RangeError` whose `code` is `program_currency_changed`).
   */
  upsertProgram(program: Program): Promise<void>;
  /**
   * Registers or updates an ambassador of a program. A code is the ambassador's for good: given a new
   * one (the same `id`), they keep the old one too, and every code of theirs takes the update of the
   * person (name, role, tier, customer identity; each code keeps its own campaign), so that a link
   * already shared redeems on the terms they have now.
   */
  upsertAmbassador(program: Program | string, ambassador: Ambassador): Promise<void>;
  /** The ambassador with a (normalised) code, or `null`; with `program`, only an ambassador of that program. */
  ambassadorByCode(code: string, program?: string): Promise<Ambassador | null>;
  /**
   * Per-ambassador and per-role figures of a program over a period, in its currency. A program (given,
   * or registered under the id asked) in another currency than its ledger's redemptions is refused with a
   * `RangeError` whose `code` is `program_currency_changed`, rather than read in the wrong minor units.
   */
  stats(query: StatsQuery): Promise<ProgramStats>;
  /**
   * Erases one customer from a program's ledger (GDPR Art. 17): in one transaction, their id and email
   * hash, on every row the rules would match them by (and rows linked to those through either), are
   * replaced by fresh random pseudonyms everywhere the store keeps them, so that every figure, hold and
   * reversal reads as before and nothing leads back to the person. Their next order is a new customer's.
   * Throws only when the store is unavailable. Every built-in store has it; a store of your own may not.
   */
  eraseCustomer?(erasure: CustomerErasure): Promise<ErasureResult>;
}

/** A store that can erase a customer, as every built-in store can. */
export type ErasingStore = ReferralStore & Required<Pick<ReferralStore, 'eraseCustomer'>>;

/**
 * The moment a store records a commit's event at and reads its history at: the request's clock read now,
 * once the store holds the event's locks, else its `recordedAt`. Read once per commit.
 */
export function recordingMoment(request: CommitRequest): Date {
  return request.now ? request.now() : request.recordedAt;
}

/**
 * A code as the stores keep it, from a code as a brand's route or form may hold it (`alex-7hc2qk`):
 * normalised when it can be, as every event's code is; otherwise left as it is, to match nothing.
 */
export function storedCode(code: string): string {
  return normalizeCode(code) ?? code;
}

/**
 * An ambassador as the stores register one: checked against `ambassadorSchema`, so that a code
 * written in lower case (which no event's code would ever match) or a campaign that ends before it
 * starts is refused at registration, with the path of the problem, rather than silently never redeeming.
 */
export function registrable(ambassador: Ambassador): Ambassador {
  return ambassadorSchema.parse(ambassador);
}

/**
 * A program as the stores register one: checked against `programSchema`, as an ambassador is, so that
 * text no JSON column holds (U+0000 in the brand) is refused with its path by every store alike, not
 * taken by the memory store and thrown on by PostgreSQL's raw `22P05`.
 */
export function registrableProgram(program: Program): Program {
  return programSchema.parse(program);
}

/**
 * An ambassador's update as another of their codes takes it: the person's fields (name, role, tier,
 * customer identity), and the code's own code and campaign. A campaign is the code's, not the
 * person's: an influencer's spring code stays ended when their autumn code is registered.
 */
export function updateOfCode(update: Ambassador, held: Ambassador): Ambassador {
  const { campaign: _, ...person } = update;
  return held.campaign ? { ...person, code: held.code, campaign: held.campaign } : { ...person, code: held.code };
}

/**
 * Refuses to move a code from the program that holds it to another: one code is one ambassador in
 * one program (the ledger and stats count it there), and registering it for a second program used
 * to take it, and its history, from the first without a word.
 */
export function refuseCodeOfAnother(code: string, holder: string, program: string): never {
  throw new RangeError(
    `[referkit] Could not register ${code} in ${program}: the code is an ambassador's of ${holder}. Give the ambassador another code for ${program}.`,
  );
}

/** A program in another currency than its ledger holds: `code` is the receiver's answer for the same mistake. */
export type ProgramCurrencyChangedError = RangeError & { code: 'program_currency_changed' };

function programCurrencyChanged(message: string): ProgramCurrencyChangedError {
  return Object.assign(new RangeError(message), { code: 'program_currency_changed' as const });
}

/** Refuses an update of a program's currency once its ledger holds redemptions in the old one. */
export function refuseCurrencyChange(program: Program, held: string): never {
  throw programCurrencyChanged(
    `[referkit] Could not update the program ${program.id} to ${program.currency}: its ledger holds redemptions in ${held}, and its figures would add the two. Give the program in ${program.currency} a new id.`,
  );
}

/**
 * Refuses stats of a program asked in another currency than its ledger holds (a `Program` given as it
 * is now configured, or registered before its receiver recorded redemptions in another): the ledger's
 * minor units would be labelled with the other currency, $50.99 shown as ¥5,099.
 */
export function refuseStatsInOtherCurrency(program: Program, held: string | null): void {
  if (held !== null && held !== program.currency)
    throw programCurrencyChanged(
      `[referkit] Could not compute stats of ${program.id} in ${program.currency}: its ledger holds redemptions in ${held}. Ask with the program in ${held}, or give the program in ${program.currency} a new id.`,
    );
}

/** A flat ledger row, the same in every store: the memory store sums its stats from these, the SQL store's table has its columns. */
export interface LedgerRow {
  id: string;
  type: ReferralEvent['type'];
  program: string;
  code: string;
  channel: string | null;
  occurredAt: string;
  /** When the store recorded the event: stats at a past `now` leave out what it did not hold yet. */
  recordedAt: string;
  orderId: string | null;
  total: number;
  discount: number;
  /**
   * The customer identity stats count the row under (`id:…` or `email:…`): that of the customer's
   * earliest row matched by id or email hash, which for a first order is the row's own.
   */
  customer: string | null;
  repeat: boolean;
  /** The row holds a leader's retention reward (`Decision.retention`). */
  retention: boolean;
  rewards: RedemptionRewards | null;
  reversedAt: string | null;
  /**
   * When the row's retention reward was taken back while its order stands, with the reversal of the first
   * order that made its customer the leader's member. `null` otherwise.
   */
  grantReversedAt: string | null;
}

/** A grant of a row, and when it was taken back (`null` while it stands). */
export type RowGrant = [grant: AmbassadorGrant, reversedAt: string | null];

/**
 * A row's ambassador-side grants, each with when it was taken back: with its order's reversal, or, a
 * retention reward alone, with the reversal of the first order that made its customer the leader's member
 * (`grantReversedAt`, set only on rows marked `retention`). The retention reward is the row's `retention`
 * grant when it has one (beside the ordinary reward, on an offer for every order), else its one grant.
 */
export function grantsOfRow(row: Pick<LedgerRow, 'rewards' | 'reversedAt' | 'grantReversedAt'>): RowGrant[] {
  const grant = row.rewards?.ambassador;
  const retention = row.rewards?.retention;
  // A reward is only taken back alone while its order stands, so that time is the earlier one.
  const retentionReversedAt = row.grantReversedAt ?? row.reversedAt;
  const grants: RowGrant[] = [];
  if (grant) grants.push([grant, retention ? row.reversedAt : retentionReversedAt]);
  if (retention) grants.push([retention, retentionReversedAt]);
  return grants;
}

/** The key of one customer identity: `id:` and the brand's id, or `email:` and the email hash. */
export function customerKey(kind: 'id' | 'email', value: string): string {
  return `${kind}:${value}`;
}

/** The customer identity the ledger matches repeat orders by: the brand's id, else the email hash. */
export function customerKeys(event: ReferralEvent): string[] {
  if (event.type !== 'redemption' || !event.customer) return [];
  const keys: string[] = [];
  if (event.customer.id !== undefined) keys.push(customerKey('id', event.customer.id));
  if (event.customer.emailHash !== undefined) keys.push(customerKey('email', event.customer.emailHash));
  return keys;
}

/** The channel a ledger row records: a share's or a landing's own, else the redemption's attribution. */
export function eventChannel(event: ReferralEvent): LedgerRow['channel'] {
  if (event.type === 'share' || event.type === 'landing') return event.channel ?? null;
  return (event.type === 'redemption' && event.attribution?.channel) || null;
}

/** Builds the ledger row of an event that was decided `ok`; `customer` is the event's own identity. */
export function ledgerRow(
  event: ReferralEvent,
  decision: Extract<Decision, { ok: true }>,
  recordedAt: Date,
): LedgerRow {
  const redemption = event.type === 'redemption' ? event : null;
  return {
    id: event.id,
    type: event.type,
    program: event.program,
    code: event.code,
    channel: eventChannel(event),
    occurredAt: canonicalTime(event.occurredAt),
    recordedAt: recordedAt.toISOString(),
    orderId: event.type === 'redemption' || event.type === 'reversal' ? event.orderId : null,
    total: redemption?.order.total ?? 0,
    discount: redemption?.order.discount ?? 0,
    customer: customerKeys(event)[0] ?? null,
    repeat: decision.repeat ?? false,
    retention: decision.retention ?? false,
    rewards: decision.rewards,
    reversedAt: null,
    grantReversedAt: null,
  };
}
