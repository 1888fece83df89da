/**
 * Bringing a database up to the SQL store's schema, as every replica does when it starts. A database
 * that has it all is only read: the catalog says what exists, and nothing else runs. `IF NOT EXISTS`
 * alone still locks: `ALTER TABLE … ADD COLUMN IF NOT EXISTS` takes the whole table (ACCESS EXCLUSIVE)
 * and `CREATE INDEX IF NOT EXISTS` its table (SHARE) before finding the name taken, so a replica
 * starting during traffic held commits back for as long as one took, and deadlocked with some.
 */
import { type SchemaStep, schema } from './sql-schema.js';
import type { SqlQueryable } from './sql-store.js';

/**
 * PostgreSQL's codes for a migration to run again: a name another session created first
 * (unique_violation, duplicate_table, duplicate_object), and deadlock_detected, whose transaction
 * rolled back whole.
 */
const AGAIN = new Set(['23505', '42P07', '42710', '40P01']);
const ATTEMPTS = 5;

/** Runs in one transaction the steps of the store's schema (tables prefixed `p`) the database lacks. */
export async function migrateSql(
  db: SqlQueryable,
  transaction: (run: (tx: SqlQueryable) => Promise<void>) => Promise<void>,
  p: string,
): Promise<void> {
  // Replicas starting together on a new database all find it empty and create at once: the loser of
  // a race for a name fails with a duplicate, its transaction rolled back, and the winner's objects
  // are there by then, so it reads the catalog again.
  for (let attempt = 1; ; attempt++) {
    const missing = await missingSteps(db, p);
    if (missing.length === 0) return;
    try {
      await transaction(async (tx) => {
        for (const step of missing) await tx.query(step.ddl);
      });
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !AGAIN.has((error as { code?: unknown } | null)?.code as string)) throw error;
    }
  }
}

/**
 * The steps whose table, index or column is not in the schema the store creates in (the first of the
 * search path). Read from pg_class and pg_attribute, which takes no lock on the store's tables.
 */
async function missingSteps(db: SqlQueryable, p: string): Promise<SchemaStep[]> {
  const steps = schema(p);
  const relations = [...new Set(steps.map((step) => step.creates.split('.')[0]))];
  const found = await db.query(
    `SELECT relname AS name FROM pg_class
     WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND relname = ANY($1)
     UNION ALL
     SELECT relname || '.' || attname FROM pg_class JOIN pg_attribute ON attrelid = pg_class.oid
     WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND relname = ANY($1)
       AND attnum > 0 AND NOT attisdropped`,
    [relations],
  );
  const present = new Set((found.rows as { name: string }[]).map((row) => row.name));
  return steps.filter((step) => !present.has(step.creates));
}
