/**
 * Summing the ledger for stats inside the database: GROUP BY per code, per role and per day, so
 * that stats over a big ledger read a few rows per ambassador instead of every event.
 * The same sums as `ledgerTotals` over rows; the shared store suite holds the two to that.
 */
import type { Role } from '../primitives.js';
import { CONFIRMS_AT, CUSTOMER } from './sql-schema.js';
import type { SqlQueryable } from './sql-store.js';
import {
  type CodeTotals,
  emptyCodeTotals,
  type GrantTotals,
  type LedgerTotals,
  REWARD_UNITS,
  type RewardUnit,
  type StatsPlan,
} from './stats.js';

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;

/**
 * A `WITH` list naming who brought each customer of the program (`$1`): the code of their earliest
 * redemption not reversed at `$6` (of one time, the first recorded), as `brought_code` and
 * `brought_customer`, and that redemption's `brought_seq`, one row a customer, for the customers of the
 * codes `$2`, when the earliest of those redemptions counted as a first order is with the same code (as
 * `isRepeatOrderInWindow` reads it). The repeat-order rate counts a code's orders of the customers it
 * brought, a later one being a repeat; one another code brought, ordering with this one, is neither. A
 * customer none of whose standing orders was counted as a first order has no row: they ordered with the
 * shop before the program, or the first order a link brought was refunded and every order since was a repeat.
 * The codes' customers are listed first and each is looked up by the ledger's customer index, so that one
 * ambassador's stats read their customers' rows, not the program's: filtering the program's redemptions
 * by customer read all of them, ~100 ms a call at 100,000 (the widget asks on every panel).
 */
const brought = (p: string) => `WITH theirs AS (
  SELECT DISTINCT ${CUSTOMER} AS who FROM ${p}ledger WHERE program = $1 AND code = ANY($2) AND type = 'redemption'
), standing AS (
  SELECT who, code, seq, occurred_at, repeat
  FROM theirs JOIN ${p}ledger ON program = $1 AND type = 'redemption' AND ${CUSTOMER} = who
  WHERE (reversed_at IS NULL OR reversed_at > $6) AND recorded_at <= $6
), earliest AS (
  SELECT DISTINCT ON (who) who, code, seq FROM standing ORDER BY who, occurred_at, seq
), joined AS (
  SELECT DISTINCT ON (who) who, code FROM standing WHERE NOT repeat ORDER BY who, occurred_at, seq
), brought AS (
  SELECT earliest.who AS brought_customer, earliest.code AS brought_code, earliest.seq AS brought_seq
  FROM earliest JOIN joined ON joined.who = earliest.who AND joined.code = earliest.code
)`;

/**
 * Joins `brought` to ledger rows whose code is the column `code`: `brought_customer` is null unless
 * that code brought the row's customer. A join, not a correlated EXISTS, which the planner ran once a
 * row (a ledger of 20,000 redemptions: ~8× slower stats, with PostgreSQL's JIT woken by its cost).
 */
const JOIN_BROUGHT = (code: string) => `LEFT JOIN brought ON brought_code = ${code} AND brought_customer = ${CUSTOMER}`;

/** The columns `counted_rows` gives one of a row's grants: its amount, unit, when it is taken back (null while it stands), and when it confirms. */
interface GrantColumns {
  amount: string;
  unit: string;
  takenAt: string;
  confirmsAt: string;
}

/** A row's grants: the ambassador's reward, and a leader's retention reward paid beside it (an offer for every order). */
const GRANTS: readonly GrantColumns[] = [
  { amount: 'amount', unit: 'reward_type', takenAt: 'grant_taken_at', confirmsAt: 'confirms_at' },
  {
    amount: 'retention_amount',
    unit: 'retention_type',
    takenAt: 'retention_taken_at',
    confirmsAt: 'retention_confirms_at',
  },
];

/** The sum of the rows' grants, of either kind, that meet `filter`. */
function sumOfGrants(filter: (grant: GrantColumns) => string): string {
  return GRANTS.map((grant) => `coalesce(sum(${grant.amount}) FILTER (WHERE ${filter(grant)}), 0)`).join(' + ');
}

/**
 * The sums of one unit's grants by their status at `$6`, reversed ones included: no unit is added to another.
 * A grant is reversed with its order, or alone (a retention reward whose member's first order was reversed);
 * owed back when that was at or after it confirmed, as `ledgerTotals` reads it.
 */
