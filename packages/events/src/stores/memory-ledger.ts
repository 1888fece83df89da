/**
 * One program's ledger in process memory, kept in columns: one array per field, a row is an index.
 *
 * A memory store keeps every redemption for as long as the process runs, and what it keeps is what
 * the garbage collector copies out of the young generation and traces after. A row as an object, its
 * rewards as three more and a record object per idempotency key came to ~600 bytes of heap per
 * redemption; in columns it is ~370: a row adds slots to arrays already in the old generation,
 * numbers unboxed in them, the small sets of words (types, codes, currencies, channels, statuses)
 * interned once, and indexes that point at rows by number. Rows and rewards are built as objects
 * again only when read: a duplicate's answer, a reversal's history, stats.
 * Over 300 lines: the columns and the indexes over them change together, in one class.
 */
import type { Currency } from '../currency.js';
import type { ReferralEvent } from '../event.js';
import { type AmbassadorGrant, answerRewards, type RedemptionRewards } from '../rewards.js';
import { canonicalTime } from '../time.js';
import { Confirmations } from './confirmations.js';
import type { Pseudonyms } from './customer-erasure.js';
import type { Decision, LedgerHistory, LedgerRow } from './store.js';
import { customerKey, eventChannel } from './store.js';

/** Rows of one customer identity: most customers order once, so a lone row is kept as its number. */
type CustomerRows = number | number[];

/** Row numbers of a customer's earlier rows, looked up once for both the history and the index. */
export interface CustomerLookup {
  byId: CustomerRows | undefined;
  byEmail: CustomerRows | undefined;
}

// How a row's rewards were answered: none (not a redemption), the friend's side only, or both sides.
const NO_REWARDS = 0;
const FRIEND_ONLY = 1;
const BOTH_SIDES = 2;

const NO_ORDERS: LedgerHistory['customerOrders'] = [];
/** The placeholder of a word column in a row without that word; `rewardKinds` says it is not read. */
const NONE = '' as never;

/** One program's ledger and its indexes, keyed by raw ids (no composite keys to build per event). */
export class MemoryLedger {
  /** How many rows the ledger holds. */
  size = 0;
  /** Not reversed first orders per code: tiers, caps and promotions read this count. */
  readonly firstOrders = new Map<string, number>();
  /**
   * The currency of the redemptions recorded (the first's: the receiver records none in another), `null`
   * before the first: each commit compares it, and so does a program's registration.
   */
  currency: Currency | null = null;
  // The row columns, one slot per row; a number column holds only numbers, so V8 keeps it unboxed.
  private readonly ids: string[] = [];
  private readonly types: ReferralEvent['type'][] = [];
  private readonly codes: string[] = [];
  private readonly channels: (string | null)[] = [];
  private readonly occurredAt: string[] = [];
  /** Milliseconds, a number a row: stats at a past `now` leave out rows recorded after it. */
  private readonly recordedAt: number[] = [];
  private readonly orderIds: (string | null)[] = [];
  private readonly totals: number[] = [];
  private readonly discounts: number[] = [];
  private readonly customerIds: (string | null)[] = [];
  private readonly emailHashes: (string | null)[] = [];
  private readonly repeats: boolean[] = [];
  /** A leader's retention reward, taken back with the first order that made its customer a member. */
  private readonly retentions: boolean[] = [];
  /**
   * The row whose customer identity stats count a row under: the customer's earliest row matched
   * by id or email hash (theirs for a first order), so that one person known first by id and later
   * by email alone is one referred customer, as the rules took them to be.
   */
  private readonly customerRoots: number[] = [];
  // The rewards first answered, field by field, so that a duplicate answers the same.
  private readonly rewardKinds: number[] = [];
  private readonly friendDiscounts: number[] = [];
  private readonly friendCurrencies: Currency[] = [];
  private readonly grantAmounts: number[] = [];
  private readonly grantTypes: AmbassadorGrant['type'][] = [];
  private readonly grantCurrencies: Currency[] = [];
  private readonly grantStatuses: AmbassadorGrant['status'][] = [];
  private readonly grantConfirmsAt: string[] = [];
  private readonly grantReasons: AmbassadorGrant['reason'][] = [];
  /** Leaders' retention rewards paid beside an order's ordinary reward (offers for every order), rare: by row. */
  private readonly retentionGrants = new Map<number, AmbassadorGrant>();
  /** Reversals are rare: their times are kept aside, by row. */
  private readonly reversedAt = new Map<number, string>();
  /** Retention rewards taken back while their orders stand, rarer still: by row. */
  private readonly grantReversedAt = new Map<number, string>();
  private readonly redemptions = new Map<string, number>();
  /** Per code, its first orders that pay the ambassador, for counting the confirmed ones (tiers, the promotion). */
  private readonly confirmations = new Map<string, Confirmations>();
  private readonly byCustomerId = new Map<string, CustomerRows>();
  private readonly byEmailHash = new Map<string, CustomerRows>();

