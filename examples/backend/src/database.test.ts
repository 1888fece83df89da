/**
 * The database's `transaction`, in which `sqlStore` commits each event: what it writes is rolled back
 * together, and the queries made beside it (the shop's own, from other requests) are neither part of
 * it nor rolled back with it. Sent through `query` instead, BEGIN and COMMIT could each land on another
 * pooled connection and leave one idle inside a transaction, holding its locks. On PGlite in memory,
 * and on PostgreSQL when DATABASE_URL is set.
 */
import pg from 'pg';
import { beforeEach, describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase, type SqlClient, shownDir } from './database.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

describe.each(testDatabases)('transaction on $kind', (database) => {
  let client: SqlClient;
  const tables = freshDemoTables(database);

  beforeEach(() => {
    client = tables();
  });

  const insert = (on: SqlClient, id: string) =>
    on.query(`INSERT INTO demo_programs (id, program) VALUES ($1, '{}')`, [id]);
  const programIds = async () =>
    (await client.query<{ id: string }>('SELECT id FROM demo_programs ORDER BY id')).rows.map((row) => row.id);

  test('rolls back what a failed transaction wrote, and nothing written beside it', async () => {
    const failed = client.transaction!(async (tx) => {
      await insert(tx, 'inside');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await insert(tx, 'inside-too');
      throw new Error('refused');
    });
    const beside = Array.from({ length: 6 }, (_, n) => insert(client, `beside-${n}`));
    await expect(failed).rejects.toThrow('refused');
    await Promise.all(beside);
    expect(await programIds()).toEqual(['beside-0', 'beside-1', 'beside-2', 'beside-3', 'beside-4', 'beside-5']);
  });

  test('commits what a transaction wrote, all of it on one connection', async () => {
    const ids = await client.transaction!(async (tx) => {
      const first = await tx.query<{ tx: string }>('SELECT txid_current()::text AS tx');
      await insert(tx, 'committed');
      const second = await tx.query<{ tx: string }>('SELECT txid_current()::text AS tx');
      return [first.rows[0]?.tx, second.rows[0]?.tx];
    });
    expect(ids[0]).toBe(ids[1]);
    expect(await programIds()).toEqual(['committed']);
  });
});

describe.each(testDatabases.filter((database) => database.kind === 'postgres'))(
  'transaction on $kind when the server ends its connection',
  (database) => {
    const tables = freshDemoTables(database);

    test('fails the transaction, keeps the process running, and runs the next on a working connection', async () => {
      const client = tables();
      // An 'error' event nobody listens for is thrown from the socket's callback: the process's crash.
      const crashes: unknown[] = [];
      const crash = (error: unknown) => crashes.push(error);
      process.on('uncaughtException', crash);
      onTestFinished(() => {
        process.off('uncaughtException', crash);
      });
      const admin = new pg.Client({ connectionString: (database as { url: string }).url });
      await admin.connect();
      onTestFinished(() => admin.end());
      let started: (pid: number) => void = () => {};
      const backend = new Promise<number>((resolve) => {
        started = resolve;
      });
      const ended = client.transaction!(async (tx) => {
        await tx.query(`INSERT INTO demo_programs (id, program) VALUES ('inside', '{}')`);
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        started(rows[0]!.pid);
        await tx.query('SELECT pg_sleep(5)');
      });
      // Its failure is caught at once: the transaction may fail before the admin's answer arrives, and a
      // rejection without a handler by then is reported as unhandled.
      const failed = ended.then(
        () => undefined,
        (error: unknown) => error,
      );
      await admin.query('SELECT pg_terminate_backend($1)', [await backend]);
      expect(await failed).toBeInstanceOf(Error);
      expect(crashes).toEqual([]);
      const { rows } = await client.transaction!((tx) => tx.query('SELECT id FROM demo_programs'));
      expect(rows).toEqual([]);
    });
  },
);

describe.each(testDatabases.filter((database) => database.kind === 'postgres'))(
  'closing $kind while a query waits on a lock another session holds',
  (database) => {
    test('gives up on that query after its deadline, failing it, and closes', async () => {
      const { url } = database as { url: string };
      const schema = `demo_close_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      onTestFinished(async () => {
        await admin.query('ROLLBACK');
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      });
      // A query timeout far past the deadline: the deadline alone has to end the wait.
      const opened = await openDatabase({ databaseUrl: url, schema, queryTimeoutMs: 60_000, closeTimeoutMs: 500 });
      await opened.client.query('CREATE TABLE held (id int)');
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE ${schema}.held IN ACCESS EXCLUSIVE MODE`);
      const stuck = opened.client.query('SELECT id FROM held').then(
        () => 'answered',
        (error: Error) => `failed: ${error.message}`,
      );
      await expect
        .poll(async () => {
          const waiting = `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '${schema}.held'::regclass`;
          return (await admin.query(waiting)).rows[0].n;
        })
        .toBe(1);
      const began = Date.now();
      const closed = await Promise.race([
        opened.close().then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      expect({ closed, withinMs: Date.now() - began < 2000 }).toEqual({ closed: true, withinMs: true });
      expect(await stuck).toMatch(/^failed: /);
    });
  },
);

describe('the data directory in the start-up line', () => {
  test('is relative inside the working directory and whole outside it', () => {
    expect(shownDir('/srv/shop/.data/pglite', '/srv/shop')).toBe('.data/pglite');
    expect(shownDir('/srv/shop', '/srv/shop')).toBe('.');
    expect(shownDir('/srv/shop/..data', '/srv/shop')).toBe('..data');
    expect(shownDir('/var/lib/demo', '/srv/shop')).toBe('/var/lib/demo');
    expect(shownDir('../demo', '/srv/shop')).toBe('/srv/demo');
  });
});
