/**
 * The brand's dashboard: per ambassador and per role, everything `store.stats` measures, and a
 * chart of landings and redemptions. Server-rendered HTML without scripts; every number comes
 * from the stats, none is computed or hard-coded here beyond formatting.
 */
import type { AmbassadorStats, GrantTotals, ProgramStats, RewardUnit, RoleStats } from '@referkit/events';
import { seriesChart } from './chart.js';
import { html, type SafeHtml } from './html.js';
import { formatMoney } from './money.js';
import { page } from './page.js';
import { conversionCell, repeatCell, roiCell } from './rate-cells.js';
import { roleName } from './role-names.js';
import { siteNav } from './site-nav.js';

/** The periods the dashboard offers, in days; the first brand question is "this month?". */
export const DASHBOARD_PERIODS = [7, 30, 90, 365] as const;

/** The period a `?days=` asks for; anything but an offered period reads as 30 days. */
export function dashboardDays(asked: string | undefined): number {
  const days = Number(asked);
  return DASHBOARD_PERIODS.some((period) => period === days) ? days : 30;
}

/** Renders the dashboard page for one program's stats over the last `days`. */
export function dashboardPage(stats: ProgramStats, brand: string, days = 30): SafeHtml {
  const money = (minor: number) => formatMoney(minor, stats.currency);
  const period = `${stats.from.slice(0, 10)} – ${stats.to.slice(0, 10)}`;
  const periods = DASHBOARD_PERIODS.map(
    (option) =>
      html`<a href="/dashboard?days=${option}"${option === days ? html` aria-current="page"` : null}>${option} days</a>`,
  );
  return page({
    title: `${brand} referrals`,
    body: html`${siteNav(brand, '/dashboard')}
<main class="dashboard">
  <h1>Referral program <code>${stats.program}</code></h1>
  <p class="period">${period} (UTC) · ${stats.currency}</p>
  <nav aria-label="Period" class="periods">${periods}</nav>
  <section aria-labelledby="over-time">
    <h2 id="over-time">Landings and redemptions over time</h2>
    ${seriesChart(stats.series)}
  </section>
  <section aria-labelledby="by-role">
    <h2 id="by-role">By role</h2>
    ${scrollingTable(
      'Results per role',
      html`<thead><tr><th scope="col">Role</th><th scope="col">People</th>${metricHeads()}</tr></thead>
      <tbody>${stats.roles.map((role) => roleRow(role, money))}</tbody>`,
    )}
  </section>
  <section aria-labelledby="by-ambassador">
    <h2 id="by-ambassador">By ambassador</h2>
    ${scrollingTable(
      'Results per ambassador',
      html`<thead><tr><th scope="col">Ambassador</th>${metricHeads()}<th scope="col">Target this period</th></tr></thead>
      <tbody>${stats.ambassadors.map((ambassador) => ambassadorRow(ambassador, money))}</tbody>`,
    )}
  </section>
  <section aria-labelledby="how-counted">
    <h2 id="how-counted">How the figures are counted</h2>
    <ul class="notes">
      <li><b>Revenue</b> is what referred friends paid, after their discount.</li>
      <li><b>Conversion</b> is first orders per landing; a friend who types the code at checkout has no landing, so first orders can outnumber landings, and then the rate is a dash: it would not be a rate.</li>
      <li><b>ROI</b> is (revenue − reward cost) ÷ (friend discounts + reward cost). Reward cost and ROI are money (credit and cash); points are shown apart and left out of ROI.</li>
      <li><b>The repeat-order rate</b> is the share of referred customers who ordered again: the shop reports their later orders, code typed or not, under the code that brought them.</li>
      <li><b>Refunds:</b> a refunded order's reward is reversed: it leaves the redemptions, revenue and reward cost, and shows under rewards reversed.</li>
      <li><b>Rewards</b> are shown in each unit paid (credit, cash, points), never added together.</li>
      <li><b>A dash</b> is a rate with nothing to divide by yet.</li>
      <li><b>Promotion</b> to community leader counts first orders past the reward hold.</li>
      <li><b>Time:</b> days and weeks are counted in UTC, weeks from Monday.</li>
      <li><b>Roles:</b> each ambassador's figures count under the role they hold today: a promoted ambassador's earlier figures are in the community leader row.</li>
      <li><b>People:</b> a person given a new code keeps a row per code, but counts once among their role’s people, and their target counts the shares of all their codes.</li>
    </ul>
  </section>
</main>`,
  });
}

