/**
 * The account page's public list of ambassadors, a page at a time: what a friend or a new ambassador
 * picks from in the demo, which has no sign-in. Paged so that the page stays the same small size
 * however many sign up (a script's hundreds included); oldest first, so the ambassadors a brand
 * started with lead, and a page holds the same people each time it is asked.
 */
import type { Ambassador } from '@referkit/events';
import { ambassadorFromColumn } from './ambassadors.js';
import type { SqlClient } from './database.js';

/** Ambassadors a page lists: a screen of links. */
export const LIST_PAGE_SIZE = 25;

/** One page of the list and where it sits. */
export interface AmbassadorListPage {
  ambassadors: Ambassador[];
  /** The page shown (1-based): the one asked for, or the last there is. */
  page: number;
  pages: number;
  /** Ambassadors in the program. */
  total: number;
  /** The 1-based position of the page's first ambassador; 0 when there is none. */
  first: number;
}

/** The page a `?page=` asks for; anything else (missing, 0, `1e3`, text) is the first. */
export function readListPage(asked: string | undefined): number {
  return /^[1-9]\d{0,5}$/.test(asked ?? '') ? Number(asked) : 1;
}

/** Page `asked` of a program's ambassadors, oldest first, or the last page when it is past it. */
export async function ambassadorListPage(
  client: SqlClient,
  program: string,
  asked: number,
): Promise<AmbassadorListPage> {
  const { rows: counted } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM demo_ambassadors WHERE program = $1',
    [program],
  );
  const total = counted[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(asked, pages);
  const { rows } = await client.query<{ ambassador: unknown }>(
    'SELECT ambassador FROM demo_ambassadors WHERE program = $1 ORDER BY created_at, code LIMIT $2 OFFSET $3',
    [program, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE],
  );
  return {
    ambassadors: rows.map((row) => ambassadorFromColumn(row.ambassador)),
    page,
    pages,
    total,
    first: rows.length ? (page - 1) * LIST_PAGE_SIZE + 1 : 0,
  };
}