function grantSums(unit: RewardUnit): string {
  const only = (grant: GrantColumns) => `counted AND ${grant.unit} = '${unit}'`;
  const stands = (grant: GrantColumns) => standsAt(grant.takenAt);
  return [
    `${sumOfGrants((grant) => `${only(grant)} AND NOT ${stands(grant)}`)} AS ${unit}_reversed`,
    `${sumOfGrants((grant) => `${only(grant)} AND NOT ${stands(grant)} AND ${grant.takenAt} >= ${grant.confirmsAt}`)} AS ${unit}_owed_back`,
    `${sumOfGrants((grant) => `${only(grant)} AND ${stands(grant)} AND ${grant.confirmsAt} <= $6`)} AS ${unit}_confirmed`,
    `${sumOfGrants((grant) => `${only(grant)} AND ${stands(grant)} AND ${grant.confirmsAt} > $6`)} AS ${unit}_pending`,
  ].join(',\n       ');
}

/** Whether a grant taken back at `reversedAt` (an expression; null while it stands) still stands at `$6`. */
function standsAt(reversedAt: string): string {
  return `(${reversedAt} IS NULL OR ${reversedAt} > $6)`;
}

/**
 * When a row's grants are taken back: both with the order's reversal, and the retention reward alone with
 * that of its member's first order (`grant_reversed_at`), which is the row's one grant in a row without a
 * retention grant beside it (`grantsOfRow` reads them alike).
 */
const GRANT_REVERSED_AT = `CASE WHEN rewards -> 'retention' IS NULL THEN coalesce(grant_reversed_at, reversed_at) ELSE reversed_at END`;
const RETENTION_REVERSED_AT = `coalesce(grant_reversed_at, reversed_at)`;