/**
 * A table in a box that scrolls sideways. The tables are wider than a laptop's window and hold
 * nothing focusable, so the box itself takes focus for the arrow keys to scroll it (axe
 * `scrollable-region-focusable`), named like its table for the screen reader that lands on it.
 */
function scrollingTable(caption: string, rows: SafeHtml): SafeHtml {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table>
      <caption class="visually-hidden">${caption}</caption>
      ${rows}
    </table></div>`;
}

function metricHeads(): SafeHtml {
  return html`<th scope="col">Reach</th><th scope="col">Shares by channel</th><th scope="col">Redemptions</th><th scope="col">Conversion</th><th scope="col">Revenue</th><th scope="col">Friend discounts</th><th scope="col">Reward cost</th><th scope="col">ROI</th><th scope="col">Repeat-order rate</th><th scope="col">Rewards pending</th><th scope="col">Rewards confirmed</th><th scope="col">Rewards reversed</th>`;
}

type Metrics = Pick<
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

function metricCells(row: Metrics, money: (minor: number) => string): SafeHtml {
  // Each unit on a line of its own, saying which: store credit owed is not cash paid out, nor points.
  const units = Object.entries(row.rewards) as [RewardUnit, GrantTotals][];
  const reward = (status: 'pending' | 'confirmed' | 'reversed') =>
    units.length === 0
      ? '0'
      : units.map(
          ([unit, grants], index) =>
            html`${index ? html`<br>` : null}${unit === 'points' ? grants[status] : money(grants[status])} ${UNIT_NAMES[unit]}`,
        );
  return html`<td data-metric="landings">${row.landings}</td>
<td data-metric="shares">${shareCell(row.shares)}</td>
<td data-metric="redemptions">${row.redemptions}</td>
<td data-metric="conversion">${conversionCell(row)}</td>
<td data-metric="revenue">${money(row.revenue)}</td>
<td data-metric="friend-discounts">${money(row.friendDiscounts)}</td>
<td data-metric="reward-cost">${money(row.rewardCost)}${row.rewardPoints ? ` + ${row.rewardPoints} pts` : ''}</td>
<td data-metric="roi">${roiCell(row)}</td>
<td data-metric="repeat-order-rate">${repeatCell(row)}</td>
<td data-metric="rewards-pending">${reward('pending')}</td>
<td data-metric="rewards-confirmed">${reward('confirmed')}</td>
<td data-metric="rewards-reversed">${reward('reversed')}</td>`;
}

function shareCell(shares: Metrics['shares']): SafeHtml {
  const channels = Object.entries(shares.byChannel).filter(([, count]) => count > 0);
  if (channels.length === 0) return html`${shares.total}`;
  return html`${shares.total} <span class="channels">(${channels.map(([channel, count], index) => html`${index ? ', ' : ''}${channel} ${count}`)})</span>`;
}

function roleRow(role: RoleStats, money: (minor: number) => string): SafeHtml {
  return html`<tr data-role="${role.role}"><th scope="row">${roleName(role.role)}</th><td>${role.ambassadors}</td>${metricCells(role, money)}</tr>`;
}

/** The periods of the window that are over: in how many the target was reached ("reached in 1 of 2 past weeks"). */
function pastPeriods(target: NonNullable<AmbassadorStats['target']>): SafeHtml | null {
  const past = target.periods.filter((period) => period.ended);
  if (past.length === 0) return null;
  const reached = past.filter((period) => period.reached).length;
  return html`<br><span class="channels" data-metric="past-periods">reached in ${reached} of ${past.length} past ${target.per}${past.length === 1 ? '' : 's'}</span>`;
}

function ambassadorRow(ambassador: AmbassadorStats, money: (minor: number) => string): SafeHtml {
  const tier = ambassador.audienceTier ? ` (${ambassador.audienceTier})` : '';
  // The dashboard reads up to now, so the target's period is still running: not reached is not missed yet.
  const target = ambassador.target
    ? html`<span class="${ambassador.target.reached ? 'reached' : 'open'}">${ambassador.target.reached ? 'Reached' : 'In progress'}</span> <span class="channels">${ambassador.target.done} of ${ambassador.target.shares} shares this ${ambassador.target.per}</span>${pastPeriods(ambassador.target)}`
    : html`—`;
  return html`<tr data-code="${ambassador.code}"><th scope="row">${ambassador.displayName} <code>${ambassador.code}</code>
<span class="role">${roleName(ambassador.role)}${tier}${ambassador.promoted ? html` <span class="badge">promoted</span>` : null}</span></th>
${metricCells(ambassador, money)}<td data-metric="target">${target}</td></tr>`;
}
