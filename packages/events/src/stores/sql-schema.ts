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

/**
 * One object of the store's schema: what it `creates` (a table's or an index's name, or
 * `table.column` for a column added later), and the DDL that creates it, safe to run again.
 */
export interface SchemaStep {
  creates: string;
  ddl: string;
}

/**
 * The store's schema, in the order `migrate()` creates what is missing. After the tables, the
 * additions to existing ones follow the order a commit takes its tables in (the claims, then the
 * ambassadors, then the ledger): an upgrade holding the ledger while it waits for a commit that
 * holds the claims, and is about to write the ledger, would deadlock with it.
 */
export function schema(p: string): SchemaStep[] {
  return [
    {
      creates: `${p}programs`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}programs (id text PRIMARY KEY, data jsonb NOT NULL)`,
    },
    {
      creates: `${p}ambassadors`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}ambassadors (code text PRIMARY KEY, program text NOT NULL, data jsonb NOT NULL)`,
    },
    {
      creates: `${p}idempotency`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}idempotency (
       key text PRIMARY KEY, fingerprint text NOT NULL, rewards jsonb, created_at timestamptz NOT NULL)`,
    },
    {
      creates: `${p}codes`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}codes (program text NOT NULL, code text NOT NULL, touched bigint NOT NULL DEFAULT 0, PRIMARY KEY (program, code))`,
    },
    // Lock rows only, like codes: one per customer identity (`id:…`, `email:…`) that has redeemed.
    {
      creates: `${p}customers`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}customers (program text NOT NULL, customer text NOT NULL, touched bigint NOT NULL DEFAULT 0, PRIMARY KEY (program, customer))`,
    },
    {
      creates: `${p}ledger`,
      ddl: `CREATE TABLE IF NOT EXISTS ${p}ledger (
       seq bigserial PRIMARY KEY, id text NOT NULL, type text NOT NULL, program text NOT NULL, code text NOT NULL,
       channel text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, order_id text,
       total bigint NOT NULL DEFAULT 0, discount bigint NOT NULL DEFAULT 0, customer_id text, customer_email_hash text,
       repeat boolean NOT NULL DEFAULT false, rewards jsonb, fingerprint text NOT NULL, reversed_at timestamptz)`,
    },
    {
      creates: `${p}idempotency_age`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}idempotency_age ON ${p}idempotency (created_at)`,
    },
    // The codes of one person, which an update of the person reaches.
    {
      creates: `${p}ambassadors_person`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ambassadors_person ON ${p}ambassadors (program, (data ->> 'id'))`,
    },
    // The customer identity stats count a redemption under: that of the customer's earliest row matched
    // by id or email hash. A column added after the first release: older rows read their own identity.
    { creates: `${p}ledger.customer`, ddl: `ALTER TABLE ${p}ledger ADD COLUMN IF NOT EXISTS customer text` },
    // A leader's retention reward, and when it was taken back with the first order that made its customer a
    // member while its own order stands. Rows recorded before these columns read as no retention reward.
    {
      creates: `${p}ledger.retention`,
      ddl: `ALTER TABLE ${p}ledger ADD COLUMN IF NOT EXISTS retention boolean NOT NULL DEFAULT false`,
    },
    {
      creates: `${p}ledger.grant_reversed_at`,
      ddl: `ALTER TABLE ${p}ledger ADD COLUMN IF NOT EXISTS grant_reversed_at timestamptz`,
    },
    // Permanent: one order redeems once, even after its idempotency key is pruned.
    {
      creates: `${p}ledger_redemption`,
      ddl: `CREATE UNIQUE INDEX IF NOT EXISTS ${p}ledger_redemption ON ${p}ledger (program, order_id) WHERE type = 'redemption'`,
    },
    {
      creates: `${p}ledger_code`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_code ON ${p}ledger (program, code, occurred_at)`,
    },
    {
      creates: `${p}ledger_customer`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_customer ON ${p}ledger (program, customer_id) WHERE customer_id IS NOT NULL`,
    },
    {
      creates: `${p}ledger_email`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_email ON ${p}ledger (program, customer_email_hash) WHERE customer_email_hash IS NOT NULL`,
    },
    {
      creates: `${p}ledger_time`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_time ON ${p}ledger (program, occurred_at)`,
    },
    // Stats find the redemptions of an ambassador's customers by it (the expression, as sql-totals writes it).
    {
      creates: `${p}ledger_customer_of`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_customer_of ON ${p}ledger (program, (${CUSTOMER})) WHERE type = 'redemption'`,
    },
    // A redemption counts an ambassador's first orders up to the program's highest threshold: this finds
    // them, and the confirmed ones, without reading the code's landings, shares and repeat orders.
    {
      creates: `${p}ledger_first_orders`,
      ddl: `CREATE INDEX IF NOT EXISTS ${p}ledger_first_orders ON ${p}ledger (program, code, ${CONFIRMS_AT}) WHERE ${STANDING_FIRST_ORDER}`,
    },
  ];
}
