/**
 * Closing a `pg` pool within a deadline. `pool.end()` closes the idle connections and then waits for
 * every checked-out one to be given back, which a query waiting on another session's lock never does
 * until that lock goes (with no statement timeout, not at all): a stop that awaited it outlived a
 * 30 s kill grace period. Past the deadline, the connections still out are ended: their queries fail
 * (PostgreSQL rolls back whatever transaction they were in), and the pool's end follows.
 */
import type pg from 'pg';

/** Closes the pool; see {@link closablePool}. */
export type ClosePool = (
  /** How long checked-out connections have to come back before they are ended. */
  deadlineMs: number,
) => Promise<void>;

/** Tracks `pool`'s checked-out connections from now on, and returns how to close it in bounded time. */
export function closablePool(pool: pg.Pool): ClosePool {
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('remove', (client) => checkedOut.delete(client as pg.PoolClient));
  let closed: Promise<void> | undefined;
  return (deadlineMs) => {
    closed ??= new Promise<void>((resolve, reject) => {
      const late = setTimeout(() => {
        // pg ends a connection with a query under way by destroying its socket: the query fails at
        // once, its request can still be answered, and the pool counts the connection gone.
        for (const client of checkedOut) void client.end().catch(() => {});
      }, deadlineMs);
      pool.end().then(
        () => {
          clearTimeout(late);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(late);
          reject(error);
        },
      );
    });
    return closed;
  };
}
