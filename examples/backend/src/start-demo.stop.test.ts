/**
 * Stopping the demo (`close()`, which `npm start` calls on Ctrl-C and SIGTERM): it takes no new
 * connection, lets every request it accepted finish and answers each with `Connection: close`, and is
 * done within its deadlines even while another session holds a lock its queries wait on. Over real
 * HTTP on 127.0.0.1, on PGlite in a temporary directory, and on PostgreSQL when DATABASE_URL is set.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret, signEvent } from '@referkit/events/signature';
import pg from 'pg';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { type Demo, type StartDemoOptions, startDemo } from './start-demo.js';
import { type TestDatabase, testDatabases } from './testing/test-database.js';

let started = 0;

/** Starts the demo on a free port over a database of its own, removed after the test. */
async function startOn(
  database: TestDatabase,
  options: StartDemoOptions = {},
): Promise<{ demo: Demo; schema: string; secret: string }> {
  const secret = generateSecret();
  const schema = `demo_stop_${process.pid}_${Date.now().toString(36)}_${started++}`;
  const dataDir = database.kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'referkit-stop-')) : undefined;
  const result = await startDemo({
    port: 0,
    secret,
    ...(database.kind === 'postgres' ? { databaseUrl: database.url, schema } : { dataDir }),
    ...options,
  });
  if (!result.ok) throw new Error(`The demo did not start: ${result.error.message}`);
  const demo = result.value;
  onTestFinished(async () => {
    await demo.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (database.kind === 'postgres') {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
  return { demo, schema, secret };
}

/** Resolves once the demo's server has taken `count` requests in (parsed them and begun to answer). */
function requestsTaken(demo: Demo, count: number): Promise<void> {
  return new Promise((resolve) => {
    let taken = 0;
    const onStart = (message: unknown) => {
      const { request } = message as { request: IncomingMessage };
      if (request.socket.localPort !== demo.port || ++taken < count) return;
      unsubscribe('http.server.request.start', onStart);
      resolve();
    };
    subscribe('http.server.request.start', onStart);
  });
}

/** What a client heard: the status and `Connection` header, or that the connection ended unanswered. */
type Heard = { status: number; connection: string | null } | { unanswered: string };
const heard = (sent: Promise<Response>): Promise<Heard> =>
  sent.then(
    async (response) => {
      await response.arrayBuffer();
      return { status: response.status, connection: response.headers.get('connection') };
    },
    (error: Error) => ({ unanswered: String(error.cause ?? error) }),
  );

/** A shopper's order with the first ambassador's code, from the shop's own page. */
const order = (demo: Demo, n: number) =>
  heard(
    fetch(`${demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demo.url },
      body: JSON.stringify({
        email: `friend-${n}@example.com`,
        items: [{ sku: 'sencha-tin', quantity: 1 }],
        code: demo.ambassadors[0]?.code,
      }),
    }),
  );

/** A redemption the shop's server reports, signed with the demo's secret. */
async function signedRedemption(demo: Demo, secret: string, n: number): Promise<Heard> {
  const body = JSON.stringify({
    v: 1,
    id: `evt_stopping_${n}_${Date.now()}`,
    type: 'redemption',
    program: demo.program.id,
    code: demo.ambassadors[0]?.code,
    occurredAt: new Date().toISOString(),
    orderId: `ord_stopping_${n}`,
    order: { currency: demo.program.currency, subtotal: 4800, discount: 0, total: 4800 },
    customer: { id: `cus_stopping_${n}`, firstOrder: true },
  });
  const headers = await signEvent({ secret, id: `msg_stopping_${n}`, timestamp: new Date(), body });
  return heard(
    fetch(`${demo.url}/api/referrals/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
  );
}

/**
 * Holds the demo's queries back until the returned function is called: on PGlite, a transaction of
 * the demo's own (which holds every other query); on PostgreSQL, another session's lock on the tables
 * an order and a redemption read first.
 */
async function holdQueries(database: TestDatabase, demo: Demo, schema: string): Promise<() => Promise<void>> {
  if (database.kind === 'pglite') {
    let release: () => void = () => {};
    let inside: () => void = () => {};
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const held = demo.client.transaction?.(async () => {
      inside();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await entered;
    return async () => {
      release();
      await held;
    };
  }
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('BEGIN');
  await admin.query(`LOCK TABLE ${schema}.demo_ambassadors, ${schema}.referkit_codes IN ACCESS EXCLUSIVE MODE`);
  let released: Promise<void> | undefined;
  const release = () => {
    released ??= admin.query('COMMIT').then(() => admin.end());
    return released;
  };
  onTestFinished(release);
  return release;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases)('stopping the demo on $kind', (database) => {
  test('answers every order it took in before the stop, each with Connection: close', async () => {
    const { demo, schema } = await startOn(database);
    const release = await holdQueries(database, demo, schema);
    const taken = requestsTaken(demo, 6);
    const answers = Array.from({ length: 6 }, (_, n) => order(demo, n));
    await taken;
    const stopped = demo.close();
    // The orders are still waiting on the database when the stop begins.
    await sleep(300);
    await release();
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 6 }, () => ({ status: 201, connection: 'close' })));
    await stopped;
  });

  test('takes no new connection once the stop has begun', async () => {
    const { demo, schema } = await startOn(database);
    const release = await holdQueries(database, demo, schema);
    const taken = requestsTaken(demo, 1);
    const first = order(demo, 0);
    await taken;
    const stopped = demo.close();
    const later = await heard(fetch(`${demo.url}/api/products`));
    await release();
    expect([await first, later]).toEqual([
      { status: 201, connection: 'close' },
      { unanswered: expect.stringContaining('ECONNREFUSED') },
    ]);
    await stopped;
  });
});

describe.each(testDatabases.filter((database) => database.kind === 'postgres'))(
  'stopping the demo on $kind while another session holds a lock',
  (database) => {
    test('answers the requests stuck on the lock 503 and stops within its deadlines', async () => {
      const deadlines = { queryTimeoutMs: 1000, drainMs: 3000, databaseCloseMs: 1000 };
      const { demo, schema, secret } = await startOn(database, deadlines);
      await holdQueries(database, demo, schema);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const taken = requestsTaken(demo, 6);
      const answers = [
        ...Array.from({ length: 3 }, (_, n) => signedRedemption(demo, secret, n)),
        ...Array.from({ length: 3 }, (_, n) => order(demo, n)),
      ];
      await taken;
      const began = Date.now();
      const stopped = await Promise.race([demo.close().then(() => true), sleep(6000).then(() => false)]);
      const tookMs = Date.now() - began;
      expect({ stopped, withinDeadlines: tookMs < deadlines.drainMs + deadlines.databaseCloseMs }).toEqual({
        stopped: true,
        withinDeadlines: true,
      });
      expect(await Promise.all(answers)).toEqual(
        Array.from({ length: 6 }, () => ({ status: 503, connection: 'close' })),
      );
      // Each failure is one line of the shop's log: three from the receiver, three from the orders.
      expect(logged.mock.calls.map(([line]) => String(line).slice(0, 40)).sort()).toEqual([
        ...Array.from({ length: 3 }, () => '[referkit-demo] POST /api/orders failed:'),
        ...Array.from({ length: 3 }, () => '[referkit-demo] receiver answered 503 to'),
      ]);
      logged.mockClear();
    });
  },
);
