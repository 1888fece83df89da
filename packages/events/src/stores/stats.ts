/**
 * Program figures from ledger rows, shared by every store so that memory, PGlite and PostgreSQL
 * answer alike. Periods and days are in UTC; contribution weeks start on Monday.
 */
import type { Ambassador } from '../ambassador.js';
import type { Currency } from '../currency.js';
import type { AudienceTier, Role } from '../primitives.js';
import type { AmbassadorReward, Program } from '../program.js';
import { grantStatusAt, termsFor } from '../rewards.js';
import type { LedgerRow } from './store.js';

/** Which figures to compute. */
export interface StatsQuery {
  /** The program, or its id when it was registered with `upsertProgram` or `upsertAmbassador`. */
  program: Program | string;
  /** Only this ambassador. */
  code?: string;
  /** Start of the period (inclusive). @default 30 days before `to` */
  from?: Date | string;
  /** End of the period (inclusive). @default now */
  to?: Date | string;
  /** The moment reward holds and contribution periods are read at. @default new Date() */
  now?: Date;
}

/** The figures every ambassador and role is measured by. Money in minor units. */
export interface Figures {
  landings: number;
  shares: { total: number; byChannel: Record<string, number> };
  redemptions: number;
  /** First-order redemptions per landing; can pass 1 when landings were not reported (no consent). */
  conversionRate: number;
  revenue: number;
  friendDiscounts: number;
  rewardCost: number;
  /** (revenue − friend discounts − reward cost) / (friend discounts + reward cost); 0 without cost. */
  roi: number;
  /** Share of referred customers who ordered again with the same code. */
  repeatOrderRate: number;
  rewards: { type: AmbassadorReward['type']; pending: number; confirmed: number; reversed: number };
}

/** One ambassador's figures, with their current role and contribution target. */
export interface AmbassadorStats extends Figures {
  code: string;
  displayName: string;
  role: Role;
  audienceTier?: AudienceTier;
  promoted: boolean;
  target?: { shares: number; per: 'week' | 'month'; done: number; reached: boolean; periodStart: string };
}

/** The figures summed over the ambassadors of one role. */
export interface RoleStats extends Figures {
  role: Role;
  ambassadors: number;
}

/** A program's figures over a period. */
export interface ProgramStats {
  program: string;
  currency: Currency;
  from: string;
  to: string;
  ambassadors: AmbassadorStats[];
  roles: RoleStats[];
  series: { date: string; landings: number; redemptions: number }[];
}

const DAY_MS = 86_400_000;

/** The period a query covers, and the start of the contribution period containing its end. */
export function statsWindow(
  program: Program,
  query: StatsQuery,
): { from: Date; to: Date; now: Date; periodStart: Date | null } {
  const now = query.now ?? new Date();
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  const per = program.contributionTarget?.per;
  return { from, to, now, periodStart: per ? periodStartOf(to, per) : null };
}

/** Monday 00:00 UTC of the week, or the 1st 00:00 UTC of the month, containing a moment. */
export function periodStartOf(at: Date, per: 'week' | 'month'): Date {
  if (per === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const day = (at.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day));
}

interface Tally extends Figures {
  firstOrders: number;
  customers: Set<string>;
  repeaters: Set<string>;
}

/**
 * Computes a program's figures. `rows` are the program's rows from `min(from, periodStart)` to `to`;
 * `firstOrders` counts every code's first-order redemptions not reversed, all time (for promotion).
 */
