/**
 * The databases the backend's own tests run on: PGlite in memory always, and PostgreSQL when
 * DATABASE_URL is set (CI sets it), each test file in a fresh schema dropped afterwards.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type SqlClient } from '../database.js';

/** Which database a test runs on. */
export type TestDatabase = { kind: 'pglite' } | { kind: 'postgres'; url: string };

/** PGlite, and PostgreSQL when DATABASE_URL is set. */
export const testDatabases: TestDatabase[] = [
  { kind: 'pglite' },
  ...(process.env.DATABASE_URL ? [{ kind: 'postgres' as const, url: process.env.DATABASE_URL }] : []),
];

let opened = 0;

/** Opens a test database; `close` removes every trace of it. */
export async function openTestDatabase(database: TestDatabase): Promise<{ client: SqlClient; close(): Promise<void> }> {
  if (database.kind === 'pglite') {
    const db = new PGlite();
    await db.waitReady;
    return {
      client: { query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }) },
      close: () => db.close(),
    };
  }
  const schema = `demo_test_${process.pid}_${Date.now().toString(36)}_${opened++}`;
  const { client, close } = await openDatabase({ databaseUrl: database.url, schema });
  return {
    client,
    close: async () => {
      await close();
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
