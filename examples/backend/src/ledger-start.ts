/** When a program's ledger begins: the start of the dashboard's "All time". */
import type { SqlClient } from './database.js';

/**
 * The time of the earliest event the ledger holds for a program, or null before its first. Read from
 * `sqlStore`'s ledger table (the default `referkit_` prefix, as `openLedger` opens it): the store's
 * stats need a `from`, and a `from` of 1970 would draw a chart of 20,000 empty days.
 */
export async function ledgerStart(client: SqlClient, program: string): Promise<Date | null> {
  const { rows } = await client.query<{ first: Date | string | null }>(
    'SELECT min(occurred_at) AS first FROM referkit_ledger WHERE program = $1',
    [program],
  );
  const first = rows[0]?.first;
  return first ? new Date(first) : null;
}
