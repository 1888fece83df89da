/**
 * The dashboard's addresses: the period, the search, the sort and the page as query parameters, the rest
 * left out at their defaults, so that every view is a plain link (no client script) and a short one.
 */
import { type AmbassadorView, DEFAULT_VIEW, naturalOrderOf } from './ambassador-view.js';
import type { DashboardPeriod } from './dashboard-period.js';

/** What one view of the dashboard shows. */
export interface DashboardState {
  /** Days up to today, or `all` for everything the ledger holds. */
  days: DashboardPeriod;
  view: AmbassadorView;
}

/** The address of a view, e.g. `/dashboard?days=7&sort=name`. */
export function dashboardHref({ days, view }: DashboardState): string {
  const query = new URLSearchParams();
  // The period always: a bookmark keeps the period it was made on, whatever the default becomes.
  query.set('days', String(days));
  if (view.q) query.set('q', view.q);
  if (view.sort !== DEFAULT_VIEW.sort || view.order !== naturalOrderOf(view.sort)) query.set('sort', view.sort);
  if (view.order !== naturalOrderOf(view.sort)) query.set('order', view.order);
  if (view.page !== 1) query.set('page', String(view.page));
  const search = query.toString();
  return search ? `/dashboard?${search}` : '/dashboard';
}