  /**
   * @param program - the program's id.
   * @param intern - the store's table of words: one string kept for all the rows that carry it.
   */
  constructor(
    readonly program: string,
    private readonly intern: <Word extends string>(word: Word) => Word,
  ) {}

  /** The customer's earlier rows under each identity. */
  customerRowsOf(event: ReferralEvent): CustomerLookup {
    const customer = event.type === 'redemption' ? event.customer : undefined;
    return {
      byId: customer?.id === undefined ? undefined : this.byCustomerId.get(customer.id),
      byEmail: customer?.emailHash === undefined ? undefined : this.byEmailHash.get(customer.emailHash),
    };
  }

  /** What the rules and rewards read before `event` is recorded. */
  history(
    event: ReferralEvent,
    recordedAt: Date,
    { byId, byEmail }: CustomerLookup,
    personCodes: () => readonly string[],
  ): LedgerHistory {
    let customerOrders = NO_ORDERS;
    if (byId !== undefined || byEmail !== undefined) {
      const seen = new Set<number>();
      for (const row of rowsOf(byId)) if (!this.reversedAt.has(row)) seen.add(row);
      for (const row of rowsOf(byEmail)) if (!this.reversedAt.has(row)) seen.add(row);
      // Oldest first; orders of one time in the order they were recorded (row numbers), as the SQL
      // store's `seq` has them: the earliest says who brought the customer.
      customerOrders = [...seen]
        .sort((a, b) => compareText(this.occurredAt[a] as string, this.occurredAt[b] as string) || a - b)
        .map((row) => ({
          code: this.codes[row] as string,
          occurredAt: this.occurredAt[row] as string,
          repeat: this.repeats[row] as boolean,
        }));
    }
    // The same code as the redemption's: a reversal cannot reach into another ambassador's ledger.
    const original = event.type === 'reversal' ? this.redemptions.get(event.orderId) : undefined;
    const redemption =
      original !== undefined && this.codes[original] === event.code
        ? {
            rewards: this.rewardsOf(original),
            reversedAt: this.reversedAt.get(original) ?? null,
            occurredAt: this.occurredAt[original] as string,
          }
        : null;
    return new MemoryHistory(this, event.code, personCodes, recordedAt, customerOrders, redemption);
  }

  /** Records an event decided `ok`, and returns its row number. */
  record(
    event: ReferralEvent,
    decision: Extract<Decision, { ok: true }>,
    recordedAt: Date,
    found: CustomerLookup,
  ): number {
    const row = this.size++;
    const { intern } = this;
    const redemption = event.type === 'redemption' ? event : null;
    this.ids.push(event.id);
    this.types.push(intern(event.type));
    this.codes.push(intern(event.code));
    const channel = eventChannel(event);
    this.channels.push(channel === null ? null : intern(channel));
    this.occurredAt.push(canonicalTime(event.occurredAt));
    this.recordedAt.push(recordedAt.getTime());
    this.orderIds.push(event.type === 'redemption' || event.type === 'reversal' ? event.orderId : null);
    this.totals.push(redemption?.order.total ?? 0);
    this.discounts.push(redemption?.order.discount ?? 0);
    this.customerIds.push(redemption?.customer?.id ?? null);
    this.emailHashes.push(redemption?.customer?.emailHash ?? null);
    this.repeats.push(decision.repeat ?? false);
    this.retentions.push(decision.retention ?? false);
    const earliest = Math.min(firstRow(found.byId), firstRow(found.byEmail));
    this.customerRoots.push(earliest === Infinity ? row : (this.customerRoots[earliest] as number));
    this.keepRewards(row, decision.rewards);
    if (redemption) {
      this.redemptions.set(redemption.orderId, row);
      if (this.currency === null && decision.rewards) this.currency = intern(decision.rewards.friend.currency);
      if (!decision.repeat) {
        this.firstOrders.set(redemption.code, (this.firstOrders.get(redemption.code) ?? 0) + 1);
        if (this.rewardKinds[row] === BOTH_SIDES) {
          const confirmations = this.confirmations.get(redemption.code) ?? new Confirmations();
          this.confirmations.set(redemption.code, confirmations);
          confirmations.add(this.grantConfirmsAt[row] as string);
        }
      }
      const customer = redemption.customer;
      if (customer?.id !== undefined) addRow(this.byCustomerId, customer.id, found.byId, row);
      if (customer?.emailHash !== undefined) addRow(this.byEmailHash, customer.emailHash, found.byEmail, row);
    } else if (event.type === 'reversal') {
      const original = this.redemptions.get(event.orderId);
      if (original !== undefined && !this.reversedAt.has(original)) {
        this.reversedAt.set(original, recordedAt.toISOString());
        const code = this.codes[original] as string;
        if (!this.repeats[original]) this.firstOrders.set(code, (this.firstOrders.get(code) ?? 1) - 1);
        if (!this.repeats[original] && this.rewardKinds[original] === BOTH_SIDES)
          this.confirmations
            .get(code)
            ?.reverse(this.grantConfirmsAt[original] as string, this.reversedAt.get(original) as string);
        if (!this.repeats[original]) this.reverseRetention(original);
      }
    }
    return row;
  }

