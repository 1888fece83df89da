/**
 * sqlStore on a database whose default isolation is not PostgreSQL's READ COMMITTED, as a DBA may set
 * with `ALTER DATABASE … SET default_transaction_isolation = 'serializable'`. The store's commits are
 * designed for READ COMMITTED and say so themselves, so the default changes nothing.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aRedemption } from '../testing/fixtures.js';
import { aReceiver, signed } from '../testing/receiver-harness.js';
import { type SqlClient, sqlStore } from './sql-store.js';

let run = 0;
const prefix = () => `rk${process.pid}_${Date.now().toString(36)}_${run++}_`;

/** A store on `client` whose ledger notes, row by row, the isolation of the transaction that inserted it. */
async function aNotingStore(client: SqlClient) {
  const tables = prefix();
  const store = sqlStore(client, { prefix: tables });
  await store.migrate();
  await client.query(`CREATE TABLE ${tables}isolations (isolation text)`);
  await client.query(
    `CREATE FUNCTION ${tables}note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       INSERT INTO ${tables}isolations VALUES (current_setting('transaction_isolation')); RETURN NEW; END $$`,
  );
  await client.query(
    `CREATE TRIGGER ${tables}noted AFTER INSERT ON ${tables}ledger FOR EACH ROW EXECUTE FUNCTION ${tables}note()`,
  );
  const isolations = async () =>
    ((await client.query(`SELECT isolation FROM ${tables}isolations`)).rows as { isolation: string }[]).map(
      (row) => row.isolation,
    );
  return { store, isolations };
}

/** The statuses of `answers`, counted: `{ 201: 1, 200: 49 }`. */
function statusCounts(answers: { status: number }[]) {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** `count` signed first orders, each of its own order and customer. */
function differentOrders(count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      signed(aRedemption({ id: `evt_isolation${index}x`, orderId: `iso-${index}`, customer: { id: `c_iso${index}` } })),
    ),
  );
}

// PostgreSQL is optional locally; CI's .ci/run starts one and exports DATABASE_URL.
describe.skipIf(!process.env.DATABASE_URL)('sqlStore on a PostgreSQL database whose default is serializable', () => {
  const url = process.env.DATABASE_URL as string;
  const database = `rk${process.pid}_${Date.now().toString(36)}_serializable`;
  let own: URL;
  let pool: pg.Pool;

  /** A client on the main database, where the test's own database is created and dropped. */
  async function onMain<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    await onMain(async (admin) => {
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.query(`ALTER DATABASE ${database} SET default_transaction_isolation = 'serializable'`);
    });
    own = new URL(url);
    own.pathname = `/${database}`;
    pool = new pg.Pool({ connectionString: own.href, max: 10 });
    // Creating and dropping a database each take seconds on a busy machine, past the default hook timeout.
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await onMain(async (admin) => {
      // pool.end() resolves once it has asked its connections to close, not once they have: one ended
      // by the drop's FORCE would report PostgreSQL's 57P01 as an unhandled error.
      for (let tries = 0; tries < 100; tries++) {
        const open = await admin.query('SELECT FROM pg_stat_activity WHERE datname = $1', [database]);
        if (open.rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    });
  }, 60_000);

  it('is a database whose sessions default to serializable', async () => {
    const found = await pool.query('SELECT current_setting($1) AS isolation', ['default_transaction_isolation']);
    expect(found.rows[0].isolation).toBe('serializable');
  });

  it('records 1 and answers 49 duplicates for 50 concurrent deliveries of one redemption', async () => {
    const store = sqlStore(pool, { prefix: prefix() });
    await store.migrate();
    const { receive } = await aReceiver({ store });
    const delivery = await signed(aRedemption());
    const answers = await Promise.all(Array.from({ length: 50 }, () => receive.handle(delivery)));
    expect(statusCounts(answers)).toEqual({ 201: 1, 200: 49 });
  });

  it('records each of 100 concurrent redemptions of different orders', async () => {
    const store = sqlStore(pool, { prefix: prefix() });
    await store.migrate();
    const { receive } = await aReceiver({ store });
    const answers = await Promise.all((await differentOrders(100)).map((delivery) => receive.handle(delivery)));
    expect(statusCounts(answers)).toEqual({ 201: 100 });
  });

  it('commits in READ COMMITTED through a pool and through a single client', async () => {
    const pooled = await aNotingStore(pool);
    await (await aReceiver({ store: pooled.store })).receive.handle(await signed(aRedemption()));
    const client = new pg.Client({ connectionString: own.href });
    await client.connect();
    try {
      const single = await aNotingStore(client);
      await (await aReceiver({ store: single.store })).receive.handle(await signed(aRedemption()));
      expect([await pooled.isolations(), await single.isolations()]).toEqual([['read committed'], ['read committed']]);
    } finally {
      await client.end();
    }
  });
});

describe('sqlStore on a PGlite whose default is serializable', () => {
  let db: PGlite;
  // PGlite starts in seconds on a busy machine, past the default hook timeout: the other stores' tests allow a minute.
  beforeAll(async () => {
    db = new PGlite();
    await db.query(`SET default_transaction_isolation = 'serializable'`);
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('commits in READ COMMITTED', async () => {
    const { store, isolations } = await aNotingStore(db);
    const { receive } = await aReceiver({ store });
    const answers = await Promise.all((await differentOrders(3)).map((delivery) => receive.handle(delivery)));
    expect(statusCounts(answers)).toEqual({ 201: 3 });
    expect(await isolations()).toEqual(['read committed', 'read committed', 'read committed']);
  });
});
