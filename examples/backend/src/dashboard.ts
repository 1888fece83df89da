/**
 * The brand's dashboard: per ambassador and per role, everything `store.stats` measures, and a
 * chart of landings and redemptions. Server-rendered HTML without scripts; every number comes
 * from the stats, none is computed or hard-coded here beyond formatting.
 */
import type { ProgramStats, RoleStats } from '@referkit/events';
import { ambassadorTable } from './ambassador-table.js';
import { type AmbassadorView, ambassadorPage, DEFAULT_VIEW } from './ambassador-view.js';
import { seriesChart } from './chart.js';
import { type DashboardState, dashboardHref } from './dashboard-address.js';
import { DASHBOARD_PERIODS, type DashboardPeriod, DEFAULT_PERIOD, periodName } from './dashboard-period.js';
import { html, type SafeHtml } from './html.js';
import { METRIC_COLUMNS, metricCells } from './metric-columns.js';
import { formatCount, formatMoney } from './money.js';
import { page } from './page.js';
import { roleName } from './role-names.js';
import { scrollingTable } from './scrolling-table.js';
import { siteNav } from './site-nav.js';

/** What the dashboard shows besides the stats. */
export interface DashboardOptions {
  /** @default 30 */
  days?: DashboardPeriod;
  /** The ambassadors' search, sort and page. @default DEFAULT_VIEW */
  view?: AmbassadorView;
  /** A `?days=` not offered, which the page says it did not show. */
  refused?: string;
}

/** Renders the dashboard page for one program's stats over a period, its ambassadors as `view` asks. */
export function dashboardPage(stats: ProgramStats, brand: string, options: DashboardOptions = {}): SafeHtml {
  const { days = DEFAULT_PERIOD, view = DEFAULT_VIEW, refused } = options;
  const state: DashboardState = { days, view };
  const money = (minor: number) => formatMoney(minor, stats.currency);
  const period = `${stats.from.slice(0, 10)} – ${stats.to.slice(0, 10)}`;
  const periods = DASHBOARD_PERIODS.map(
    (option) =>
      html`<a href="${dashboardHref({ days: option, view: { ...view, page: 1 } })}"${option === days ? html` aria-current="page"` : null}>${periodName(option)}</a>`,
  );
  const notice = refused
    ? html`<p class="notice">This dashboard does not offer a period of “${refused}” days: it shows the last ${periodName(days)}. Pick a period below.</p>`
    : null;
  return page({
    title: `${brand} referrals`,
    body: html`${siteNav(brand, '/dashboard')}
<main class="dashboard">
  <h1>Referral program <code>${stats.program}</code></h1>
  <p class="period">${period} (UTC) · ${stats.currency}</p>
  ${notice}
  <nav aria-label="Period" class="periods">${periods}</nav>
  <section aria-labelledby="over-time">
    <h2 id="over-time">Landings and redemptions over time</h2>
    ${seriesChart(stats.series)}
  </section>
  <section aria-labelledby="by-role">
    <h2 id="by-role">By role</h2>
    ${scrollingTable(
      'Results per role',
      html`<thead><tr><th scope="col">Role</th><th scope="col">People</th>${METRIC_COLUMNS.map((column) => html`<th scope="col">${column.label}</th>`)}</tr></thead>
      <tbody>${stats.roles.map((role) => roleRow(role, money))}</tbody>`,
    )}
  </section>
  <section aria-labelledby="by-ambassador">
    <h2 id="by-ambassador">By ambassador</h2>
    ${ambassadorTable(ambassadorPage(stats.ambassadors, view), state, money)}
  </section>
  <section aria-labelledby="how-counted">
    <h2 id="how-counted">How the figures are counted</h2>
    <ul class="notes">
      <li><b>Revenue</b> is what referred friends paid, after their discount.</li>
      <li><b>Redemptions</b> are every order a code brought: a friend's first order and their repeat orders. <b>First orders</b> are the first alone, which conversion counts.</li>
      <li><b>Conversion</b> is first orders per landing; a friend who types the code at checkout has no landing, so first orders can outnumber landings, and then the rate is a dash: it would not be a rate.</li>
      <li><b>ROI</b> is (revenue − reward cost) ÷ (friend discounts + reward cost). Reward cost and ROI are money (credit and cash); points are shown apart and left out of ROI.</li>
      <li><b>The repeat-order rate</b> is the share of referred customers who ordered again: the shop reports their later orders, code typed or not, under the code that brought them.</li>
      <li><b>Refunds:</b> a refunded order's reward is reversed: it leaves the redemptions, revenue and reward cost, and shows under rewards reversed.</li>
      <li><b>Owed back</b> is the part of rewards reversed that was reversed after its hold ended: it was confirmed, and may have been paid, so deduct it from what you pay the ambassador next. A reward reversed within its hold was never due and is not owed back.</li>
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

function roleRow(role: RoleStats, money: (minor: number) => string): SafeHtml {
  return html`<tr data-role="${role.role}"><th scope="row">${roleName(role.role)}</th><td>${formatCount(role.ambassadors)}</td>${metricCells(role, money)}</tr>`;
}
