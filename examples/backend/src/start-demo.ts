/**
 * `startDemo`: claims the port first (so a taken port never touches the database), then opens the
 * database, seeds it on first start, wires the receiver, the signed server-side SDK and the app
 * together. `npm start` calls it from `main.ts`; tests call it on port 0 with a temporary PGlite
 * directory or a fresh PostgreSQL schema.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Ambassador, Program } from '@referkit/events';
import { generateSecret } from '@referkit/events/signature';
import type { Hono } from 'hono';
import { demoPublicUrl } from '../../../scripts/demo-public-url.mjs';
import { createDemoApp } from './app.js';
import { type Database, openDatabase, type SqlClient } from './database.js';
import { createDemoReceiver } from './demo-receiver.js';
import { migrateDemoTables } from './demo-tables.js';
import { openLedger } from './ledger.js';
import { resendPendingReports } from './order-reports.js';
import { defaultDataDir } from './paths.js';
import { seedDemo } from './seed.js';
import { originHosts } from './served-hosts.js';
import { drainable } from './server-drain.js';
import { signedDelivery } from './signed-delivery.js';
import type { BucketLimit } from './token-buckets.js';

/** How often redemptions and reversals still pending are sent again. */
const RESEND_EVERY_MS = 30_000;

/** Where and how to start the demo. */
export interface StartDemoOptions {
  /** @default 5173; 0 picks a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Where people open the shop when that is not where it listens, e.g. `https://shop.example` behind a
   * proxy that ends TLS (an http or https origin, as `PUBLIC_URL`): share links point there, and forms
   * and orders are taken only from its pages. @default `http://<host>:<port>`, and `localhost` for 127.0.0.1
   */
  publicUrl?: string;
  /** PGlite's directory, used when `databaseUrl` is not given. @default `.data/pglite` at the repository root */
  dataDir?: string;
  /** A PostgreSQL URL; wins over `dataDir`. */
  databaseUrl?: string;
  /** A schema to create and use on `databaseUrl`, e.g. one per test run. */
  schema?: string;
  /** The secret the shop's server signs redemptions with (`whsec_…`). @default a new one per start */
  secret?: string;
  /** The clock, for tests. @default () => new Date() */
  now?: () => Date;
  /**
   * The receiver's clock where it is not the shop's, for tests of a receiver on another server whose
   * clock is off: it refuses the shop's signed reports (`timestamp_out_of_tolerance`). @default now
   */
  receiverNow?: () => Date;
  /**
   * PostgreSQL only: how long a statement, or a wait for a pooled connection, may take before it fails
   * and its request is answered 503. @default 5000
   */
  queryTimeoutMs?: number;
  /** Sign-ups a client may make at once, then one every `everyMs` (sign-up.ts). @default SIGN_UP_LIMIT: 10, then one a minute */
  signUps?: BucketLimit;
  /** On `close()`, how long requests in flight have to finish before their connections are cut. @default 6000 */
  drainMs?: number;
  /**
   * PostgreSQL only: on `close()`, after the requests, how long connections still in use have to come
   * back before they are ended. @default 2000
   */
  databaseCloseMs?: number;
}

/** A running demo. */
export interface Demo {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Where people open it: `publicUrl`'s origin, or `url`. */
  publicUrl: string;
  port: number;
  program: Program;
  /** The storefront program's ambassadors, oldest first. */
  ambassadors: Ambassador[];
  /** Where the data is kept, for the start-up lines. */
  database: string;
  /** The open database, for tests that check what was written (PGlite allows one opener). */
  client: SqlClient;
  /** True when this start seeded an empty database. */
  seeded: boolean;
  /**
   * Stops taking connections, lets the requests in flight finish (each answered `Connection: close`)
   * for up to `drainMs`, cuts what is left, then closes the database: on PostgreSQL within
   * `databaseCloseMs`, so at most 8 s by default, inside a 10 s kill grace period.
   */
  close(): Promise<void>;
}

/** Why the demo did not start. */
export interface StartDemoError {
  code: 'port_in_use' | 'database_unavailable' | 'invalid_public_url';
  message: string;
}

