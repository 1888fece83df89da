/**
 * Which errors mean the database cannot answer just now (503, ask again) and which mean the query is
 * wrong (500): each made by a real database or a real connection, PGlite always, PostgreSQL when
 * DATABASE_URL is set.
 */
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, onTestFinished, test } from 'vitest';
import { isDatabaseOutage } from './database-outage.js';

const failure = (running: Promise<unknown>) =>
  running.then(
    () => {
      throw new Error('Expected the query to fail.');
    },
    (error: unknown) => error,
  );

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isDatabaseOutage', () => {
  test('is false for a syntax error, which asking again would meet again', async () => {
    const db = new PGlite();
    onTestFinished(() => db.close());
    expect(isDatabaseOutage(await failure(db.query('SELEC 1')))).toBe(false);
  });

  test('is false for an error of the demo’s own code', () => {
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined (reading 'code')"))).toBe(false);
  });

  test('is true for a server that refuses the connection', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://demo@127.0.0.1:${await closedPort()}/demo` });
    onTestFinished(() => pool.end());
    expect(isDatabaseOutage(await failure(pool.query('SELECT 1')))).toBe(true);
  });

  test('is true for a pool that was closed', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://demo@127.0.0.1:5432/demo' });
    await pool.end();
    expect(isDatabaseOutage(await failure(pool.query('SELECT 1')))).toBe(true);
  });
});

const { DATABASE_URL } = process.env;
describe.skipIf(!DATABASE_URL)('isDatabaseOutage on PostgreSQL (DATABASE_URL is set)', () => {
  test('is true for a statement canceled by its statement timeout', async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL, statement_timeout: 50 });
    await client.connect();
    onTestFinished(() => client.end());
    expect(isDatabaseOutage(await failure(client.query('SELECT pg_sleep(2)')))).toBe(true);
  });

  test('is true for a query past the client’s own timeout', async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL, query_timeout: 50 });
    await client.connect();
    onTestFinished(() => client.end());
    expect(isDatabaseOutage(await failure(client.query('SELECT pg_sleep(2)')))).toBe(true);
  });

  test('is false for a query that divides by zero', async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    onTestFinished(() => client.end());
    expect(isDatabaseOutage(await failure(client.query('SELECT 1 / 0')))).toBe(false);
  });
});
