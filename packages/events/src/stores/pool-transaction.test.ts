/**
 * sqlStore over a pg Pool when a commit's connection fails under it: ended by the server, or given up
 * on by `query_timeout` while it waits for a lock. The answer is 503, the process keeps running, the
 * connection never goes back to the pool inside the failed transaction, and the retry records once.
 */
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { aRedemption } from '../testing/fixtures.js';
import { aReceiver, signed } from '../testing/receiver-harness.js';
import { poolTransaction } from './pool-transaction.js';
import { sqlStore } from './sql-store.js';

const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
let run = 0;

describe('poolTransaction', () => {
  it('gives back a connection whose statement PostgreSQL refused, with an error made in another realm', async () => {
    // pg loaded in a vm context (a Jest environment) makes its errors there: not `instanceof` this realm's Error.
    const refusal = runInNewContext('Object.assign(new Error("duplicate key"), { severity: "ERROR", code: "23505" })');
    const connection = {
      query: vi.fn(async (text: string) => {
        if (text === 'INSERT') throw refusal;
        return { rows: [] };
      }),
      release: vi.fn(),
    };
    await expect(poolTransaction({ connect: async () => connection }, (tx) => tx.query('INSERT', []))).rejects.toBe(
      refusal,
    );
    expect(connection.query.mock.calls.map(([text]) => text)).toEqual(['BEGIN', 'INSERT', 'ROLLBACK']);
    expect(connection.release).toHaveBeenCalledWith(undefined);
  });
});

// PostgreSQL is optional locally; CI's .ci/run starts one and exports DATABASE_URL.
describe.skipIf(!process.env.DATABASE_URL)('sqlStore over a pg Pool whose connection fails mid-commit', () => {
  const url = process.env.DATABASE_URL as string;
  const opened: Array<{ end(): Promise<void> }> = [];
  let tables = '';

  afterEach(async () => {
    while (opened.length > 0) await opened.pop()?.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const table of TABLES) await admin.query(`DROP TABLE IF EXISTS ${tables}${table}`);
    await admin.end();
  });

  /** A receiver on a fresh store, a client for looking on, and one that holds a table's lock. */
  async function setUp(poolOptions: pg.PoolConfig) {
    tables = `rk${process.pid}_${Date.now().toString(36)}_${run++}_`;
    const application = `${tables}receiver`;
    const pool = new pg.Pool({ connectionString: url, max: 2, application_name: application, ...poolOptions });
    // An idle connection's error lands here; none is expected, and the test reads what came.
    const poolErrors: Error[] = [];
    pool.on('error', (error) => poolErrors.push(error));
    const admin = new pg.Client({ connectionString: url });
    const locker = new pg.Client({ connectionString: url });
    await admin.connect();
    await locker.connect();
    opened.push(pool, admin, locker);
    const store = sqlStore(pool, { prefix: tables });
    await store.migrate();
    const { receive } = await aReceiver({ store });
    const lock = async (table: string) => {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${tables}${table} IN ACCESS EXCLUSIVE MODE`);
      return () => locker.query('ROLLBACK');
    };
    const ledgerRows = async () => Number((await admin.query(`SELECT count(*) AS n FROM ${tables}ledger`)).rows[0].n);
    const sessions = async () =>
      (
        await admin.query(`SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE application_name = $1`, [
          application,
        ])
      ).rows as Array<{ pid: number; state: string; wait_event_type: string | null }>;
    return { pool, poolErrors, admin, receive, lock, ledgerRows, sessions };
  }

  it('answers 503 and keeps running when PostgreSQL ends the connection of a commit', async () => {
    const { poolErrors, admin, receive, lock, ledgerRows, sessions } = await setUp({});
    // An 'error' event nobody listens for is thrown from the socket's callback: the process's crash.
    const crashes: unknown[] = [];
    const crash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', crash);
    onTestFinished(() => {
      process.off('uncaughtException', crash);
    });
    const unlock = await lock('ledger');
    const delivery = await signed(aRedemption());
    const answer = receive.handle(delivery);
    let waiting: number | undefined;
    for (let tries = 0; tries < 100 && waiting === undefined; tries++) {
      waiting = (await sessions()).find((session) => session.wait_event_type === 'Lock')?.pid;
      if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(waiting).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [waiting]);
    expect((await answer).status).toBe(503);
    expect(crashes).toEqual([]);
    await unlock();
    expect(await ledgerRows()).toBe(0);
    expect((await receive.handle(delivery)).status).toBe(201);
    expect(await ledgerRows()).toBe(1);
    expect(poolErrors).toEqual([]);
  });

  it('records the retry of a commit that timed out on a lock, instead of answering a duplicate of nothing', async () => {
    const { receive, lock, ledgerRows, sessions } = await setUp({ query_timeout: 300 });
    const unlock = await lock('idempotency');
    const delivery = await signed(aRedemption());
    expect((await receive.handle(delivery)).status).toBe(503);
    await unlock();
    // The timed-out connection is closed, not kept idle inside the transaction that claimed the key.
    await expect
      .poll(async () => (await sessions()).map((session) => session.state))
      .not.toContain('idle in transaction');
    const retry = await receive.handle(delivery);
    expect(retry.status).toBe(201);
    expect(await ledgerRows()).toBe(1);
  });
});
