/**
 * The demo brand's own tables, beside the ledger that `sqlStore` owns: its programs, the
 * ambassadors who signed up, and its orders. Plain SQL that runs on PGlite and PostgreSQL alike.
 */
import type { SqlClient } from './database.js';
import { ORDER_REPORTS } from './orders.js';

/** The start of every table's name the demo creates: the ledger's (`sqlStore`'s default) and its own. */
export const DEMO_TABLE_PREFIXES = ['referkit_', 'demo_'] as const;

/** Creates the demo's tables if they are missing. */
export async function migrateDemoTables(client: SqlClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS demo_programs (
    id text PRIMARY KEY,
    program jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await client.query(`CREATE TABLE IF NOT EXISTS demo_ambassadors (
    code text PRIMARY KEY,
    program text NOT NULL REFERENCES demo_programs (id),
    ambassador jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  // One ambassador per email in a program: the hash of the email they signed up with (`hashEmail`,
  // also in their JSON), unique, so two sign-ups racing on two connections let one in. Null without
  // an email (NULLs never collide).
  await client.query('ALTER TABLE demo_ambassadors ADD COLUMN IF NOT EXISTS email_hash text');
  // A table from before the column holds the hashes in the JSON only, maybe one under two ambassadors
  // (nothing refused that then): each email goes to the oldest who holds it, and the others keep their
  // code and page, without it. Rows already done are skipped, so every start runs it in no time.
  await client.query(`UPDATE demo_ambassadors AS one SET email_hash = one.ambassador->>'emailHash'
    WHERE one.email_hash IS NULL AND one.ambassador->>'emailHash' IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM demo_ambassadors AS other
        WHERE other.program = one.program AND other.ambassador->>'emailHash' = one.ambassador->>'emailHash'
          AND (other.created_at, other.code) < (one.created_at, one.code))`);
  await client.query(
    'CREATE UNIQUE INDEX IF NOT EXISTS demo_ambassadors_email ON demo_ambassadors (program, email_hash)',
  );
  await client.query(`CREATE TABLE IF NOT EXISTS demo_orders (
    id text PRIMARY KEY,
    program text NOT NULL REFERENCES demo_programs (id),
    customer_id text NOT NULL,
    email_hash text NOT NULL,
    code text,
    currency text NOT NULL,
    subtotal integer NOT NULL,
    discount integer NOT NULL,
    total integer NOT NULL,
    first_order boolean NOT NULL,
    items jsonb NOT NULL,
    attribution jsonb,
    status text NOT NULL CHECK (status IN ('placed', 'refused')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await client.query('CREATE INDEX IF NOT EXISTS demo_orders_customer ON demo_orders (customer_id, status)');
  // Where the order's signed redemption stands: null without a referral, 'pending' until the receiver
  // gives a verdict. Kept with the order, so a redemption queued when the process stops is sent on the next start.
  await client.query(
    `ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS report text CHECK (report IN (${REPORT_STATES}))`,
  );
  // The checkout attempt's Idempotency-Key: UNIQUE, so one attempt places at most one order even when
  // its POSTs race on several connections. Null for a request without one (NULLs never collide), and
  // for every order placed before the column existed.
  await client.query('ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS idempotency_key text UNIQUE');
  // Why the program refused the order (`{ code, message, issues? }`): what a repeated attempt is told again.
  await client.query('ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS refusal jsonb');
  // When the shop refunded the order; null until then. Set once: the refund's UPDATE requires it null.
  await client.query('ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS refunded_at timestamptz');
  // Where the refund's signed reversal stands, like `report` for the redemption: null when there is no
  // reward to take back, 'pending' until the receiver gives a verdict, sent only once `report` is recorded.
  await client.query(
    `ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS reversal text CHECK (reversal IN (${REPORT_STATES}))`,
  );
  // Whether the order's redemption earned the ambassador a reward, from the receiver's answer: a
  // refund of one that earned none reverses its redemption, and no reward. Null until it answered.
  await client.query('ALTER TABLE demo_orders ADD COLUMN IF NOT EXISTS ambassador_rewarded boolean');
  // A table made before a report could be `failed` keeps its narrower checks until they are replaced.
  await widenReportCheck(client, 'report');
  await widenReportCheck(client, 'reversal');
  // The orders page lists the newest first.
  await client.query('CREATE INDEX IF NOT EXISTS demo_orders_created ON demo_orders (created_at DESC)');
}

const REPORT_STATES = ORDER_REPORTS.map((state) => `'${state}'`).join(', ');

/** Replaces a report column's check (PostgreSQL names it `<table>_<column>_check`) when it lacks a state. */
async function widenReportCheck(client: SqlClient, column: 'report' | 'reversal'): Promise<void> {
  const name = `demo_orders_${column}_check`;
  const { rows } = await client.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = 'demo_orders'::regclass AND conname = $1`,
    [name],
  );
  const definition = rows[0]?.definition ?? '';
  if (ORDER_REPORTS.every((state) => definition.includes(`'${state}'`))) return;
  await client.query(
    `ALTER TABLE demo_orders DROP CONSTRAINT IF EXISTS ${name}, ADD CONSTRAINT ${name} CHECK (${column} IN (${REPORT_STATES}))`,
  );
}