  /**
   * Takes back, with a customer's first order (`first`, just reversed), the retention rewards of their
   * orders with its code: the leader was paid for them as for a member that order made, and without it the
   * customer is no one's. Pending or confirmed alike, as the first order's own reward; the orders stand, and
   * so does an ordinary reward paid beside one (`grantsOfRow` reads which grant the time is for).
   * The customer's orders are those the rules matched with it, by id or by email hash.
   */
  private reverseRetention(first: number) {
    const at = this.reversedAt.get(first) as string;
    const id = this.customerIds[first] ?? null;
    const email = this.emailHashes[first] ?? null;
    const rows = [
      ...rowsOf(id === null ? undefined : this.byCustomerId.get(id)),
      ...rowsOf(email === null ? undefined : this.byEmailHash.get(email)),
    ];
    for (const row of rows)
      if (
        this.retentions[row] &&
        this.codes[row] === this.codes[first] &&
        !this.reversedAt.has(row) &&
        !this.grantReversedAt.has(row)
      )
        this.grantReversedAt.set(row, at);
  }

  /**
   * Replaces a customer's identities with their pseudonyms, on the rows reached from `ids` and `emails` and
   * on every row linked to those by id or email hash, as the rules link a customer's orders. Each identity
   * gets its own pseudonym, in the row columns and the indexes alike, so the erased rows stay linked to each
   * other as before (a reversal of the first order still finds its retention rewards) and to no one else.
   * Returns the rows changed, in the order recorded.
   */
  erase(ids: readonly string[], emails: readonly string[], pseudonyms: Pseudonyms): number[] {
    const reached = { ids: new Set(ids), emails: new Set(emails) };
    const rows = new Set<number>();
    const pending = [...rowsOfAll(this.byCustomerId, ids), ...rowsOfAll(this.byEmailHash, emails)];
    while (pending.length > 0) {
      const row = pending.pop() as number;
      if (rows.has(row)) continue;
      rows.add(row);
      const id = this.customerIds[row] ?? null;
      const email = this.emailHashes[row] ?? null;
      if (id !== null && !reached.ids.has(id)) {
        reached.ids.add(id);
        pending.push(...rowsOf(this.byCustomerId.get(id)));
      }
      if (email !== null && !reached.emails.has(email)) {
        reached.emails.add(email);
        pending.push(...rowsOf(this.byEmailHash.get(email)));
      }
    }
    rekey(this.byCustomerId, this.customerIds, reached.ids, pseudonyms);
    rekey(this.byEmailHash, this.emailHashes, reached.emails, pseudonyms);
    return [...rows].sort((a, b) => a - b);
  }

  /** The order id of a row, `null` for a landing or a share. */
  orderIdOf(row: number): string | null {
    return this.orderIds[row] ?? null;
  }

  /** First-order redemptions of a code, not reversed, whose ambassador reward was confirmed by `at`. */
  confirmedFirstOrders(code: string, at: Date): number {
    return this.confirmations.get(code)?.confirmedAt(at.toISOString()) ?? 0;
  }

  /** The rewards first answered for a row, as a fresh object. */
  rewardsOf(row: number): RedemptionRewards | null {
    const kind = this.rewardKinds[row];
    if (kind === NO_REWARDS) return null;
    return answerRewards(
      { discount: this.friendDiscounts[row] as number, currency: this.friendCurrencies[row] as Currency },
      kind === FRIEND_ONLY
        ? null
        : {
            amount: this.grantAmounts[row] as number,
            type: this.grantTypes[row] as AmbassadorGrant['type'],
            currency: this.grantCurrencies[row] as Currency,
            status: this.grantStatuses[row] as AmbassadorGrant['status'],
            confirmsAt: this.grantConfirmsAt[row] as string,
            reason: this.grantReasons[row] as AmbassadorGrant['reason'],
          },
      this.retentionGrants.get(row),
    );
  }