/** Sums a program's ledger (tables prefixed `p`) for the plan's members. */
export async function sqlTotals(db: SqlQueryable, p: string, plan: StatsPlan): Promise<LedgerTotals> {
  const codes = plan.members.map(({ ambassador }) => ambassador.code);
  const roles = plan.members.map(({ terms }) => terms.role);
  const { program, from, to, now, since } = plan;
  const window = [program.id, codes, from.toISOString(), to.toISOString()];
  // One statement at a time: on a single connection they queue anyway.
  const perCode = await db.query(
    `${brought(p)}
     SELECT code,
       count(*) FILTER (WHERE counted AND type = 'landing') AS landings,
       count(*) FILTER (WHERE counted AND type = 'share') AS shares,
       count(*) FILTER (WHERE kept) AS redemptions,
       count(*) FILTER (WHERE kept AND NOT repeat) AS first_orders,
       coalesce(sum(total) FILTER (WHERE kept), 0) AS revenue,
       coalesce(sum(discount) FILTER (WHERE kept), 0) AS friend_discounts,
       ${sumOfGrants((grant) => `kept AND ${standsAt(grant.takenAt)} AND ${grant.unit} <> 'points'`)} AS reward_cost,
       ${sumOfGrants((grant) => `kept AND ${standsAt(grant.takenAt)} AND ${grant.unit} = 'points'`)} AS reward_points,
       ${REWARD_UNITS.map(grantSums).join(',\n       ')},
       count(DISTINCT customer) FILTER (WHERE kept AND brought) AS customers,
       count(DISTINCT customer) FILTER (WHERE kept AND brought AND again) AS repeaters
     FROM (
       SELECT code, type, repeat, total, discount, reversed_at, occurred_at,
         occurred_at >= $3 AS counted,
         type = 'redemption' AND occurred_at >= $3 AND (reversed_at IS NULL OR reversed_at > $6) AS kept,
         ${GRANT_REVERSED_AT} AS grant_taken_at,
         CASE WHEN type = 'redemption' THEN (rewards -> 'ambassador' ->> 'amount')::bigint END AS amount,
         CASE WHEN type = 'redemption' THEN ${CONFIRMS_AT}::timestamptz END AS confirms_at,
         rewards -> 'ambassador' ->> 'type' AS reward_type,
         ${RETENTION_REVERSED_AT} AS retention_taken_at,
         CASE WHEN type = 'redemption' THEN (rewards -> 'retention' ->> 'amount')::bigint END AS retention_amount,
         CASE WHEN type = 'redemption' THEN (rewards -> 'retention' ->> 'confirmsAt')::timestamptz END AS retention_confirms_at,
         rewards -> 'retention' ->> 'type' AS retention_type,
         ${CUSTOMER} AS customer,
         type = 'redemption' AND brought_customer IS NOT NULL AS brought,
         seq <> brought_seq AS again
       FROM ${p}ledger ${JOIN_BROUGHT('code')}
       WHERE program = $1 AND code = ANY($2) AND occurred_at >= $5 AND occurred_at <= $4 AND recorded_at <= $6
     ) AS counted_rows
     GROUP BY code`,
    [...window, since.toISOString(), now.toISOString()],
  );
  // Shares per contribution period, each counted from its start, of every code of the members' people:
  // a person's target counts them all. PostgreSQL's weeks start on Monday, as periodStartOf's do; the
  // epoch of a UTC wall time is read as UTC.
  const per = program.contributionTarget?.per;
  const periods = per
    ? await db.query(
        `SELECT code, extract(epoch FROM date_trunc($5::text, occurred_at AT TIME ZONE 'UTC')) AS period, count(*) AS n
         FROM ${p}ledger
         WHERE program = $1 AND code = ANY($2) AND type = 'share' AND occurred_at >= $3 AND occurred_at < $4
           AND recorded_at <= $6
         GROUP BY 1, 2`,
        [
          program.id,
          [...plan.codesOf.values()].flat(),
          plan.periods[0]?.toISOString(),
          plan.periodsEnd?.toISOString(),
          per,
          now.toISOString(),
        ],
      )
    : { rows: [] };
  const channels = await db.query(
    `SELECT code, coalesce(channel, 'other') AS channel, count(*) AS n FROM ${p}ledger
     WHERE program = $1 AND code = ANY($2) AND type = 'share' AND occurred_at >= $3 AND occurred_at <= $4
       AND recorded_at <= $5
     GROUP BY 1, 2 ORDER BY min(seq)`,
    [...window, now.toISOString()],
  );
  const perRole = await db.query(
    `${brought(p)}
     SELECT role, count(DISTINCT customer) AS customers, count(DISTINCT customer) FILTER (WHERE again) AS repeaters
     FROM (
       SELECT member.role, ledger.seq <> brought_seq AS again, ${CUSTOMER} AS customer
       FROM ${p}ledger AS ledger JOIN unnest($2::text[], $5::text[]) AS member (code, role) ON member.code = ledger.code
         ${JOIN_BROUGHT('ledger.code')}
       WHERE program = $1 AND type = 'redemption' AND (reversed_at IS NULL OR reversed_at > $6)
         AND occurred_at >= $3 AND occurred_at <= $4 AND recorded_at <= $6 AND brought_customer IS NOT NULL
     ) AS kept
     GROUP BY role`,
    [...window, roles, now.toISOString()],
  );
  const perDay = await db.query(
    `SELECT floor(extract(epoch FROM occurred_at) / 86400) AS day,
       count(*) FILTER (WHERE type = 'landing') AS landings,
       count(*) FILTER (WHERE type = 'redemption' AND (reversed_at IS NULL OR reversed_at > $5)) AS redemptions
     FROM ${p}ledger
     WHERE program = $1 AND code = ANY($2) AND type IN ('landing', 'redemption') AND occurred_at >= $3 AND occurred_at <= $4
       AND recorded_at <= $5
     GROUP BY 1`,
    [...window, now.toISOString()],
  );
  const totals = new Map<string, CodeTotals>();
  for (const row of perCode.rows as Row[]) totals.set(String(row.code), codeTotals(row));
  for (const row of periods.rows as Row[]) {
    // A code of a member's person that is not listed has a row for its shares per period alone.
    const code = totals.get(String(row.code)) ?? emptyCodeTotals();
    totals.set(String(row.code), code);
    code.sharesByPeriod[new Date(Number(row.period) * 1000).toISOString()] = Number(row.n);
  }
  for (const row of channels.rows as Row[]) {
    const code = totals.get(String(row.code));
    if (code) code.sharesByChannel[String(row.channel)] = Number(row.n);
  }
  return {
    codes: totals,
    roles: new Map(
      (perRole.rows as Row[]).map((row) => [
        row.role as Role,
        { customers: Number(row.customers), repeaters: Number(row.repeaters) },
      ]),
    ),
    days: new Map(
      (perDay.rows as Row[]).map((row) => [
        new Date(Number(row.day) * DAY_MS).toISOString().slice(0, 10),
        { landings: Number(row.landings), redemptions: Number(row.redemptions) },
      ]),
    ),
  };
}

function codeTotals(row: Row): CodeTotals {
  return {
    ...emptyCodeTotals(),
    landings: Number(row.landings),
    shares: Number(row.shares),
    redemptions: Number(row.redemptions),
    firstOrders: Number(row.first_orders),
    revenue: Number(row.revenue),
    friendDiscounts: Number(row.friend_discounts),
    rewardCost: Number(row.reward_cost),
    rewardPoints: Number(row.reward_points),
    grants: { credit: grantTotals(row, 'credit'), cash: grantTotals(row, 'cash'), points: grantTotals(row, 'points') },
    customers: Number(row.customers),
    repeaters: Number(row.repeaters),
  };
}

function grantTotals(row: Row, unit: RewardUnit): GrantTotals {
  return {
    pending: Number(row[`${unit}_pending`]),
    confirmed: Number(row[`${unit}_confirmed`]),
    reversed: Number(row[`${unit}_reversed`]),
    owedBack: Number(row[`${unit}_owed_back`]),
  };
}
