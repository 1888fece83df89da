/**
 * One redemption of an ambassador with a large following, as their own first orders grow from 1,000
 * to 10,000 and 40,000 (half of them past the reward hold), on the memory store, PGlite and, when
 * DATABASE_URL is set, PostgreSQL. The program has a tier at 10 first orders, so each redemption
 * reads how many of theirs are recorded and confirmed. Budget: the redemption at 40,000 within 2×
 * the one at 1,000 (stores count up to the program's highest threshold, not every order).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  createReceiver,
  memoryStore,
  type ReferralStore,
  type SqlClient,
  sqlStore,
} from '../packages/events/src/index.js';
import { medianMs } from './median-ms.js';
import { ambassadors, program } from './program.js';

const NOW = new Date('2026-11-22T10:00:12.000Z');
/** Past the program's 14-day hold at NOW. */
const MONTH_AGO = new Date(NOW.getTime() - 30 * 86_400_000);
const PREFIX = 'bench_busy_';
const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
const busy = ambassadors[0] as (typeof ambassadors)[number];
const SIZES = [1_000, 10_000, 40_000];

/** A receiver of the busy ambassador's redemptions, at a clock the caller moves. */
function receiverOver(store: ReferralStore, clock: { now: Date }) {
  return createReceiver({
    programs: [program],
    store,
    now: () => clock.now,
    resolveCode: (code) => (code === busy.code ? busy : null),
    confirmOrder: () => true,
  });
}

let sent = 0;
/** A first order of a new customer with the busy ambassador's code. */
async function redeem(receiver: ReturnType<typeof receiverOver>, at: Date) {
  const index = sent++;
  const answer = await receiver.handle({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      v: 1,
      id: `evt_busy${String(index).padStart(12, '0')}`,
      type: 'redemption',
      program: program.id,
      code: busy.code,
      occurredAt: at.toISOString(),
      orderId: `busy-${index}`,
      order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
      customer: { id: `c_busy_${index}`, firstOrder: true },
    }),
  });
  if (answer.status !== 201) throw new Error(`redeem: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * Grows the busy ambassador's first orders to `size`: through the receiver in memory; in SQL by copying
 * the first 1,000 rows (received through the receiver into a fresh table: `seq` 1 to 1,000) under new
 * ids, orders and customers.
 */
type Grow = (size: number) => Promise<void>;

async function measure(name: string, store: ReferralStore, grow: Grow) {
  await store.migrate();
  await store.upsertAmbassador(program, busy);
  const clock = { now: MONTH_AGO };
  const receiver = receiverOver(store, clock);
  const rows: Record<string, string>[] = [];
  let base = 0;
  for (const size of SIZES) {
    await grow(size);
    clock.now = NOW;
    const ms = await medianMs(() => redeem(receiver, NOW), 21);
    base ||= ms;
    rows.push({
      store: name,
      'first orders': size.toLocaleString('en-US'),
      'one redemption (ms)': ms.toFixed(2),
      '× at 1,000': (ms / base).toFixed(2),
    });
  }
  const ratio = Number(rows.at(-1)?.['× at 1,000']);
  console.log(
    `${name}: a redemption at 40,000 first orders ${ratio}× at 1,000 — budget 2×: ${ratio <= 2 ? 'met' : 'NOT MET'}`,
  );
  return rows;
}

/** In memory every order goes through the receiver: half a month ago (confirmed by now), half now. */
function growInMemory(store: ReferralStore): Grow {
  const receiver = receiverOver(store, { now: NOW });
  const earlier = receiverOver(store, { now: MONTH_AGO });
  let held = 0;
  return async (size) => {
    for (; held < size; held++) await redeem(held % 2 ? receiver : earlier, held % 2 ? NOW : MONTH_AGO);
  };
}

function growInSql(client: SqlClient, store: ReferralStore): Grow {
  let held = 0;
  let copies = 0;
  return async (size) => {
    if (held === 0) await growInMemory(store)(1_000);
    held = Math.max(held, 1_000);
    const more = (size - held) / 1_000;
    if (more > 0) {
      await client.query(
        `INSERT INTO ${PREFIX}ledger (id, type, program, code, channel, occurred_at, recorded_at, order_id, total, discount,
           customer_id, customer_email_hash, repeat, rewards, fingerprint, reversed_at, customer)
         SELECT id || '#' || copy, type, program, code, channel, occurred_at, recorded_at, order_id || '#' || copy,
           total, discount, customer_id || '#' || copy, customer_email_hash, repeat, rewards, fingerprint, reversed_at,
           customer || '#' || copy
         FROM ${PREFIX}ledger, generate_series($1::int, $2::int) AS copy WHERE seq <= 1000`,
        [copies + 1, copies + more],
      );
      copies += more;
      held = size;
    }
    await client.query(`VACUUM ANALYZE ${PREFIX}ledger`);
  };
}

async function dropTables(client: SqlClient) {
  for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${PREFIX}${table}`);
}

const memory = memoryStore();
const table = await measure('memory', memory, growInMemory(memory));

const lite = new PGlite();
const liteStore = sqlStore(lite, { prefix: PREFIX });
table.push(...(await measure('PGlite', liteStore, growInSql(lite, liteStore))));
await lite.close();

if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await dropTables(pool);
    const store = sqlStore(pool, { prefix: PREFIX });
    table.push(...(await measure('PostgreSQL', store, growInSql(pool, store))));
  } finally {
    await dropTables(pool);
    await pool.end();
  }
} else console.log('PostgreSQL skipped: set DATABASE_URL to measure it too.');
console.table(table);
