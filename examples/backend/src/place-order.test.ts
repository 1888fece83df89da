/**
 * `placeOrder` with an idempotency key when requests truly race: every insert is held until all of
 * them have passed the look-up, so only the database's UNIQUE key can keep the attempt to one order.
 * On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import type { Program } from '@referkit/events';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SqlClient } from './database.js';
import { demoProgram } from './demo-program.js';
import { type DeliverRedemption, placeOrder } from './place-order.js';
import { saveProgram } from './programs.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

/** Holds each order insert until `count` are waiting, then lets them all go at once. */
function racingInserts(client: SqlClient, count: number): SqlClient {
  const waiting: (() => void)[] = [];
  return {
    async query(text, params) {
      if (text.trimStart().startsWith('INSERT INTO demo_orders')) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === count) for (const go of waiting) go();
        });
      }
      return client.query(text, params);
    },
  };
}

// Orders without a code: nothing is reported, so the race is the orders table's alone.
const noReport: DeliverRedemption = async () => {
  throw new Error('An order without a code has no redemption to report.');
};

describe.each(testDatabases)('placeOrder racing on $kind', (database) => {
  let client: SqlClient;
  let program: Program;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    program = await saveProgram(client, demoProgram(new Date()));
  });

  const tin = (email: string) => ({ email, items: [{ sku: 'sencha-tin', quantity: 1 }] });
  const place = (racing: SqlClient, email: string, key: string) =>
    placeOrder(racing, tin(email), null, program, noReport, key, new Date());

  test('places one order for five requests of one attempt that all pass the look-up first', async () => {
    const racing = racingInserts(client, 5);
    const key = 'key_0123456789abcdef';
    const answers = await Promise.all(Array.from({ length: 5 }, () => place(racing, 'sam@example.com', key)));
    const ids = answers.map((answer) => (answer.ok ? answer.value.order.id : answer.error.code));
    expect(new Set(ids).size).toBe(1);
    expect(answers.every((answer) => answer.ok && answer.status === 201)).toBe(true);
    const { rows } = await client.query('SELECT id FROM demo_orders');
    expect(rows).toEqual([{ id: ids[0] }]);
  });

  test('answers a racing request of the same key for another email with 409, and places one order', async () => {
    const racing = racingInserts(client, 2);
    const key = 'key_fedcba9876543210';
    const answers = await Promise.all([place(racing, 'sam@example.com', key), place(racing, 'lee@example.com', key)]);
    const outcomes = answers.map((answer) => (answer.ok ? answer.status : `${answer.status} ${answer.error.code}`));
    expect(outcomes.sort()).toEqual([201, '409 idempotency_conflict']);
    const { rows } = await client.query('SELECT id FROM demo_orders');
    expect(rows).toHaveLength(1);
  });
});
