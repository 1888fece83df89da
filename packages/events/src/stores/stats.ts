/**
 * Program figures, shared by every store so that memory, PGlite and PostgreSQL answer alike: a
 * store sums its ledger into {@link LedgerTotals} (in JS, or in SQL with GROUP BY so that a big
 * ledger never leaves the database row by row), and `assembleStats` derives the figures.
 * Periods and days are in UTC; contribution weeks start on Monday.
 * Over 300 lines: half of it is the figures' public types, each with the definition a brand reads it by.
 */
import type { Ambassador } from '../ambassador.js';
import type { Currency } from '../currency.js';
import type { AudienceTier, Role } from '../primitives.js';
import type { AmbassadorReward, Program } from '../program.js';
import { type Terms, termsFor } from '../rewards.js';
import { parseTime } from '../time.js';
import { earlier, nextPeriodStart, periodStartOf, periodsBetween, statsWindow } from './stats-window.js';
import { storedCode } from './store.js';

/** Which figures to compute. */
export interface StatsQuery {
  /** The program, or its id when it was registered with `upsertProgram` or `upsertAmbassador`. */
  program: Program | string;
  /** Only this ambassador. */
  code?: string | undefined;
  /**
   * Start of the period (inclusive): a Date, a date (`2026-11-01`, from 00:00 UTC), or an ISO time
   * with `Z` or an offset. @default 00:00 UTC of the 30th day up to `to`'s (the 30 UTC days ending with `to`'s day)
   */
  from?: Date | string | undefined;
  /** End of the period (inclusive): as `from`; a date alone runs to the end of that UTC day. @default now */
  to?: Date | string | undefined;
  /**
   * The moment the ledger is read at: reward holds, reversals, the promotion, contribution periods, and
   * which events it held (one recorded after `now` is left out). @default new Date()
   */
  now?: Date | undefined;
}

/**
 * The figures every ambassador and role is measured by. Money in minor units; points are not money,
 * so a points grant is counted in `rewardPoints`, never in `rewardCost` or the ROI.
 */
export interface Figures {
  landings: number;
  shares: { total: number; byChannel: Record<string, number> };
  /** Redemptions not reversed by `now`, repeat orders included. */
  redemptions: number;
  /** Redemptions not reversed by `now` that were the customer's first order: the friends who joined. */
  firstOrders: number;
  /**
   * First-order redemptions per reported landing, from 0 to 1. `null` when there is no honest rate: no
   * landing reported, or more friends joined than landings were reported (a typed code, consent pending,
   * a checkout that read a server cookie), where the rate would count orders that had no landing. A
   * role's rate is of its ambassadors that have one: their first orders per their landings.
   */
  conversionRate: number | null;
  revenue: number;
  friendDiscounts: number;
  /** Credit and cash granted to ambassadors, not reversed by `now`. */
  rewardCost: number;
  /** Points granted to ambassadors, not reversed by `now`. */
  rewardPoints: number;
  /**
   * What the program returned per unit it cost: (revenue − reward cost) / (friend discounts + reward cost).
   * Revenue is the orders' totals, already net of the friend discounts, so the discounts are a cost
   * once (in the divisor), not deducted a second time. `null`: no money cost (no discounts and no
   * credit or cash, as with free shipping and points), so no return per unit of it.
   */
  roi: number | null;
  /**
   * Share of referred customers who ordered again with the same code: of the customers a code brought
   * (their earliest order, by time, was with it) who ordered with it in the period, those with a
   * repeat order too. `null`: no such customer in the period, so no rate.
   */
  repeatOrderRate: number | null;
  /**
   * Grants by status, per unit: `credit` and `cash` in minor units, `points` in points, each present when
   * any of its figures is not 0. Units are never added together, whatever the reward type is now: store
   * credit a brand owes is not cash it pays out, and an earlier role, tier or campaign may have paid in another.
   */
  rewards: Partial<Record<RewardUnit, GrantTotals>>;
}

/** What a reward is paid in: credit and cash are money in minor units, points are points. */
export type RewardUnit = AmbassadorReward['type'];

/** Every reward unit, in the order the figures list them. */
export const REWARD_UNITS: readonly RewardUnit[] = ['credit', 'cash', 'points'];

