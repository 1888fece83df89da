/** The shared store and stats suites against memory, PGlite (in memory), and PostgreSQL when DATABASE_URL is set. */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ruleError } from '../rules.js';
import { everyOrderLeaderSuite } from '../testing/every-order-leader-suite.js';
import { anAmbassador, aProgram, aRedemption, aReversal } from '../testing/fixtures.js';
import { aReceiver, errorCode, NOW, signed } from '../testing/receiver-harness.js';
import { reversalSuite } from '../testing/reversal-suite.js';
import { statsSuite } from '../testing/stats-suite.js';
import { storeSuite } from '../testing/store-suite.js';
import { memoryStore } from './memory-store.js';
import { type SqlClient, sqlStore } from './sql-store.js';
import type { ReferralStore } from './store.js';

const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
let run = 0;
const prefix = () => `rk${process.pid}_${Date.now().toString(36)}_${run++}_`;

async function freshSql(client: SqlClient) {
  const tables = prefix();
  const store = sqlStore(client, { prefix: tables });
  await store.migrate();
  return {
    store,
    tables,
    cleanup: async () => {
      for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${tables}${table}`);
    },
  };
}

/**
 * The SQL store counts an ambassador's first orders (and the confirmed ones) only as far as the
 * receiver asks: the program's highest threshold. Reads the history `decide` is given.
 */
function countsUpTo(fresh: () => Promise<{ store: ReferralStore; cleanup: () => Promise<void> }>) {
  it('counts first orders up to countUpTo, which the receiver sets at the program’s highest threshold', async () => {
    const { store: sql, cleanup } = await fresh();
    const asked: (number | undefined)[] = [];
    const store: ReferralStore = {
      ...sql,
      commit(request) {
        asked.push(request.countUpTo);
        return sql.commit(request);
      },
    };
    const tiers = [{ minRedemptions: 4, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }] as const;
    const { receive } = await aReceiver({ store, program: { rewardHoldDays: 0, tiers: [...tiers] } });
    for (const order of [1, 2, 3]) {
      const event = aRedemption({
        id: `evt_countedOrder0${order}`,
        orderId: `20${order}`,
        customer: { id: `c_2${order}` },
      });
      expect((await receive.handle(await signed(event))).status).toBe(201);
    }
    expect(asked).toEqual([4, 4, 4]);
    const counts: [number, number | undefined][] = [];
    for (const countUpTo of [undefined, 2, 0]) {
      await sql.commit({
        claims: [{ key: `count-${countUpTo}`, fingerprint: 'f' }],
        event: aRedemption({ id: 'evt_countedOrder09', orderId: '209', customer: { id: 'c_29' } }),
        recordedAt: NOW,
        countUpTo,
        decide: (history) => {
          counts.push([history.redemptions, history.confirmedRedemptions]);
          return { ok: false, error: ruleError('code_exhausted', ['code']) };
        },
      });
    }
    expect(counts).toEqual([
      [3, 3],
      [2, 2],
      [0, 0],
    ]);
    await cleanup();
  });
}

describe('memoryStore', () => {
  storeSuite(async () => ({ store: memoryStore(), cleanup: async () => {} }));
  statsSuite(async () => ({ store: memoryStore(), cleanup: async () => {} }));
  reversalSuite(async () => ({ store: memoryStore(), cleanup: async () => {} }));
  everyOrderLeaderSuite(async () => ({ store: memoryStore(), cleanup: async () => {} }));
});

describe('sqlStore over PGlite', () => {
  let db: PGlite;
  // Starting the WASM Postgres takes seconds on a busy machine.
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  storeSuite(() => freshSql(db));
  statsSuite(() => freshSql(db));
  reversalSuite(() => freshSql(db));
  everyOrderLeaderSuite(() => freshSql(db));
  countsUpTo(() => freshSql(db));

  it('tells onError to call migrate() when the store was never migrated', async () => {
    const onError = vi.fn();
    const store = sqlStore(db, { prefix: prefix() });
    const { receive } = await aReceiver({ store: memoryStoreWith(store), onError });
    const answer = await receive.handle(await signed(aRedemption()));
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'store_unavailable' } } });
    const [error] = onError.mock.calls[0] ?? [];
    expect([error.message, error.cause.code]).toEqual([expect.stringContaining('store.migrate()'), '42P01']);
  });

  it('keeps a redemption unique after its idempotency key is pruned', async () => {
    const { store, cleanup } = await freshSql(db);
    const event = aRedemption();
    const claims = [{ key: 'redemption:spring-2026:1001', fingerprint: 'same' }];
    await store.commit({ claims, event, recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
    const sql = store as ReturnType<typeof sqlStore>;
    expect(await sql.prune(new Date(NOW.getTime() + 8 * 86_400_000))).toBe(1);
    const again = await store.commit({ claims, event, recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
    expect(again.status).toBe('duplicate');
    await cleanup();
  });

  it('answers a replay after its key is pruned from the ledger, before the first-order rule', async () => {
    const { store, cleanup } = await freshSql(db);
    let later = NOW;
    const { receive } = await aReceiver({ store, now: () => later });
    const event = aRedemption({ customer: { id: 'cust_7', firstOrder: true } });
    expect((await receive.handle(await signed(event))).status).toBe(201);
    later = new Date(NOW.getTime() + 8 * 86_400_000);
    expect(await (store as ReturnType<typeof sqlStore>).prune(later)).toBe(2);
    // A sender that kept retrying for a week: the same order, a fresh signature.
    const replay = await receive.handle(await signed(event, { at: later }));
    expect([replay.status, (replay.body as { status?: string }).status]).toEqual([200, 'duplicate']);
    const changed = await receive.handle(
      await signed(
        aRedemption({
          id: 'evt_changed01',
          customer: { id: 'cust_7', firstOrder: true },
          order: { ...event.order, total: 1 },
        }),
        { at: later },
      ),
    );
    expect(errorCode(changed)).toBe('idempotency_conflict');
    await cleanup();
  });

  it('answers a reversal replayed after its key is pruned from the ledger, not unknown_order', async () => {
    const { store, cleanup } = await freshSql(db);
    let later = NOW;
    const { receive } = await aReceiver({ store, now: () => later });
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
    const reversal = aReversal({ occurredAt: '2026-11-22T10:00:10.000Z', reason: 'refund' });
    expect((await receive.handle(await signed(reversal))).status).toBe(201);
    later = new Date(NOW.getTime() + 8 * 86_400_000);
    expect(await (store as ReturnType<typeof sqlStore>).prune(later)).toBe(4);
    const replay = await receive.handle(await signed({ ...reversal, id: 'evt_reversal00002' }, { at: later }));
    expect([replay.status, replay.body]).toEqual([200, { status: 'duplicate' }]);
    const asFraud = await receive.handle(
      await signed({ ...reversal, id: 'evt_reversal00003', reason: 'fraud' }, { at: later }),
    );
    expect(errorCode(asFraud)).toBe('idempotency_conflict');
    // An order that never redeemed is still refused as such.
    const unknown = await receive.handle(
      await signed(aReversal({ id: 'evt_reversal00004', orderId: 'never-placed' }), { at: later }),
    );
    expect(errorCode(unknown)).toBe('unknown_order');
    await cleanup();
  });

  it('keeps idempotency keys younger than 7 days when pruning', async () => {
    const { store, cleanup } = await freshSql(db);
    await store.commit({
      claims: [{ key: 'event:evt_1', fingerprint: 'x' }],
      event: aRedemption(),
      recordedAt: NOW,
      decide: () => ({ ok: true, rewards: null }),
    });
    expect(await (store as ReturnType<typeof sqlStore>).prune(new Date(NOW.getTime() + 6.9 * 86_400_000))).toBe(0);
    await cleanup();
  });

  it('keeps a write made while a transaction rolls back on a single connection', async () => {
    // PGlite seen only through `query`, as a single pg Client is: BEGIN/COMMIT on the one connection.
    const single: SqlClient = { query: (text, params) => db.query(text, params) };
    const { store, cleanup } = await freshSql(single);
    const claims = [{ key: 'event:evt_single', fingerprint: 'x' }];
    const commit = () =>
      store.commit({ claims, event: aRedemption(), recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) });
    await commit();
    const program = aProgram();
    const bob = anAmbassador({ id: 'amb_bob', code: 'BOB-7HC2QK', displayName: 'Bob' });
    // The duplicate rolls its transaction back; Bob's row must not go with it.
    const [duplicate] = await Promise.all([commit(), store.upsertAmbassador(program, bob)]);
    expect(duplicate.status).toBe('duplicate');
    expect((await store.ambassadorByCode('BOB-7HC2QK'))?.displayName).toBe('Bob');
    await cleanup();
  });
});

// PostgreSQL is optional locally; CI's .ci/run starts one and exports DATABASE_URL.
describe.skipIf(!process.env.DATABASE_URL)('sqlStore over PostgreSQL (DATABASE_URL)', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  });
  afterAll(async () => {
    await pool.end();
  });

  /** Resolves once a session waits for a lock on `table`. */
  async function lockAwaited(table: string) {
    for (let tries = 0; tries < 300; tries++) {
      const waiting = await pool.query('SELECT FROM pg_locks WHERE relation = to_regclass($1) AND NOT granted', [
        table,
      ]);
      if (waiting.rows.length > 0) return;
      await delay(10);
    }
    throw new Error(`No session waited for a lock on ${table}.`);
  }

  storeSuite(() => freshSql(pool));
  statsSuite(() => freshSql(pool));
  reversalSuite(() => freshSql(pool));
  everyOrderLeaderSuite(() => freshSql(pool));
  countsUpTo(() => freshSql(pool));

  it('runs on a single pg Client, one transaction at a time', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { store, cleanup } = await freshSql(client);
      const claims = [{ key: 'event:evt_1', fingerprint: 'x' }];
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          store.commit({ claims, event: aRedemption(), recordedAt: NOW, decide: () => ({ ok: true, rewards: null }) }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
        'recorded',
      ]);
      await cleanup();
    } finally {
      await client.end();
    }
  });

  it('updates one person’s codes from concurrent syncs without a deadlock', async () => {
    const { store, cleanup } = await freshSql(pool);
    const codes = ['ALEX-7HC2QK', 'ALEXR-7HC2QK', 'ALEXS-7HC2QK', 'ALEXT-7HC2QK'];
    for (const code of codes) await store.upsertAmbassador(aProgram(), anAmbassador({ code }));
    // A sync that registers each of the person's codes at once, three times over.
    const names = ['Alex R.', 'Alex S.', 'Alex T.'];
    const synced = await Promise.allSettled(
      names.flatMap((displayName) =>
        codes.map((code) => store.upsertAmbassador('spring-2026', anAmbassador({ code, displayName }))),
      ),
    );
    expect(synced.filter((sync) => sync.status === 'rejected')).toEqual([]);
    const held = await Promise.all(codes.map((code) => store.ambassadorByCode(code)));
    // Every code reads the same person, whichever update came last.
    expect(new Set(held.map((ambassador) => ambassador?.displayName)).size).toBe(1);
    await cleanup();
  });

  it('registers a new person’s codes at once, and two people taking each other’s codes, without a deadlock', async () => {
    for (let round = 0; round < 5; round++) {
      const { store, cleanup } = await freshSql(pool);
      await store.upsertProgram(aProgram());
      // A new person's first codes, registered at once: every code ends with the same person.
      const codes = ['NEWA-7HC2QK', 'NEWB-7HC2QK', 'NEWC-7HC2QK'];
      await Promise.all(
        codes.map((code, index) =>
          store.upsertAmbassador('spring-2026', anAmbassador({ id: 'amb_new', code, displayName: `Name ${index}` })),
        ),
      );
      const names = await Promise.all(codes.map(async (code) => (await store.ambassadorByCode(code))?.displayName));
      expect(new Set(names).size).toBe(1);
      // Two people, each given a code of the other's at the same moment.
      for (const [id, code] of [
        ['amb_p', 'PAUL-7HC2QK'],
        ['amb_p', 'PAULB-7HC2QK'],
        ['amb_q', 'QUIN-7HC2QK'],
        ['amb_q', 'QUINB-7HC2QK'],
      ] as const)
        await store.upsertAmbassador('spring-2026', anAmbassador({ id, code }));
      const swapped = await Promise.allSettled([
        store.upsertAmbassador('spring-2026', anAmbassador({ id: 'amb_p', code: 'QUINB-7HC2QK' })),
        store.upsertAmbassador('spring-2026', anAmbassador({ id: 'amb_q', code: 'PAULB-7HC2QK' })),
      ]);
      expect(swapped.filter((upsert) => upsert.status === 'rejected')).toEqual([]);
      await cleanup();
    }
  });

  it('migrates an already migrated database without waiting for a commit in flight', async () => {
    const { store, tables, cleanup } = await freshSql(pool);
    const commit = await pool.connect();
    try {
      await commit.query('BEGIN');
      // What a commit holds until it ends: its claim, its code's and customer's rows, its ledger row.
      await commit.query(
        `LOCK TABLE ${tables}idempotency, ${tables}codes, ${tables}customers, ${tables}ledger IN ROW EXCLUSIVE MODE`,
      );
      const migrated = store.migrate().then(() => 'migrated');
      const first = await Promise.race([migrated, delay(2000).then(() => 'still waiting')]);
      await commit.query('COMMIT');
      await migrated;
      expect(first).toBe('migrated');
    } finally {
      commit.release();
      await cleanup();
    }
  });

  it('adds what an upgrade needs while a commit is in flight, without holding the commit back', async () => {
    const { store, tables, cleanup } = await freshSql(pool);
    // A database of a version before these two indexes, one on the claims and one on the ledger.
    await pool.query(`DROP INDEX ${tables}idempotency_age`);
    await pool.query(`DROP INDEX ${tables}ledger_first_orders`);
    const commit = await pool.connect();
    try {
      await commit.query('BEGIN');
      // Shorter than deadlock_timeout (1 s): a commit made to wait for migrate() fails here first.
      await commit.query(`SET LOCAL lock_timeout = '500ms'`);
      // A commit claims its key first and writes the ledger after; migrate() comes in between.
      await commit.query(`LOCK TABLE ${tables}idempotency IN ROW EXCLUSIVE MODE`);
      const migrated = store.migrate();
      await lockAwaited(`${tables}idempotency`);
      await commit.query(`LOCK TABLE ${tables}ledger IN ROW EXCLUSIVE MODE`);
      await commit.query('COMMIT');
      await migrated;
      const indexes = await pool.query('SELECT to_regclass($1) AS age, to_regclass($2) AS first_orders', [
        `${tables}idempotency_age`,
        `${tables}ledger_first_orders`,
      ]);
      expect(indexes.rows[0]).toEqual({
        age: `${tables}idempotency_age`,
        first_orders: `${tables}ledger_first_orders`,
      });
    } finally {
      await commit.query('ROLLBACK').catch(() => {});
      commit.release();
      await cleanup();
    }
  });

  it('reads every figure of one stats answer from one moment of the ledger while redemptions commit', async () => {
    const { tables, cleanup } = await freshSql(pool);
    const { receive, program } = await aReceiver({ store: sqlStore(pool, { prefix: tables }) });
    let orders = 0;
    const redeem = async () => {
      orders++;
      const event = aRedemption({
        id: `evt_interleaved${orders}`,
        orderId: `30${orders}`,
        customer: { id: `c_3${orders}` },
      });
      expect((await receive.handle(await signed(event))).status).toBe(201);
    };
    await redeem();
    // Another receiver's redemption commits after each of the statements stats sends.
    const watched = sqlStore(committingAfterEachStatement(pool, redeem), { prefix: tables });
    try {
      const stats = await watched.stats({ program, now: NOW });
      const byAmbassador = stats.ambassadors.reduce((sum, row) => sum + row.redemptions, 0);
      const byRole = stats.roles.reduce((sum, row) => sum + row.redemptions, 0);
      const byDay = stats.series.reduce((sum, day) => sum + day.redemptions, 0);
      expect(orders).toBeGreaterThan(3);
      expect([byRole, byDay]).toEqual([byAmbassador, byAmbassador]);
    } finally {
      await cleanup();
    }
  });

  it('migrates a new database from several replicas starting at once', async () => {
    const tables = prefix();
    // One pool per replica, as separate processes would connect.
    const replicas = Array.from(
      { length: 4 },
      () => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }),
    );
    try {
      const started = await Promise.allSettled(
        replicas.map((replica) => sqlStore(replica, { prefix: tables }).migrate()),
      );
      expect(started.map((start) => start.status)).toEqual(Array(4).fill('fulfilled'));
      const { receive } = await aReceiver({ store: sqlStore(pool, { prefix: tables }) });
      expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
    } finally {
      await Promise.all(replicas.map((replica) => replica.end()));
      for (const table of TABLES) await pool.query(`DROP TABLE IF EXISTS ${tables}${table}`);
    }
  });
});

describe('sqlStore over an unreachable database', () => {
  it('makes the receiver answer 503 store_unavailable', async () => {
    const { aReceiver, signed } = await import('../testing/receiver-harness.js');
    // Port 1 on loopback refuses connections at once: the store throws on every query.
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: 1,
      user: 'nobody',
      database: 'none',
      connectionTimeoutMillis: 2000,
    });
    try {
      const store = sqlStore(pool);
      const { receive } = await aReceiver({ store: memoryStoreWith(store) });
      const answer = await receive.handle(await signed(aRedemption()));
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'store_unavailable' } } });
    } finally {
      await pool.end();
    }
  });
});

/** A pg Pool whose every statement, on the pool or a connection checked out of it, is followed by `after`. */
function committingAfterEachStatement(pool: pg.Pool, after: () => Promise<void>): SqlClient {
  const then = async <T>(result: T) => {
    await after();
    return result;
  };
  return {
    // sqlStore takes a client with idleCount for a pool, and checks connections out of it for transactions.
    idleCount: 0,
    query: (text: string, params?: unknown[]) => pool.query(text, params).then(then),
    async connect() {
      const connection = await pool.connect();
      return {
        query: (text: string, params?: unknown[]) => connection.query(text, params).then(then),
        release: (error?: Error | boolean) => connection.release(error),
      };
    },
  } as SqlClient;
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The SQL store's commit beside a memory store's registry, so the harness can register Alex. */
function memoryStoreWith(sql: ReturnType<typeof sqlStore>) {
  const registry = memoryStore();
  return { ...registry, commit: sql.commit };
}
