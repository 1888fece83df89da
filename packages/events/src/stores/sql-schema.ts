/** The SQL store's tables, prefixed so that several stores or test runs can share one schema. */

/**
 * The customer identity a ledger row is counted under: the `customer` column (the customer's
 * earliest row's identity), else, for rows written before that column, the row's own.
 */
export const CUSTOMER_OF_ROW = `coalesce(customer, 'id:' || customer_id, 'email:' || customer_email_hash)`;
/** As `CUSTOMER_OF_ROW`; an order without a customer counts as a customer of its own, as in `ledgerTotals`. */
export const CUSTOMER = `coalesce(${CUSTOMER_OF_ROW}, 'order:' || order_id)`;

/** When a row's ambassador reward is confirmed, as canonical ISO text (which compares as time); null without one. */
export const CONFIRMS_AT = `(rewards -> 'ambassador' ->> 'confirmsAt')`;
/** The rows caps, tiers and the promotion count: first-order redemptions not reversed. */
export const STANDING_FIRST_ORDER = `type = 'redemption' AND NOT repeat AND reversed_at IS NULL`;

/** The DDL statements of the store, safe to run again (`IF NOT EXISTS`). */
export function schema(p: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${p}programs (id text PRIMARY KEY, data jsonb NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${p}ambassadors (code text PRIMARY KEY, program text NOT NULL, data jsonb NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${p}idempotency (
       key text PRIMARY KEY, fingerprint text NOT NULL, rewards jsonb, created_at timestamptz NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${p}codes (program text NOT NULL, code text NOT NULL, touched bigint NOT NULL DEFAULT 0, PRIMARY KEY (program, code))`,
    // Lock rows only, like codes: one per customer identity (`id:…`, `email:…`) that has redeemed.
    `CREATE TABLE IF NOT EXISTS ${p}customers (program text NOT NULL, customer text NOT NULL, touched bigint NOT NULL DEFAULT 0, PRIMARY KEY (program, customer))`,
    `CREATE TABLE IF NOT EXISTS ${p}ledger (
       seq bigserial PRIMARY KEY, id text NOT NULL, type text NOT NULL, program text NOT NULL, code text NOT NULL,
       channel text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, order_id text,
       total bigint NOT NULL DEFAULT 0, discount bigint NOT NULL DEFAULT 0, customer_id text, customer_email_hash text,
       repeat boolean NOT NULL DEFAULT false, rewards jsonb, fingerprint text NOT NULL, reversed_at timestamptz)`,
    // The customer identity stats count a redemption under: that of the customer's earliest row matched
    // by id or email hash. A column added after the first release: older rows read their own identity.
    `ALTER TABLE ${p}ledger ADD COLUMN IF NOT EXISTS customer text`,
    // Permanent: one order redeems once, even after its idempotency key is pruned.
    `CREATE UNIQUE INDEX IF NOT EXISTS ${p}ledger_redemption ON ${p}ledger (program, order_id) WHERE type = 'redemption'`,
    `CREATE INDEX IF NOT EXISTS ${p}ledger_code ON ${p}ledger (program, code, occurred_at)`,
    `CREATE INDEX IF NOT EXISTS ${p}ledger_customer ON ${p}ledger (program, customer_id) WHERE customer_id IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS ${p}ledger_email ON ${p}ledger (program, customer_email_hash) WHERE customer_email_hash IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS ${p}ledger_time ON ${p}ledger (program, occurred_at)`,
    // Stats find the redemptions of an ambassador's customers by it (the expression, as sql-totals writes it).
    `CREATE INDEX IF NOT EXISTS ${p}ledger_customer_of ON ${p}ledger (program, (${CUSTOMER})) WHERE type = 'redemption'`,
    // A redemption counts an ambassador's first orders up to the program's highest threshold: this finds
    // them, and the confirmed ones, without reading the code's landings, shares and repeat orders.
    `CREATE INDEX IF NOT EXISTS ${p}ledger_first_orders ON ${p}ledger (program, code, ${CONFIRMS_AT}) WHERE ${STANDING_FIRST_ORDER}`,
    `CREATE INDEX IF NOT EXISTS ${p}idempotency_age ON ${p}idempotency (created_at)`,
    // The codes of one person, which an update of the person reaches.
    `CREATE INDEX IF NOT EXISTS ${p}ambassadors_person ON ${p}ambassadors (program, (data ->> 'id'))`,
  ];
}
