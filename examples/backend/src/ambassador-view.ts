/**
 * Which ambassadors the dashboard's table shows, in which order: a search, a sort and a page, read
 * from the address's query (`?q=&sort=&order=&page=`), so a view is a link that can be bookmarked and
 * works without client script under the page's strict CSP. A brand has hundreds of ambassadors.
 */
import type { AmbassadorStats } from '@referkit/events';

/** The columns the table sorts by, as the `sort` parameter names them, each with the figure it sorts. */
const VALUES = {
  name: (row) => row.displayName,
  landings: (row) => row.landings,
  shares: (row) => row.shares.total,
  redemptions: (row) => row.redemptions,
  'first-orders': (row) => row.firstOrders,
  conversion: (row) => row.conversionRate,
  revenue: (row) => row.revenue,
  'friend-discounts': (row) => row.friendDiscounts,
  'reward-cost': (row) => row.rewardCost,
  roi: (row) => row.roi,
  'repeat-order-rate': (row) => row.repeatOrderRate,
} satisfies Record<string, (row: AmbassadorStats) => string | number | null>;

/** A column the table sorts by. */
export type SortColumn = keyof typeof VALUES;

/** Every column the table sorts by. */
export const SORT_COLUMNS = Object.keys(VALUES) as SortColumn[];

/** A direction: `asc` is A to Z and lowest first. */
export type SortOrder = 'asc' | 'desc';

/** What the table is asked to show. */
export interface AmbassadorView {
  /** Text a name or code must contain; `''` for everyone. */
  q: string;
  sort: SortColumn;
  order: SortOrder;
  /** 1-based. */
  page: number;
}

/** Rows a page shows: a screen or two, and a page that loads at once. */
export const PAGE_SIZE = 50;

/** The view without parameters: what a brand asks first, who brought the most money. */
export const DEFAULT_VIEW: AmbassadorView = { q: '', sort: 'revenue', order: 'desc', page: 1 };

/** The way a column reads most usefully first: names A to Z, figures highest first. */
export function naturalOrderOf(column: SortColumn): SortOrder {
  return column === 'name' ? 'asc' : 'desc';
}

/** The view a query asks for; anything not understood reads as the default, never as an error page. */
export function readAmbassadorView(query: Record<string, string | undefined>): AmbassadorView {
  const sort = SORT_COLUMNS.find((column) => column === query.sort) ?? DEFAULT_VIEW.sort;
  const order = query.order === 'asc' || query.order === 'desc' ? query.order : naturalOrderOf(sort);
  const page = /^[1-9]\d{0,5}$/.test(query.page ?? '') ? Number(query.page) : 1;
  // A search longer than any name or code finds nothing; keeping it short keeps the links short.
  return { q: (query.q ?? '').trim().slice(0, 80), sort, order, page };
}

/** One page of the ambassadors a view shows, and where it sits among them. */
export interface AmbassadorPage {
  rows: AmbassadorStats[];
  /** Ambassadors the search found (all of them without one). */
  matched: number;
  /** The page shown: the one asked for, or the last there is. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; 0 and 0 for none. */
  first: number;
  last: number;
}

// Names sort as a person reads them: case and accents aside, "Ana 2" before "Ana 10".
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Searches, sorts and pages the ambassadors of the stats. */
export function ambassadorPage(ambassadors: readonly AmbassadorStats[], view: AmbassadorView): AmbassadorPage {
  const needle = folded(view.q);
  const matched = needle
    ? ambassadors.filter((row) => folded(row.displayName).includes(needle) || folded(row.code).includes(needle))
    : [...ambassadors];
  const value = VALUES[view.sort];
  const sign = view.order === 'asc' ? 1 : -1;
  matched.sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    // A rate with nothing to divide by is no figure, low or high: last whichever way.
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number));
    }
    // The same figure: by name, then code (unique), so a page holds the same rows each time it is asked.
    return collator.compare(a.displayName, b.displayName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(view.page, pages);
  const rows = matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const first = rows.length ? (page - 1) * PAGE_SIZE + 1 : 0;
  return { rows, matched: matched.length, page, pages, first, last: first ? first + rows.length - 1 : 0 };
}

/** Text as a search compares it: composed alike, lower case (Hebrew, Arabic and CJK have none, and keep). */
function folded(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en');
}
