/**
 * Naming the likely cause of a store failure that would otherwise read as a bare `relation … does
 * not exist`: a `sqlStore` whose `migrate()` was never called. The receiver answers such a failure
 * `503 store_unavailable` like any other outage (a fixed deployment records the sender's retry); only
 * what `onError` is told changes, so that the log says what to do.
 */

/** PostgreSQL's undefined_table; PGlite and Postgres-compatible engines report it under the same code. */
const UNDEFINED_TABLE = '42P01';

/** The error as it is, or, for a missing table, an error that names `migrate()` with the original as its `cause`. */
export function explainUnmigrated(error: unknown): unknown {
  if ((error as { code?: unknown } | null)?.code !== UNDEFINED_TABLE) return error;
  return new Error(
    `[referkit] Could not use the store: ${(error as Error).message}. Call \`await store.migrate()\` once, before receiving events, to create its tables.`,
    { cause: error },
  );
}
