/**
 * The dashboard's table of ambassadors, for hundreds of them: a search form, column heads that sort,
 * and pages of {@link PAGE_SIZE}. All plain links and a GET form, so it works under the page's strict
 * CSP without a line of client script, and every view can be bookmarked (`dashboard-address.ts`).
 */
import type { AmbassadorStats } from '@referkit/events';
import { type AmbassadorPage, type AmbassadorView, naturalOrderOf, type SortColumn } from './ambassador-view.js';
import { type DashboardState, dashboardHref } from './dashboard-address.js';
import { html, type SafeHtml } from './html.js';
import { METRIC_COLUMNS, metricCells } from './metric-columns.js';
import { formatCount } from './money.js';
import { roleName } from './role-names.js';
import { scrollingTable } from './scrolling-table.js';

const CAPTION = 'Results per ambassador';

/** What a sort does, in the words of its column: names go A to Z, figures highest first. */
const ORDER_WORDS = {
  name: { asc: 'A to Z', desc: 'Z to A' },
  figure: { asc: 'lowest first', desc: 'highest first' },
} as const;

/** The search form, how many the view holds, the table and its pages. */
export function ambassadorTable(
  found: AmbassadorPage,
  state: DashboardState,
  money: (minor: number) => string,
): SafeHtml {
  const { view } = state;
  const targetPer = found.rows.find((row) => row.target)?.target?.per;
  const heads = [
    sortHead('Ambassador', 'name', state),
    METRIC_COLUMNS.map((column) =>
      column.sort ? sortHead(column.label, column.sort, state) : html`<th scope="col">${column.label}</th>`,
    ),
    // The target counts shares per week (or month) whatever period the page shows.
    html`<th scope="col">${targetPer ? `Target this ${targetPer}` : 'Target'}</th>`,
  ];
  const sortedBy = [{ label: 'Ambassador', sort: 'name' }, ...METRIC_COLUMNS].find(
    (column) => column.sort === view.sort,
  )?.label;
  const showing = showingText(found, view);
  return html`${searchForm(state)}
    <p class="showing">${showing}</p>
    ${
      found.rows.length === 0
        ? null
        : html`${scrollingTable(
            CAPTION,
            html`<thead><tr>${heads}</tr></thead>
      <tbody>${found.rows.map((ambassador) => ambassadorRow(ambassador, money))}</tbody>`,
            `, sorted by ${sortedBy}, ${wordsFor(view.sort, view.order)}; ${showing}`,
          )}
    ${pager(found, state)}`
    }`;
}

/** "Showing 1–50 of 497 ambassadors", or what a search found. */
function showingText(found: AmbassadorPage, view: AmbassadorView): string {
  const matched = formatCount(found.matched);
  const of = view.q ? `${matched} ambassadors matching “${view.q}”` : `${matched} ambassadors`;
  if (found.matched === 0) return view.q ? `No ambassador’s name or code contains “${view.q}”.` : 'No ambassadors yet.';
  return `Showing ${formatCount(found.first)}–${formatCount(found.last)} of ${of}`;
}

function wordsFor(column: SortColumn, order: 'asc' | 'desc'): string {
  return ORDER_WORDS[column === 'name' ? 'name' : 'figure'][order];
}

/**
 * A column head that sorts: a link to the view sorted by it (the other way round if it is already),
 * named for what following it does, and `aria-sort` on the column that is sorted.
 */
function sortHead(label: string, column: SortColumn, state: DashboardState): SafeHtml {
  const sorted = state.view.sort === column;
  const next = sorted ? (state.view.order === 'asc' ? 'desc' : 'asc') : naturalOrderOf(column);
  const href = dashboardHref({ days: state.days, view: { ...state.view, sort: column, order: next, page: 1 } });
  const arrow = sorted ? (state.view.order === 'asc' ? '▲' : '▼') : null;
  return html`<th scope="col"${sorted ? html` aria-sort="${state.view.order === 'asc' ? 'ascending' : 'descending'}"` : null}><a class="sort" href="${href}" aria-label="${label}, sort ${wordsFor(column, next)}">${label}${arrow ? html`<span class="arrow" aria-hidden="true"> ${arrow}</span>` : null}</a></th>`;
}

/** A GET form: the search lands in the address with the period and the sort it was made on. */
function searchForm({ days, view }: DashboardState): SafeHtml {
  const kept = { sort: view.sort, order: view.order };
  return html`<form class="table-search" role="search" method="get" action="/dashboard">
      <label for="ambassador-search">Search ambassadors by name or code</label>
      <input type="search" id="ambassador-search" name="q" value="${view.q}" maxlength="80">
      <input type="hidden" name="days" value="${days}">
      ${Object.entries(kept).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
      <button type="submit">Search</button>
      ${view.q ? html`<a href="${dashboardHref({ days, view: { ...view, q: '', page: 1 } })}">Show everyone</a>` : null}
    </form>`;
}

/** First, previous, where this page is, next and last: links only where there is somewhere to go. */
function pager(found: AmbassadorPage, state: DashboardState): SafeHtml | null {
  if (found.pages <= 1) return null;
  const to = (page: number, label: string, rel?: string) =>
    html`<a href="${dashboardHref({ days: state.days, view: { ...state.view, page } })}"${rel ? html` rel="${rel}"` : null}>${label}</a>`;
  const { page, pages } = found;
  return html`<nav class="pager" aria-label="Pages of ambassadors">
      ${page > 1 ? [to(1, 'First page'), to(page - 1, 'Previous page', 'prev')] : null}
      <span>Page ${formatCount(page)} of ${formatCount(pages)}</span>
      ${page < pages ? [to(page + 1, 'Next page', 'next'), to(pages, 'Last page')] : null}
    </nav>`;
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
    ? html`<span class="${ambassador.target.reached ? 'reached' : 'open'}">${ambassador.target.reached ? 'Reached' : 'In progress'}</span> <span class="channels">${formatCount(ambassador.target.done)} of ${formatCount(ambassador.target.shares)} shares this ${ambassador.target.per}</span>${pastPeriods(ambassador.target)}`
    : html`—`;
  return html`<tr data-code="${ambassador.code}"><th scope="row"><span class="name">${ambassador.displayName}</span> <code>${ambassador.code}</code>
<span class="role">${roleName(ambassador.role)}${tier}${ambassador.promoted ? html` <span class="badge">promoted</span>` : null}</span></th>
${metricCells(ambassador, money)}<td data-metric="target">${target}</td></tr>`;
}
