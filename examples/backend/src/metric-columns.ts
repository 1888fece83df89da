/**
 * The figures both dashboard tables show, per role and per ambassador: their column heads, the
 * column each sorts as (`ambassador-view.ts`), and their cells.
 */
import type { AmbassadorStats, GrantTotals, RewardUnit } from '@referkit/events';
import type { SortColumn } from './ambassador-view.js';
import { html, type SafeHtml } from './html.js';
import { formatCount } from './money.js';
import { conversionCell, repeatCell, roiCell } from './rate-cells.js';

/** A figure's column: its head, and the sort it offers (reward columns mix units, so offer none). */
export interface MetricColumn {
  label: string;
  sort?: SortColumn;
}

/** The figures' columns, in the order of {@link metricCells}. */
export const METRIC_COLUMNS: readonly MetricColumn[] = [
  { label: 'Reach', sort: 'landings' },
  { label: 'Shares by channel', sort: 'shares' },
  { label: 'Redemptions', sort: 'redemptions' },
  { label: 'First orders', sort: 'first-orders' },
  { label: 'Conversion', sort: 'conversion' },
  { label: 'Revenue', sort: 'revenue' },
  { label: 'Friend discounts', sort: 'friend-discounts' },
  { label: 'Reward cost', sort: 'reward-cost' },
  { label: 'ROI', sort: 'roi' },
  { label: 'Repeat-order rate', sort: 'repeat-order-rate' },
  { label: 'Rewards pending' },
  { label: 'Rewards confirmed' },
  { label: 'Rewards reversed' },
  { label: 'Owed back' },
];

/** The figures of a row, an ambassador's or a role's. */
export type Metrics = Pick<
  AmbassadorStats,
  | 'landings'
  | 'shares'
  | 'redemptions'
  | 'firstOrders'
  | 'conversionRate'
  | 'revenue'
  | 'friendDiscounts'
  | 'rewardCost'
  | 'rewardPoints'
  | 'roi'
  | 'repeatOrderRate'
  | 'rewards'
>;

/** How a reward column names each unit after its amount. */
const UNIT_NAMES: Record<RewardUnit, string> = { credit: 'credit', cash: 'cash', points: 'pts' };

/** A row's figures, one cell per {@link METRIC_COLUMNS} entry. */
export function metricCells(row: Metrics, money: (minor: number) => string): SafeHtml {
  // Each unit on a line of its own, saying which: store credit owed is not cash paid out, nor points.
  const units = Object.entries(row.rewards) as [RewardUnit, GrantTotals][];
  const amounts = (figure: keyof GrantTotals, shown: [RewardUnit, GrantTotals][]) =>
    shown.length === 0
      ? money(0)
      : shown.map(
          ([unit, grants], index) =>
            html`${index ? html`<br>` : null}${unit === 'points' ? formatCount(grants[figure]) : money(grants[figure])} ${UNIT_NAMES[unit]}`,
        );
  const reward = (status: 'pending' | 'confirmed' | 'reversed') => amounts(status, units);
  // Only the units something is owed back in: a unit granted and never clawed back after its hold owes nothing.
  const owedBack = amounts(
    'owedBack',
    units.filter(([, grants]) => grants.owedBack > 0),
  );
  return html`<td data-metric="landings">${formatCount(row.landings)}</td>
<td data-metric="shares">${shareCell(row.shares)}</td>
<td data-metric="redemptions">${formatCount(row.redemptions)}</td>
<td data-metric="first-orders">${formatCount(row.firstOrders)}</td>
<td data-metric="conversion">${conversionCell(row)}</td>
<td data-metric="revenue">${money(row.revenue)}</td>
<td data-metric="friend-discounts">${money(row.friendDiscounts)}</td>
<td data-metric="reward-cost">${money(row.rewardCost)}${row.rewardPoints ? ` + ${formatCount(row.rewardPoints)} pts` : ''}</td>
<td data-metric="roi">${roiCell(row)}</td>
<td data-metric="repeat-order-rate">${repeatCell(row)}</td>
<td data-metric="rewards-pending">${reward('pending')}</td>
<td data-metric="rewards-confirmed">${reward('confirmed')}</td>
<td data-metric="rewards-reversed">${reward('reversed')}</td>
<td data-metric="rewards-owed-back">${owedBack}</td>`;
}

function shareCell(shares: Metrics['shares']): SafeHtml {
  const channels = Object.entries(shares.byChannel).filter(([, count]) => count > 0);
  if (channels.length === 0) return html`${formatCount(shares.total)}`;
  return html`${formatCount(shares.total)} <span class="channels">(${channels.map(([channel, count], index) => html`${index ? ', ' : ''}${channel} ${formatCount(count)}`)})</span>`;
}
