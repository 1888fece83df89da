/** Summing ledger rows into stats totals in JS: the memory store's way (the SQL store sums in SQL). */
import type { Role } from '../primitives.js';
import { type AmbassadorGrant, grantStatusAt } from '../rewards.js';
import { parseTime } from '../time.js';
import { type CodeTotals, emptyCodeTotals, type LedgerTotals, type StatsPlan } from './stats.js';
import { periodStartOf } from './stats-window.js';
import { grantsOfRow, type LedgerRow } from './store.js';

interface Customers {
  customers: Set<string>;
  repeaters: Set<string>;
}

/** Sums the rows of a program (at least those from `plan.since` to `plan.to`) for the plan's members. */
export function ledgerTotals(plan: StatsPlan, rows: readonly LedgerRow[]): LedgerTotals {
  const roleOf = new Map<string, Role>(plan.members.map(({ ambassador, terms }) => [ambassador.code, terms.role]));
  // The people's other codes: only their shares per period are read, for each person's target.
  const ofPeople = new Set([...plan.codesOf.values()].flat());
  const codes = new Map<string, CodeTotals>();
  const byCode = new Map<string, Customers>();
  const byRole = new Map<Role, Customers>();
  const days = new Map<string, { landings: number; redemptions: number }>();
  const from = plan.from.getTime();
  const to = plan.to.getTime();
  const per = plan.program.contributionTarget?.per;
  const firstPeriod = plan.periods[0]?.getTime() ?? Number.POSITIVE_INFINITY;
  const periodsEnd = plan.periodsEnd?.getTime() ?? Number.NEGATIVE_INFINITY;
  const now = plan.now.getTime();
  const brought = broughtCustomers(rows, now);
  for (const row of rows) {
    const role = roleOf.get(row.code);
    // Stats read the ledger as it stood at `now`: a row recorded after it was not there yet.
    if (!(role || ofPeople.has(row.code)) || parseTime(row.recordedAt) > now) continue;
    const totals = codes.get(row.code) ?? emptyCodeTotals();
    codes.set(row.code, totals);
    const at = parseTime(row.occurredAt);
    if (per && row.type === 'share' && at >= firstPeriod && at < periodsEnd) {
      const period = periodStartOf(new Date(at), per).toISOString();
      totals.sharesByPeriod[period] = (totals.sharesByPeriod[period] ?? 0) + 1;
    }
    if (!role || at < from || at > to) continue;
    // Ledger times are canonical UTC ISO strings, so the first ten characters are the UTC day.
    const day = row.occurredAt.slice(0, 10);
    if (row.type === 'landing') {
      totals.landings++;
      dayOf(days, day).landings++;
    } else if (row.type === 'share') {
      totals.shares++;
      const channel = row.channel ?? 'other';
      totals.sharesByChannel[channel] = (totals.sharesByChannel[channel] ?? 0) + 1;
    } else if (row.type === 'redemption') {
      const grants = grantsOfRow(row).map(([grant, reversedAt]) => ({
        grant,
        reversedAt,
        status: grantStatusAt(grant, plan.now, reversedAt),
      }));
      for (const { grant, reversedAt, status } of grants) {
        totals.grants[grant.type][status] += grant.amount;
        if (status === 'reversed' && wasConfirmed(grant, reversedAt))
          totals.grants[grant.type].owedBack += grant.amount;
      }
      // Stats read the ledger as it stood at `now`: a reversal after it has not happened yet.
      if (row.reversedAt && parseTime(row.reversedAt) <= plan.now.getTime()) continue;
      dayOf(days, day).redemptions++;
      totals.redemptions++;
      if (!row.repeat) totals.firstOrders++;
      totals.revenue += row.total;
      totals.friendDiscounts += row.discount;
      // A retention reward taken back with its member's first order costs nothing; its order still counts.
      // Points are not money: they are summed apart from credit and cash.
      for (const { grant, status } of grants) {
        if (status === 'reversed') continue;
        if (grant.type === 'points') totals.rewardPoints += grant.amount;
        else totals.rewardCost += grant.amount;
      }
      const customer = customerOf(row);
      // The repeat-order rate is of the customers a code brought: one another code brought, ordering
      // with this one, is no customer of its for that rate. A repeat is an order after the one that
      // brought them, not the row's `repeat` flag: that also marks an order after a refunded one, with
      // another code, which leaves this code's customer one order.
      const first = brought.get(`${row.code} ${customer}`);
      if (!first) continue;
      for (const seen of [customersOf(byCode, row.code), customersOf(byRole, role)]) {
        seen.customers.add(customer);
        if (row !== first) seen.repeaters.add(customer);
      }
    }
  }
  for (const [code, seen] of byCode) Object.assign(codes.get(code) as CodeTotals, counts(seen));
  return { codes, roles: new Map([...byRole].map(([role, seen]) => [role, counts(seen)])), days };
}

/**
 * Whether a grant was confirmed when it was taken back (at `reversedAt`): its hold had ended, so it may
 * have been paid, and it is owed back. A reversal at the very moment the hold ends is one after it, as
 * `grantStatusAt` reads that moment as confirmed.
 */
function wasConfirmed(grant: AmbassadorGrant, reversedAt: string | null): boolean {
  return reversedAt !== null && parseTime(reversedAt) >= parseTime(grant.confirmsAt);
}

/** The identity a row's customer is counted under; an order without a customer is a customer of its own. */
function customerOf(row: LedgerRow): string {
  return row.customer ?? `order:${row.orderId}`;
}

/**
 * Who brought each customer, as `code customer`, to the order that did: their earliest redemption not
 * reversed at `now` (of one time, the first recorded), when the earliest of them counted as a first
 * order is with the same code, as `isRepeatOrderInWindow` reads it. By time, not by the order the events
 * arrived in. A customer none of whose standing orders was counted as a first order was brought by no
 * code: they ordered with the shop before the program, or the first order a link brought was refunded and
 * their orders since were repeat orders.
 */
function broughtCustomers(rows: readonly LedgerRow[], now: number): Map<string, LedgerRow> {
  const earliest = new Map<string, LedgerRow>();
  const joined = new Map<string, LedgerRow>();
  // Ledger times are canonical UTC ISO strings: they compare as text. Rows come in the order recorded.
  const keepEarliest = (into: Map<string, LedgerRow>, customer: string, row: LedgerRow) => {
    const kept = into.get(customer);
    if (!kept || row.occurredAt < kept.occurredAt) into.set(customer, row);
  };
  for (const row of rows) {
    if (row.type !== 'redemption' || parseTime(row.recordedAt) > now) continue;
    if (row.reversedAt && parseTime(row.reversedAt) <= now) continue;
    const customer = customerOf(row);
    keepEarliest(earliest, customer, row);
    if (!row.repeat) keepEarliest(joined, customer, row);
  }
  const brought = new Map<string, LedgerRow>();
  for (const [customer, row] of earliest)
    if (joined.get(customer)?.code === row.code) brought.set(`${row.code} ${customer}`, row);
  return brought;
}

function counts(seen: Customers): { customers: number; repeaters: number } {
  return { customers: seen.customers.size, repeaters: seen.repeaters.size };
}

function customersOf<K>(index: Map<K, Customers>, key: K): Customers {
  let seen = index.get(key);
  if (!seen) {
    seen = { customers: new Set(), repeaters: new Set() };
    index.set(key, seen);
  }
  return seen;
}

function dayOf(days: Map<string, { landings: number; redemptions: number }>, day: string) {
  let counts = days.get(day);
  if (!counts) {
    counts = { landings: 0, redemptions: 0 };
    days.set(day, counts);
  }
  return counts;
}
