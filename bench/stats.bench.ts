/**
 * One ambassador's stats (what the widget asks `GET …/ambassadors/:code/stats` for on every share
 * panel) as the program's ledger grows around them: the same ambassador, the same ten orders, in a
 * ledger of 1,000, 10,000 and 100,000 rows, on PGlite and, when DATABASE_URL is set, PostgreSQL.
 * Budget: the call at 100,000 rows within 2× the call at 1,000 (it reads the ambassador's customers,
 * not the program). The whole program's stats are printed beside it for scale.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createReceiver, type SqlClient, sqlStore } from '../packages/events/src/index.js';
import { medianMs } from './median-ms.js';
import { ambassadors, program } from './program.js';

const NOW = new Date('2026-11-22T10:00:12.000Z');
const PREFIX = 'bench_stats_';
const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
const watched = ambassadors[3]?.code as string;

/** 1,000 redemptions through the receiver: 700 first orders, then 300 repeat orders of the same customers. */
async function seed(client: SqlClient) {
  for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${PREFIX}${table}`);
  const store = sqlStore(client, { prefix: PREFIX });
  await store.migrate();
  for (const ambassador of ambassadors) await store.upsertAmbassador(program, ambassador);
  const byCode = new Map(ambassadors.map((ambassador) => [ambassador.code, ambassador]));
  const receiver = createReceiver({
    programs: [program],
    store,
    now: () => NOW,
    resolveCode: (code) => byCode.get(code) ?? null,
    confirmOrder: () => true,
  });
  for (let index = 0; index < 1000; index++) {
    const first = index < 700;
    const answer = await receiver.handle({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        v: 1,
        id: `evt_bench${String(index).padStart(12, '0')}`,
        type: 'redemption',
        program: program.id,
        code: ambassadors[index % ambassadors.length]?.code,
        occurredAt: '2026-11-20T10:00:00.000Z',
        orderId: `order-${index}`,
        order: { currency: 'USD', subtotal: 5999, discount: first ? 900 : 0, total: first ? 5099 : 5999 },
        customer: { id: `c_${index % 700}`, firstOrder: first },
      }),
    });
    if (answer.status !== 201) throw new Error(`seed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return store;
}

/** Copies the seeded rows `copies` more times under other codes and customers: the rest of the program. */
async function grow(client: SqlClient, from: number, to: number) {
  await client.query(
    `INSERT INTO ${PREFIX}ledger (id, type, program, code, channel, occurred_at, recorded_at, order_id, total, discount,
       customer_id, customer_email_hash, repeat, rewards, fingerprint, reversed_at, customer)
     SELECT id || '#' || copy, type, program, code || '#' || copy, channel, occurred_at, recorded_at, order_id || '#' || copy,
       total, discount, customer_id || '#' || copy, customer_email_hash, repeat, rewards, fingerprint, reversed_at, customer || '#' || copy
     FROM ${PREFIX}ledger, generate_series($1::int, $2::int) AS copy WHERE id NOT LIKE '%#%'`,
    [from, to],
  );
  await client.query(`ANALYZE ${PREFIX}ledger`);
}

async function measure(name: string, client: SqlClient) {
  const store = await seed(client);
  await client.query(`ANALYZE ${PREFIX}ledger`);
  const rows: Record<string, string>[] = [];
  let base = 0;
  for (const [from, to] of [
    [0, -1],
    [1, 9],
    [10, 99],
  ] as const) {
    if (to >= from) await grow(client, from, to);
    const one = await medianMs(() => store.stats({ program, code: watched, now: NOW }), 9);
    const whole = await medianMs(() => store.stats({ program, now: NOW }), 3);
    base ||= one;
    const { rows: counted } = await client.query(`SELECT count(*) AS n FROM ${PREFIX}ledger`);
    rows.push({
      store: name,
      'ledger rows': Number((counted[0] as { n: unknown }).n).toLocaleString('en-US'),
      'one ambassador (ms)': one.toFixed(1),
      '× at 1,000': (one / base).toFixed(2),
      'whole program (ms)': whole.toFixed(1),
    });
  }
  for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${PREFIX}${table}`);
  const ratio = Number(rows.at(-1)?.['× at 1,000']);
  console.log(
    `${name}: one ambassador's stats at 100,000 rows ${ratio}× at 1,000 — budget 2×: ${ratio <= 2 ? 'met' : 'NOT MET'}`,
  );
  return rows;
}

const table = await measure('PGlite', new PGlite());
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    table.push(...(await measure('PostgreSQL', pool)));
  } finally {
    await pool.end();
  }
} else console.log('PostgreSQL skipped: set DATABASE_URL to measure it too.');
console.table(table);