  /** Every row as the flat ledger row all stores share, for stats. */
  rows(): LedgerRow[] {
    const rows: LedgerRow[] = [];
    for (let row = 0; row < this.size; row++) {
      const root = this.customerRoots[row] as number;
      const id = this.customerIds[root] ?? null;
      const emailHash = this.emailHashes[root] ?? null;
      rows.push({
        id: this.ids[row] as string,
        type: this.types[row] as ReferralEvent['type'],
        program: this.program,
        code: this.codes[row] as string,
        channel: this.channels[row] ?? null,
        occurredAt: this.occurredAt[row] as string,
        recordedAt: new Date(this.recordedAt[row] as number).toISOString(),
        orderId: this.orderIds[row] ?? null,
        total: this.totals[row] as number,
        discount: this.discounts[row] as number,
        // The identity customerKeys puts first, of the customer's earliest row.
        customer: id !== null ? customerKey('id', id) : emailHash !== null ? customerKey('email', emailHash) : null,
        repeat: this.repeats[row] as boolean,
        retention: this.retentions[row] as boolean,
        rewards: this.rewardsOf(row),
        reversedAt: this.reversedAt.get(row) ?? null,
        grantReversedAt: this.grantReversedAt.get(row) ?? null,
      });
    }
    return rows;
  }

  private keepRewards(row: number, rewards: RedemptionRewards | null) {
    const { intern } = this;
    const grant = rewards?.ambassador;
    if (rewards?.retention) this.retentionGrants.set(row, rewards.retention);
    // Every column gets a slot for every row (a placeholder of its kind when there is nothing), so
    // the arrays stay packed and row numbers line up.
    this.rewardKinds.push(rewards ? (grant ? BOTH_SIDES : FRIEND_ONLY) : NO_REWARDS);
    this.friendDiscounts.push(rewards?.friend.discount ?? 0);
    this.friendCurrencies.push(rewards ? intern(rewards.friend.currency) : NONE);
    this.grantAmounts.push(grant?.amount ?? 0);
    this.grantTypes.push(grant ? intern(grant.type) : NONE);
    this.grantCurrencies.push(grant ? intern(grant.currency) : NONE);
    this.grantStatuses.push(grant ? intern(grant.status) : NONE);
    this.grantConfirmsAt.push(grant?.confirmsAt ?? NONE);
    this.grantReasons.push(grant ? intern(grant.reason) : NONE);
  }
}

/**
 * A ledger's history of one event. A class rather than an object literal with a getter: the literal
 * made a closure and an accessor for every event (~700 B of garbage each), the class's getter is on
 * its prototype.
 */
class MemoryHistory implements LedgerHistory {
  readonly redemptions: number;
  readonly currency: string | null;

  constructor(
    private readonly ledger: MemoryLedger,
    code: string,
    private readonly personCodes: () => readonly string[],
    readonly recordedAt: Date,
    readonly customerOrders: LedgerHistory['customerOrders'],
    readonly redemption: LedgerHistory['redemption'],
  ) {
    this.redemptions = ledger.firstOrders.get(code) ?? 0;
    this.currency = ledger.currency;
  }

  /** Counted only when read: a redemption with a reward, or a program that promotes, asks. */
  get confirmedRedemptions(): number {
    let confirmed = 0;
    for (const code of this.personCodes()) confirmed += this.ledger.confirmedFirstOrders(code, this.recordedAt);
    return confirmed;
  }
}

/** Files a row under a customer identity whose rows (`rows`, looked up already) it joins. */
function addRow(index: Map<string, CustomerRows>, key: string, rows: CustomerRows | undefined, row: number) {
  if (rows === undefined) index.set(key, row);
  else if (typeof rows === 'number') index.set(key, [rows, row]);
  else rows.push(row);
}

/** The earliest of a customer identity's rows (they are kept in the order recorded); Infinity for none. */
function firstRow(rows: CustomerRows | undefined): number {
  return rows === undefined ? Infinity : typeof rows === 'number' ? rows : (rows[0] as number);
}

/** The rows of every identity in `keys`. */
function rowsOfAll(index: Map<string, CustomerRows>, keys: readonly string[]): number[] {
  return keys.flatMap((key) => rowsOf(index.get(key)));
}

/** Files the rows of each identity in `values` under its pseudonym, in the index and the row column. */
function rekey(
  index: Map<string, CustomerRows>,
  column: (string | null)[],
  values: Set<string>,
  pseudonyms: Pseudonyms,
) {
  for (const value of values) {
    const rows = index.get(value);
    if (rows === undefined) continue;
    const taken = pseudonyms.get(value) as string;
    index.delete(value);
    index.set(taken, rows);
    for (const row of rowsOf(rows)) column[row] = taken;
  }
}

function rowsOf(rows: CustomerRows | undefined): readonly number[] {
  return rows === undefined ? [] : typeof rows === 'number' ? [rows] : rows;
}

/** Compares texts by code unit, as SQL's `COLLATE "C"` orders them. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
