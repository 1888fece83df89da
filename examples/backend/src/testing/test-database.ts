/**
 * The databases the backend's own tests run on: PGlite in memory always, and PostgreSQL when
 * DATABASE_URL is set (CI sets it), each test file in a fresh schema dropped afterwards.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, pgliteClient, type SqlClient } from '../database.js';
import { migrateDemoTables } from '../demo-tables.js';

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
    return { client: pgliteClient(db), close: () => db.close() };
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

/**
 * Registers a test file's hooks for one database: opened once for the file (starting the WASM
 * Postgres takes seconds on a busy machine) and closed after it, with the demo's tables made afresh
 * before each test. Returns the client, to read inside a test or a later hook.
 */
export function freshDemoTables(database: TestDatabase): () => SqlClient {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase(database);
  }, 60_000);
  afterAll(() => opened?.close());
  const client = () => (opened as NonNullable<typeof opened>).client;
  beforeEach(async () => {
    await client().query('DROP TABLE IF EXISTS demo_orders, demo_ambassadors, demo_programs');
    await migrateDemoTables(client());
  });
  return client;
}