/** One ambassador's figures, with their current role and contribution target. */
export interface AmbassadorStats extends Figures {
  code: string;
  displayName: string;
  role: Role;
  audienceTier?: AudienceTier;
  promoted: boolean;
  /**
   * The contribution target, the person's: shares with every code of theirs count, so each of their codes'
   * rows has the same target. `done`, `reached`, `periodStart` and `ended` are the period containing `to`,
   * or `now` when `to` is later (a period not yet begun has no shares to count), and `periods` each
   * period from the one containing `from` (or, when later, the one the ambassador joined in) to that
   * one, oldest first, so that a week missed shows as missed, none before they joined does, and none
   * after `now` does either. With a campaign (see `Terms.campaign`), only the periods that overlap it are
   * theirs: `done` to `ended` are then those of the last one. Each period's shares are counted whole,
   * from its start to its end (or `now`), whatever `from` and `to` cut. None for an ambassador with no
   * period of their own in the query's: one who joined after them, or whose campaign is wholly outside them.
   */
  target?: {
    shares: number;
    per: 'week' | 'month';
    done: number;
    reached: boolean;
    periodStart: string;
    ended: boolean;
    periods: TargetPeriod[];
  };
}

/** One contribution period: its shares (counted from its start, even before the query's `from`) against the target. */
export interface TargetPeriod {
  periodStart: string;
  done: number;
  reached: boolean;
  /** False while the period is still running at `now`: not reached yet is not missed. */
  ended: boolean;
}

