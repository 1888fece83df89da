/**
 * A transaction on a connection of its own from a pg Pool, given back to the pool only when it is
 * known to be clean: outside any transaction and still connected.
 */
import type { SqlQueryable } from './sql-store.js';

/** A connection checked out of a pool, as pg's `PoolClient` is. */
export interface PooledConnection extends SqlQueryable {
  /** Returns the connection; with an error (or `true`) the pool closes it instead of reusing it. */
  release(error?: Error | boolean): void;
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A pool to check connections out of, as pg's `Pool` is. */
export interface ConnectionPool {
  connect(): Promise<unknown>;
}

/**
 * Runs `run` between BEGIN and COMMIT on one connection of `pool`, rolling back when it throws.
 * A connection that was lost, whose statement failed without the server's answer (a `query_timeout`,
 * a dropped socket), or whose ROLLBACK did not go through is released as broken: the pool closes it,
 * and PostgreSQL rolls back whatever it still held.
 * @example
 * await poolTransaction(pool, async (tx) => {
 *   await tx.query('UPDATE orders SET status = $2 WHERE id = $1', [id, 'refunded']);
 * });
 */
export function poolTransaction<T>(pool: ConnectionPool, run: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  return poolTransactionIn('', pool, run);
}

/**
 * {@link poolTransaction} opened as `BEGIN <modes>` (`'ISOLATION LEVEL READ COMMITTED'`), for the store,
 * whose transactions name their isolation rather than take the database's default.
 */
export async function poolTransactionIn<T>(
  modes: string,
  pool: ConnectionPool,
  run: (tx: SqlQueryable) => Promise<T>,
): Promise<T> {
  const connection = (await pool.connect()) as PooledConnection;
  let broken: Error | undefined;
  // pg-pool listens for a connection's 'error' only while it is idle; checked out, an 'error' with no
  // listener (the server ending the session, pg_terminate_backend) is thrown and ends the process.
  const lost = (error: Error) => {
    broken ??= error;
  };
  connection.on?.('error', lost);
  const tx: SqlQueryable = {
    query: (text, params) =>
      connection.query(text, params).catch((error: unknown) => {
        // A PostgreSQL error carries a severity: the server answered, and the connection still works.
        // Anything else (pg's "Query read timeout") left a statement running or a socket half read:
        // the connection may still be inside this transaction, holding its locks and writes.
        // Read by its key, not `instanceof Error`, which fails for an error pg made in another realm.
        if (!(typeof error === 'object' && error !== null && 'severity' in error)) broken ??= asError(error);
        throw error;
      }),
  };
  try {
    await tx.query(modes ? `BEGIN ${modes}` : 'BEGIN');
    const result = await run(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    // Skipped on a broken connection: a ROLLBACK queued behind a statement still running would
    // wait for it (or time out) for nothing, as closing the connection rolls back on the server.
    if (!broken) {
      await connection.query('ROLLBACK').catch((failed: unknown) => {
        broken ??= asError(failed);
      });
    }
    throw error;
  } finally {
    connection.release(broken);
    connection.removeListener?.('error', lost);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
