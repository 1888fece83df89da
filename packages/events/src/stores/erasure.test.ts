/** Erasing a customer on memory, PGlite (in memory), and PostgreSQL when DATABASE_URL is set. */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasureSuite } from '../testing/erasure-suite.js';
import { aRedemption } from '../testing/fixtures.js';
import { reachableStrings } from '../testing/reachable-strings.js';
import { aReceiver, signed } from '../testing/receiver-harness.js';
import { memoryStore } from './memory-store.js';
import { type SqlClient, type SqlQueryable, sqlStore } from './sql-store.js';

const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
let run = 0;
const prefix = () => `rkerase${process.pid}_${Date.now().toString(36)}_${run++}_`;

/** The `table.column`s of the store's tables whose text or JSON holds `needle`: every column that can hold one. */
async function sqlPlaces(db: SqlQueryable, tables: string, needle: string): Promise<string[]> {
  const columns = await db.query(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() AND starts_with(table_name, $1) AND data_type IN ('text', 'jsonb', 'json', 'character varying')
     ORDER BY 1, 2`,
    [tables],
  );
  const places: string[] = [];
  for (const { table, column } of columns.rows as { table: string; column: string }[]) {
    const found = await db.query(`SELECT count(*) AS n FROM ${table} WHERE strpos(${column}::text, $1) > 0`, [needle]);
    if (Number((found.rows[0] as { n: unknown }).n) > 0) places.push(`${table}.${column}`);
  }
  return places;
}

async function freshSql(client: SqlClient) {
  const tables = prefix();
  const store = sqlStore(client, { prefix: tables });
  await store.migrate();
  return {
    store,
    tables,
    stored: (needle: string) => sqlPlaces(client, tables, needle),
    cleanup: async () => {
      for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${tables}${table}`);
    },
  };
}

describe('memoryStore', () => {
  erasureSuite(async () => {
    const store = memoryStore();
    return {
      store,
      stored: async (needle) => reachableStrings(store).filter((kept) => kept.includes(needle)),
      cleanup: async () => {},
    };
  });
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

  erasureSuite(() => freshSql(db));
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

  erasureSuite(() => freshSql(pool));

  it('ends an erasure racing a customer’s orders with each order under the pseudonym or a new customer’s, none lost', async () => {
    const { store, tables, cleanup } = await freshSql(pool);
    try {
      const { receive } = await aReceiver({ store });
      for (let round = 0; round < 12; round++) {
        const customer = `c_race${round}`;
        // Orders the shop does not mark: the ledger decides which is the customer's first. The last one
        // brings an email the erasure has not seen, which it must lock too when it finds the order.
        const redeem = (n: number) =>
          aRedemption({
            id: `evt_raceOrder${round}x${n}`,
            orderId: `race-${round}-${n}`,
            occurredAt: `2026-11-22T09:0${n}:00.000Z`,
            customer: n === 2 ? { id: customer, emailHash: (round + 16).toString(16).repeat(32) } : { id: customer },
            order: { currency: 'USD', subtotal: 4000, discount: 0, total: 4000 },
          });
        expect((await receive.handle(await signed(redeem(0)))).status).toBe(201);
        // Two more orders of the customer and one erasure of them, sent at once.
        const [erased, ...orders] = await Promise.all([
          store.eraseCustomer({ program: 'spring-2026', id: customer }),
          ...[1, 2].map(async (n) => receive.handle(await signed(redeem(n)))),
        ]);
        expect([erased.ok, ...orders.map((answer) => answer.status)]).toEqual([true, 201, 201]);
        const rows = await pool.query(
          `SELECT order_id, customer_id, customer, repeat FROM ${tables}ledger WHERE starts_with(order_id, $1) ORDER BY seq`,
          [`race-${round}-`],
        );
        const [first, ...next] = rows.rows as {
          order_id: string;
          customer_id: string;
          customer: string;
          repeat: boolean;
        }[];
        // The first order is erased; each later one is either erased with it, or a new customer's, whose
        // first order here is not a repeat of the erased one.
        expect(first?.customer_id).toMatch(/^erased:/);
        expect(first?.customer).toBe(`id:${first?.customer_id}`);
        const kept = next.filter((row) => row.customer_id === customer);
        for (const row of next)
          expect(row.customer).toBe(row.customer_id === customer ? `id:${customer}` : first?.customer);
        if (kept.length > 0) expect(kept[0]?.repeat).toBe(false);
        expect(rows.rows.length).toBe(3);
      }
    } finally {
      await cleanup();
    }
  }, 60_000);
});
