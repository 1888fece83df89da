/**
 * `POST /api/orders` while the database cannot answer (another session holds a lock its look-up waits
 * on past the statement timeout): `503 database_unavailable` with `Retry-After`, which the checkout
 * answers by keeping its idempotency key for the next press, not `500 internal`. Over real HTTP on
 * PostgreSQL, when DATABASE_URL is set (PGlite has no other session to hold a lock).
 */
import { generateSecret } from '@referkit/events/signature';
import pg from 'pg';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { startDemo } from './start-demo.js';

const { DATABASE_URL } = process.env;

describe.skipIf(!DATABASE_URL)('an order while the database does not answer, on PostgreSQL', () => {
  test('is answered 503 database_unavailable with Retry-After', async () => {
    const url = DATABASE_URL as string;
    const schema = `demo_outage_${process.pid}_${Date.now().toString(36)}`;
    const started = await startDemo({
      port: 0,
      databaseUrl: url,
      schema,
      secret: generateSecret(),
      queryTimeoutMs: 300,
    });
    if (!started.ok) throw new Error(started.error.message);
    const demo = started.value;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    onTestFinished(async () => {
      await admin.query('ROLLBACK');
      await demo.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });
    await admin.query('BEGIN');
    await admin.query(`LOCK TABLE ${schema}.demo_ambassadors IN ACCESS EXCLUSIVE MODE`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const response = await fetch(`${demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demo.url },
      body: JSON.stringify({
        email: 'friend@example.com',
        items: [{ sku: 'sencha-tin', quantity: 1 }],
        code: demo.ambassadors[0]?.code,
      }),
    });

    expect({
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code: ((await response.json()) as { error: { code: string } }).error.code,
    }).toEqual({ status: 503, retryAfter: '5', code: 'database_unavailable' });
    expect(logged.mock.calls).toEqual([
      ['[referkit-demo] POST /api/orders failed: canceling statement due to statement timeout'],
    ]);
    logged.mockClear();
  });
});
