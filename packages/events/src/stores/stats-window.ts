/**
 * The time a stats query covers: its period (`from`, `to`, `now`, as dates, ISO times or Dates) and the
 * contribution periods in it. Periods are in UTC; weeks start on Monday 00:00, months on the 1st.
 */

import { TIMESTAMP_PATTERN } from '../primitives.js';
import type { Program } from '../program.js';
import type { StatsQuery } from './stats.js';

const DAY_MS = 86_400_000;

/** The period a query covers, and the start of the contribution period containing its end. */
export function statsWindow(
  program: Program,
  query: StatsQuery,
): { from: Date; to: Date; now: Date; periodStart: Date | null } {
  const now = query.now ?? new Date();
  const to = query.to ? momentOf(query.to, true) : now;
  const from = query.from ? momentOf(query.from, false) : daysUpTo(to, DEFAULT_DAYS);
  // A period that is not one would answer zeros that look like figures: say so instead. `to` first: a
  // default `from` is read from it, and is no time when it is not.
  for (const [name, time] of [
    ['to', to],
    ['from', from],
    ['now', now],
  ] as const) {
    if (Number.isNaN(time.getTime()))
      throw new RangeError(
        `[referkit] Could not compute stats: \`${name}\` is not a time. Pass a Date, a date (2026-11-05) or an ISO time with Z or an offset.`,
      );
  }
  if (from > to)
    throw new RangeError(
      '[referkit] Could not compute stats: `from` is after `to`. Pass a period that starts before it ends.',
    );
  const per = program.contributionTarget?.per;
  return { from, to, now, periodStart: per ? periodStartOf(earlier(to, now), per) : null };
}

/** The days a query without `from` covers, `to`'s own included. */
const DEFAULT_DAYS = 30;

/**
 * 00:00 UTC of the first of `days` UTC days ending with the day of `to`. Not `to` less 30 × 24 hours:
 * with `to` a date (23:59:59.999), that opened the period a millisecond before its first day ended,
 * and the daily series listed that day without its landings.
 */
function daysUpTo(to: Date, days: number): Date {
  return new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate() - (days - 1)));
}

/** The earlier of two moments. */
export function earlier(a: Date, b: Date): Date {
  return a < b ? a : b;
}

const DATE = /^\d{4}-\d\d-\d\d$/;

/**
 * A period's edge as asked: a Date; a date alone (`2026-11-05`, as a date picker gives it), its
 * whole UTC day, so that an inclusive end takes in that day; or an ISO time with `Z` or an offset.
 * Any other text is no time (Invalid Date): read in the server's own zone, as `new Date` reads a
 * time without one, the same query would count other days on another server.
 */
function momentOf(value: Date | string, end: boolean): Date {
  if (typeof value !== 'string') return new Date(value);
  if (DATE.test(value)) {
    // A day no calendar has (`2026-02-30`) is no time, not the 2nd of March.
    const day = Date.parse(value);
    const real = !Number.isNaN(day) && new Date(day).toISOString().startsWith(value);
    return new Date(real ? day + (end ? DAY_MS - 1 : 0) : Number.NaN);
  }
  return new Date(TIMESTAMP_PATTERN.test(value) ? value : Number.NaN);
}

/** Monday 00:00 UTC of the week, or the 1st 00:00 UTC of the month, containing a moment. */
export function periodStartOf(at: Date, per: 'week' | 'month'): Date {
  if (per === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const day = (at.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day));
}

/** The starts of the contribution periods from the one containing `from` to the one containing `to`. */
export function periodsBetween(from: Date, to: Date, per: 'week' | 'month'): Date[] {
  const starts: Date[] = [];
  for (let start = periodStartOf(from, per); start <= to; start = nextPeriodStart(start, per)) starts.push(start);
  return starts;
}

/** The start of the period after the one starting at `start`: the end of that one. */
export function nextPeriodStart(start: Date, per: 'week' | 'month'): Date {
  return per === 'month'
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : new Date(start.getTime() + 7 * DAY_MS);
}