/** The figures summed over the ambassadors of one role. */
export interface RoleStats extends Figures {
  role: Role;
  /** The people in the role: a person with several codes is one, however many rows their codes have. */
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

/** What a query covers: its window, and each ambassador with the terms the ledger gives them now. */
export interface StatsPlan {
  program: Program;
  from: Date;
  to: Date;
  now: Date;
  /** The start of the contribution period containing `to` (or `now`, when earlier), when the program sets a target. */
  periodStart: Date | null;
  /** The starts of every contribution period from `from`'s to `periodStart`; none without a target. */
  periods: Date[];
  /** The end of the last of `periods`: each is counted whole, even past `to`. */
  periodsEnd: Date | null;
  /** The earliest moment a row can count: `from`, or the contribution period's start if earlier. */
  since: Date;
  members: { ambassador: Ambassador; terms: Terms }[];
  /**
   * Every code of each member's person (by ambassador id), listed or not: a person's contribution
   * target counts the shares of all their codes, as their standing counts the first orders of all.
   */
  codesOf: ReadonlyMap<string, readonly string[]>;
}

/** One unit's grant amounts by their status at the figures' `now`: still held, past the hold, or clawed back. */
export interface GrantTotals {
  pending: number;
  confirmed: number;
  /** Every grant clawed back by `now`: cancelled within its hold, or owed back after it. */
  reversed: number;
  /**
   * Of `reversed`, the grants clawed back at or after they confirmed (at the end of their hold, a retention
   * reward by its own): the ledger has no paid state, so each may have been paid out, and the ambassador
   * owes it back, for the brand to deduct from what it pays them next. A grant cancelled within its hold is not.
   */
  owedBack: number;
}

/** The figures of {@link GrantTotals}, each summed alike. */
const GRANT_FIGURES = ['pending', 'confirmed', 'reversed', 'owedBack'] as const;

/** One code's sums over the period, before any rate is derived. Money in minor units. */
export interface CodeTotals {
  landings: number;
  shares: number;
  sharesByChannel: Record<string, number>;
  /** Shares per contribution period (by its start, as an ISO time), each whole: from the first one's start to the last one's end. */
  sharesByPeriod: Record<string, number>;
  /** Redemptions not reversed by `now`, repeat orders included. */
  redemptions: number;
  firstOrders: number;
  revenue: number;
  friendDiscounts: number;
  /** Money (credit and cash) granted, not reversed by `now`. */
  rewardCost: number;
  /** Points granted, not reversed by `now`. */
  rewardPoints: number;
  /** Grant amounts per unit by their status at `now`, reversed ones included. */
  grants: Record<RewardUnit, GrantTotals>;
  /**
   * Distinct customers the code brought who ordered with it in the period (an order without a customer
   * counts as its own), and those of them who ordered with it again.
   */
  customers: number;
  repeaters: number;
}

/** What a store sums from its ledger for a {@link StatsPlan}, over the plan's members only. */
export interface LedgerTotals {
  /**
   * Per code of the plan's members, and of the other codes of their people (`codesOf`), whose shares
   * per period are all that is read of them.
   */
  codes: ReadonlyMap<string, CodeTotals>;
  /** Distinct customers per role: one that two ambassadors of a role share counts once for it. */
  roles: ReadonlyMap<Role, { customers: number; repeaters: number }>;
  /** Landings and redemptions not reversed by `now`, per UTC day (`YYYY-MM-DD`). */
  days: ReadonlyMap<string, { landings: number; redemptions: number }>;
}

/**
 * Plans a query: the window, and the ambassadors it covers with their terms. `ambassadors` holds at
 * least every code of the people asked for (with `code`, the other codes of its person too). `confirmed`
 * counts, by ambassador id, the first-order redemptions of all of a person's codes confirmed and not
 * reversed at the query's `now`, all time (the promotion reads it).
 */
export function planStats(
  program: Program,
  ambassadors: readonly Ambassador[],
  confirmed: ReadonlyMap<string, number>,
  query: StatsQuery,
): StatsPlan {
  const { from, to, now, periodStart } = statsWindow(program, query);
  const per = program.contributionTarget?.per;
  // Periods end at `now`: one not yet begun is neither reached nor missed. A query wholly after `now`
  // gets the period running at `now`.
  const periods = per && periodStart ? periodsBetween(earlier(from, periodStart), periodStart, per) : [];
  // A period is counted whole: the first one may start before `from`.
  const since = periods[0] ?? from;
  const only = query.code === undefined ? undefined : storedCode(query.code);
  const members = ambassadors
    .filter((ambassador) => only === undefined || ambassador.code === only)
    .map((ambassador) => ({
      ambassador,
      // Only the promotion reads a count here, and it counts the confirmed ones.
      terms: termsFor(program, ambassador, {
        redemptions: confirmed.get(ambassador.id) ?? 0,
        confirmedRedemptions: confirmed.get(ambassador.id) ?? 0,
      }),
    }));
  const people = new Set(members.map(({ ambassador }) => ambassador.id));
  const codesOf = new Map<string, string[]>();
  for (const { id, code } of ambassadors) if (people.has(id)) codesOf.set(id, [...(codesOf.get(id) ?? []), code]);
  const last = periods.at(-1);
  const periodsEnd = per && last ? nextPeriodStart(last, per) : null;
  return { program, from, to, now, periodStart, periods, periodsEnd, since, members, codesOf };
}

/** Totals of a code without a row. */
export function emptyCodeTotals(): CodeTotals {
  return {
    landings: 0,
    shares: 0,
    sharesByChannel: {},
    sharesByPeriod: {},
    redemptions: 0,
    firstOrders: 0,
    revenue: 0,
    friendDiscounts: 0,
    rewardCost: 0,
    rewardPoints: 0,
    grants: {
      credit: { pending: 0, confirmed: 0, reversed: 0, owedBack: 0 },
      cash: { pending: 0, confirmed: 0, reversed: 0, owedBack: 0 },
      points: { pending: 0, confirmed: 0, reversed: 0, owedBack: 0 },
    },
    customers: 0,
    repeaters: 0,
  };
}

/** Derives a program's figures from the totals a store summed for the plan. */
export function assembleStats(plan: StatsPlan, totals: LedgerTotals): ProgramStats {
  const { program, from, to, now, periodStart } = plan;
  const ambassadors: AmbassadorStats[] = [];
  const roles = new Map<Role, { sum: CodeTotals; people: Set<string>; converted: Conversion }>();
  for (const { ambassador, terms } of plan.members) {
    const code = totals.codes.get(ambassador.code) ?? emptyCodeTotals();
    const stats: AmbassadorStats = {
      code: ambassador.code,
      displayName: ambassador.displayName,
      role: terms.role,
      ...(ambassador.audienceTier ? { audienceTier: ambassador.audienceTier } : {}),
      promoted: terms.promoted,
      ...figures(code),
    };
    const target = program.contributionTarget;
    if (target && periodStart) {
      // The person's target: a share with another code of theirs is theirs too, or one who shared with
      // each of two codes in a week would miss it twice, and an old code's row miss it every week.
      const codes = plan.codesOf.get(ambassador.id) ?? [ambassador.code];
      const period = (start: Date): TargetPeriod => {
        const key = start.toISOString();
        const done = codes.reduce((sum, one) => sum + (totals.codes.get(one)?.sharesByPeriod[key] ?? 0), 0);
        return {
          periodStart: start.toISOString(),
          done,
          reached: done >= target.shares,
          ended: nextPeriodStart(start, target.per) <= now,
        };
      };
      // No one misses a target before they joined, nor outside their campaign (a code is bound to its
      // dates): their periods start with the one they joined in, and are those that overlap the
      // campaign. One with no such period in the query's had no target then.
      const joined = periodStartOf(new Date(ambassador.joinedAt), target.per).getTime();
      const periods = plan.periods
        .filter((start) => start.getTime() >= joined && overlaps(start, target.per, terms.campaign))
        .map(period);
      if (periods.length)
        stats.target = { shares: target.shares, per: target.per, ...(periods.at(-1) as TargetPeriod), periods };
    }
    ambassadors.push(stats);
    const role = roles.get(terms.role) ?? {
      sum: emptyCodeTotals(),
      people: new Set(),
      converted: { landings: 0, firstOrders: 0 },
    };
    add(role.sum, code);
    // Only an ambassador with a rate: another's friends who joined without a reported landing would be
    // counted against this one's landings.
    if (stats.conversionRate !== null) {
      role.converted.landings += code.landings;
      role.converted.firstOrders += code.firstOrders;
    }
    role.people.add(ambassador.id);
    roles.set(terms.role, role);
  }
  const series: ProgramStats['series'] = [];
  for (
    let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    day <= to.getTime();
    day += DAY_MS
  ) {
    const date = new Date(day).toISOString().slice(0, 10);
    const counts = totals.days.get(date);
    series.push({ date, landings: counts?.landings ?? 0, redemptions: counts?.redemptions ?? 0 });
  }
  return {
    program: program.id,
    currency: program.currency,
    from: from.toISOString(),
    to: to.toISOString(),
    ambassadors,
    roles: [...roles].map(([role, { sum, people, converted }]) => {
      // Customers are counted distinct across the role's ambassadors, not summed.
      const distinct = totals.roles.get(role) ?? { customers: 0, repeaters: 0 };
      return {
        role,
        ambassadors: people.size,
        ...figures({ ...sum, ...distinct }),
        conversionRate: conversionRate(converted),
      };
    }),
    series,
  };
}

/** Whether the period starting at `start` shares a moment with the campaign `[startsAt, endsAt)`; an open end is unbounded. */
function overlaps(start: Date, per: 'week' | 'month', campaign: Terms['campaign']): boolean {
  if (campaign?.endsAt !== undefined && start.getTime() >= parseTime(campaign.endsAt)) return false;
  if (campaign?.startsAt !== undefined && nextPeriodStart(start, per).getTime() <= parseTime(campaign.startsAt))
    return false;
  return true;
}

function add(into: CodeTotals, from: CodeTotals) {
  for (const key of [
    'landings',
    'shares',
    'redemptions',
    'firstOrders',
    'revenue',
    'friendDiscounts',
    'rewardCost',
    'rewardPoints',
  ] as const)
    into[key] += from[key];
  for (const [channel, count] of Object.entries(from.sharesByChannel))
    into.sharesByChannel[channel] = (into.sharesByChannel[channel] ?? 0) + count;
  for (const unit of REWARD_UNITS) for (const key of GRANT_FIGURES) into.grants[unit][key] += from.grants[unit][key];
}

/** Landings and the first orders counted against them. */
interface Conversion {
  landings: number;
  firstOrders: number;
}

/**
 * First orders per landing, or `null`: without a landing there is nothing to divide by, and with more
 * first orders than landings some friends joined without one reported, so any figure (over 100%, or
 * 100% for a guess at which ones) would count orders no landing led to.
 */
function conversionRate({ landings, firstOrders }: Conversion): number | null {
  return landings > 0 && firstOrders <= landings ? firstOrders / landings : null;
}

function figures(totals: CodeTotals): Figures {
  const cost = totals.friendDiscounts + totals.rewardCost;
  return {
    landings: totals.landings,
    shares: { total: totals.shares, byChannel: { ...totals.sharesByChannel } },
    redemptions: totals.redemptions,
    firstOrders: totals.firstOrders,
    conversionRate: conversionRate(totals),
    revenue: totals.revenue,
    friendDiscounts: totals.friendDiscounts,
    rewardCost: totals.rewardCost,
    rewardPoints: totals.rewardPoints,
    // Nothing to divide by is no figure, as for the conversion rate: 0 would read as a return, or a
    // retention, of nothing.
    roi: cost > 0 ? (totals.revenue - totals.rewardCost) / cost : null,
    repeatOrderRate: totals.customers > 0 ? totals.repeaters / totals.customers : null,
    rewards: rewardsByUnit(totals.grants),
  };
}

/** The units with a grant in them, each apart: none is added to another, none left out. */
function rewardsByUnit(grants: CodeTotals['grants']): Figures['rewards'] {
  const rewards: Figures['rewards'] = {};
  for (const unit of REWARD_UNITS) {
    // `owedBack` is part of `reversed`: a unit with one has the other.
    const { pending, confirmed, reversed, owedBack } = grants[unit];
    if (pending || confirmed || reversed) rewards[unit] = { pending, confirmed, reversed, owedBack };
  }
  return rewards;
}