export function computeStats(
  program: Program,
  ambassadors: readonly Ambassador[],
  rows: readonly LedgerRow[],
  firstOrders: ReadonlyMap<string, number>,
  query: StatsQuery,
): ProgramStats {
  const { from, to, now, periodStart } = statsWindow(program, query);
  const byCode = new Map<string, { ambassador: Ambassador; tally: Tally; done: number }>();
  for (const ambassador of ambassadors) {
    if (query.code && ambassador.code !== query.code) continue;
    const terms = termsFor(program, ambassador, { redemptions: firstOrders.get(ambassador.code) ?? 0 });
    byCode.set(ambassador.code, { ambassador, tally: emptyTally(terms.reward.type), done: 0 });
  }
  const series = new Map<string, { date: string; landings: number; redemptions: number }>();
  for (
    let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    day <= to.getTime();
    day += DAY_MS
  ) {
    const date = new Date(day).toISOString().slice(0, 10);
    series.set(date, { date, landings: 0, redemptions: 0 });
  }
  const fromMs = from.getTime();
  const toMs = to.getTime();
  for (const row of rows) {
    const entry = byCode.get(row.code);
    if (!entry) continue;
    const at = Date.parse(row.occurredAt);
    if (row.type === 'share' && periodStart && at >= periodStart.getTime() && at <= toMs) entry.done++;
    if (at < fromMs || at > toMs) continue;
    add(entry.tally, row, now);
    const day = series.get(row.occurredAt.slice(0, 10));
    if (day && row.type === 'landing') day.landings++;
    if (day && row.type === 'redemption' && !row.reversedAt) day.redemptions++;
  }
  const ambassadorStats: AmbassadorStats[] = [];
  const roles = new Map<Role, { tally: Tally; ambassadors: number }>();
  for (const { ambassador, tally, done } of byCode.values()) {
    const terms = termsFor(program, ambassador, { redemptions: firstOrders.get(ambassador.code) ?? 0 });
    const stats: AmbassadorStats = {
      code: ambassador.code,
      displayName: ambassador.displayName,
      role: terms.role,
      ...(ambassador.audienceTier ? { audienceTier: ambassador.audienceTier } : {}),
      promoted: terms.promoted,
      ...figures(tally),
    };
    const target = program.contributionTarget;
    if (target && periodStart) {
      stats.target = {
        shares: target.shares,
        per: target.per,
        done,
        reached: done >= target.shares,
        periodStart: periodStart.toISOString(),
      };
    }
    ambassadorStats.push(stats);
    const role = roles.get(terms.role) ?? { tally: emptyTally(terms.reward.type), ambassadors: 0 };
    merge(role.tally, tally);
    role.ambassadors++;
    roles.set(terms.role, role);
  }
  return {
    program: program.id,
    currency: program.currency,
    from: from.toISOString(),
    to: to.toISOString(),
    ambassadors: ambassadorStats,
    roles: [...roles].map(([role, { tally, ambassadors }]) => ({ role, ambassadors, ...figures(tally) })),
    series: [...series.values()],
  };
}

function emptyTally(type: AmbassadorReward['type']): Tally {
  return {
    landings: 0,
    shares: { total: 0, byChannel: {} },
    redemptions: 0,
    conversionRate: 0,
    revenue: 0,
    friendDiscounts: 0,
    rewardCost: 0,
    roi: 0,
    repeatOrderRate: 0,
    rewards: { type, pending: 0, confirmed: 0, reversed: 0 },
    firstOrders: 0,
    customers: new Set(),
    repeaters: new Set(),
  };
}

function add(tally: Tally, row: LedgerRow, now: Date) {
  if (row.type === 'landing') tally.landings++;
  if (row.type === 'share') {
    tally.shares.total++;
    const channel = row.channel ?? 'other';
    tally.shares.byChannel[channel] = (tally.shares.byChannel[channel] ?? 0) + 1;
  }
  if (row.type !== 'redemption') return;
  const grant = row.rewards?.ambassador;
  if (grant) tally.rewards[grantStatusAt(grant, now, row.reversedAt)] += grant.amount;
  if (row.reversedAt) return;
  tally.redemptions++;
  if (!row.repeat) tally.firstOrders++;
  tally.revenue += row.total;
  tally.friendDiscounts += row.discount;
  tally.rewardCost += grant?.amount ?? 0;
  const customer = row.customer ?? `order:${row.orderId}`;
  tally.customers.add(customer);
  if (row.repeat) tally.repeaters.add(customer);
}

function merge(into: Tally, from: Tally) {
  for (const key of ['landings', 'redemptions', 'revenue', 'friendDiscounts', 'rewardCost', 'firstOrders'] as const)
    into[key] += from[key];
  into.shares.total += from.shares.total;
  for (const [channel, count] of Object.entries(from.shares.byChannel))
    into.shares.byChannel[channel] = (into.shares.byChannel[channel] ?? 0) + count;
  for (const key of ['pending', 'confirmed', 'reversed'] as const) into.rewards[key] += from.rewards[key];
  for (const customer of from.customers) into.customers.add(customer);
  for (const customer of from.repeaters) into.repeaters.add(customer);
}

function figures(tally: Tally): Figures {
  const cost = tally.friendDiscounts + tally.rewardCost;
  return {
    landings: tally.landings,
    shares: tally.shares,
    redemptions: tally.redemptions,
    conversionRate: tally.landings > 0 ? tally.firstOrders / tally.landings : 0,
    revenue: tally.revenue,
    friendDiscounts: tally.friendDiscounts,
    rewardCost: tally.rewardCost,
    roi: cost > 0 ? (tally.revenue - cost) / cost : 0,
    repeatOrderRate: tally.customers.size > 0 ? tally.repeaters.size / tally.customers.size : 0,
    rewards: tally.rewards,
  };
}
