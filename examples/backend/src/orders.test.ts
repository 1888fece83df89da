/**
 * The orders table's idempotency key, on PGlite in memory and on PostgreSQL when DATABASE_URL is set:
 * the database, not the code before it, lets one order in per key; and a table made before the
 * column existed keeps its orders.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { SqlClient } from './database.js';
import { migrateDemoTables } from './demo-tables.js';
import {
  insertOrder,
  orderById,
  orderByIdempotencyKey,
  type ShopOrder,
  settleReport,
  settleReversal,
} from './orders.js';
import { aShopOrder } from './testing/shop-order.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

let run = 0;
const anOrder = (order: Partial<ShopOrder> = {}): ShopOrder =>
  aShopOrder({
    id: `ord_test_${run++}`,
    code: null,
    discount: 0,
    total: 4800,
    report: null,
    createdAt: new Date().toISOString(),
    ...order,
  });

describe.each(testDatabases)('the orders table on $kind', (database) => {
  let client: SqlClient;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    await client.query(`INSERT INTO demo_programs (id, program) VALUES ('fernwood-friends', '{}')`);
  });

  test('lets one of ten racing inserts with one idempotency key in', async () => {
    const key = 'key_0123456789abcdef';
    const inserted = await Promise.all(
      Array.from({ length: 10 }, () => insertOrder(client, anOrder({ idempotencyKey: key }))),
    );
    expect(inserted.filter(Boolean)).toHaveLength(1);
    const { rows } = await client.query('SELECT id FROM demo_orders WHERE idempotency_key = $1', [key]);
    expect(rows).toHaveLength(1);
    expect((await orderByIdempotencyKey(client, key))?.id).toBe((rows[0] as { id: string }).id);
  });

  test('takes any number of orders without a key', async () => {
    const inserted = await Promise.all([insertOrder(client, anOrder()), insertOrder(client, anOrder())]);
    expect(inserted).toEqual([true, true]);
  });

  test('keeps the orders of a table made before the key existed, and adds the key to it', async () => {
    // The table as the demo made it before: no idempotency_key, no refusal.
    await client.query('ALTER TABLE demo_orders DROP COLUMN idempotency_key, DROP COLUMN refusal');
    await client.query(
      `INSERT INTO demo_orders (id, program, customer_id, email_hash, currency, subtotal, discount, total,
         first_order, items, status)
       VALUES ('ord_old', 'fernwood-friends', 'cus_old', $1, 'USD', 4800, 0, 4800, true, '[]', 'placed')`,
      ['b'.repeat(64)],
    );
    await migrateDemoTables(client);
    expect(await orderById(client, 'ord_old')).toMatchObject({ idempotencyKey: null, refusal: null, total: 4800 });
    const key = 'key_fedcba9876543210';
    expect(await insertOrder(client, anOrder({ idempotencyKey: key }))).toBe(true);
    expect(await insertOrder(client, anOrder({ idempotencyKey: key }))).toBe(false);
  });

  test('lets a report and a reversal fail in a table made before they could', async () => {
    // The checks as the demo made them before a report could fail.
    await client.query(
      `ALTER TABLE demo_orders DROP CONSTRAINT demo_orders_report_check, DROP CONSTRAINT demo_orders_reversal_check,
         ADD CONSTRAINT demo_orders_report_check CHECK (report IN ('pending', 'recorded', 'refused')),
         ADD CONSTRAINT demo_orders_reversal_check CHECK (reversal IN ('pending', 'recorded', 'refused'))`,
    );
    await insertOrder(client, anOrder({ id: 'ord_failing', code: 'ALEX-7HC2QK', report: 'pending' }));
    await migrateDemoTables(client);
    await settleReport(client, 'ord_failing', 'failed');
    await settleReversal(client, 'ord_failing', 'failed');
    expect(await orderById(client, 'ord_failing')).toMatchObject({ report: 'failed', reversal: 'failed' });
    await expect(client.query(`UPDATE demo_orders SET report = 'lost' WHERE id = 'ord_failing'`)).rejects.toThrow();
  });
});