/** Starts the demo; a taken port or an unreachable database is an answer, not a throw. */
export async function startDemo(
  options: StartDemoOptions = {},
): Promise<{ ok: true; value: Demo } | { ok: false; error: StartDemoError }> {
  const { port = 5173, host = '127.0.0.1', now = () => new Date(), drainMs = 6000 } = options;
  const publicUrl = demoPublicUrl(options.publicUrl);
  if (!publicUrl.ok) return publicUrl;
  // Requests that arrive while the database opens wait for it rather than failing.
  let ready: (app: Hono) => void = () => {};
  const app = new Promise<Hono>((resolve) => (ready = resolve));
  // The Node bindings go along: the sign-up throttle counts by the socket's remote address.
  const server = createAdaptorServer({
    fetch: async (request, env) => (await app).fetch(request, env),
    hostname: host,
  });
  const listening = await new Promise<AddressInfo | NodeJS.ErrnoException>((resolve) => {
    server.once('error', resolve);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
  if (listening instanceof Error) {
    if (listening.code === 'EADDRINUSE') {
      return { ok: false, error: { code: 'port_in_use', message: `Port ${port} on ${host} is already in use.` } };
    }
    throw listening;
  }
  const drain = drainable(server as Server);
  // A start that failed has nothing to finish: requests waiting for the database would wait forever.
  const stopServer = () => drain(0);

  let database: Database;
  try {
    database = options.databaseUrl
      ? await openDatabase({
          databaseUrl: options.databaseUrl,
          schema: options.schema,
          queryTimeoutMs: options.queryTimeoutMs,
          closeTimeoutMs: options.databaseCloseMs,
        })
      : await openDatabase({ dataDir: options.dataDir ?? defaultDataDir });
  } catch (error) {
    await stopServer();
    return {
      ok: false,
      error: { code: 'database_unavailable', message: `Could not open the database: ${(error as Error).message}` },
    };
  }
  try {
    const store = await openLedger(database.client);
    await migrateDemoTables(database.client);
    const seeded = await seedDemo(database.client, store, now());
    const programs = new Map(seeded.programs.map((program) => [program.id, program]));
    const program = seeded.programs[0] as Program;
    const secret = options.secret ?? generateSecret();
    const origin = `http://${host}:${listening.port}`;
    // Without a public address the shop is opened where it listens; on 127.0.0.1, `localhost` is the
    // same machine, and the name people type. No other name: a page on one is another site's.
    const shopOrigin = publicUrl.value ?? origin;
    const aliases = !publicUrl.value && host === '127.0.0.1' ? [`http://localhost:${listening.port}`] : [];
    // The names it answers to: the public one (as a proxy that keeps Host passes it on), and this
    // machine's on the port it listens on (as a proxy that sends its own, and the shop's signed reports
    // do). Any other is refused (served-hosts.ts): a page on it is another site's, rebound to this address.
    const listenName = host.includes(':') ? `[${host}]` : host;
    const hosts = [
      ...(publicUrl.value ? originHosts(publicUrl.value) : []),
      ...[...new Set(['127.0.0.1', 'localhost', '[::1]', listenName])].map((name) => `${name}:${listening.port}`),
    ];
    const receiver = createDemoReceiver({
      client: database.client,
      store,
      programs,
      secret,
      now: options.receiverNow ?? now,
    });
    // The signed path goes over real HTTP to this same server, as it would to a separate one.
    const deliver = signedDelivery({ secret, endpoint: `${origin}/api`, now });
    ready(
      createDemoApp({
        client: database.client,
        store,
        programs,
        program,
        receiver,
        deliver,
        origin: shopOrigin,
        aliases,
        hosts,
        now,
        ...(options.signUps ? { signUps: options.signUps } : {}),
      }),
    );
    // Redemptions and reversals a previous run left pending go now, then whatever stays pending every 30 s.
    // A resend cut short by close() ends in a refused query: swallowed, the reports stay pending.
    const resend = () => resendPendingReports(database.client, programs, deliver).catch(() => 0);
    void resend();
    const timer = setInterval(resend, RESEND_EVERY_MS);
    // The resend clock alone never keeps the process alive.
    timer.unref();
    let closing: Promise<void> | undefined;
    return {
      ok: true,
      value: {
        url: origin,
        publicUrl: shopOrigin,
        port: listening.port,
        program,
        ambassadors: seeded.ambassadors,
        database: database.description,
        client: database.client,
        seeded: seeded.fresh,
        close: () => {
          clearInterval(timer);
          // The requests first: a request still running when the database closes fails half-way.
          closing ??= drain(drainMs).then(() => database.close());
          return closing;
        },
      },
    };
  } catch (error) {
    await stopServer();
    await database.close().catch(() => {});
    throw error;
  }
}
