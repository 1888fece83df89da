/** The periods the dashboard offers, and what a `?days=` it does not offer is shown as, and says. */

/** The periods offered, in days up to today, then all time; the first brand question is "this month?". */
export const DASHBOARD_PERIODS = [7, 30, 90, 365, 'all'] as const;

/** A period offered. */
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** The period shown when none is asked, or one not offered. */
export const DEFAULT_PERIOD = 30;

/** The period a `?days=` asks for, and, for one not offered, what was asked: the page says so. */
export function dashboardPeriod(asked: string | undefined): { days: DashboardPeriod; refused?: string } {
  const offered = DASHBOARD_PERIODS.find((period) => String(period) === asked);
  if (offered !== undefined) return { days: offered };
  // Silently showing 30 days for ?days=400 read as 400 days' figures. Quoted back short, as asked.
  return asked === undefined || asked === ''
    ? { days: DEFAULT_PERIOD }
    : { days: DEFAULT_PERIOD, refused: asked.slice(0, 20) };
}

/** How the period links name a period. */
export function periodName(days: DashboardPeriod): string {
  return days === 'all' ? 'All time' : `${days} days`;
}
