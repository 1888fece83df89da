/**
 * The README's receiver snippets, run: Hono, a Next.js route handler and an Express-style handler each
 * record a signed event and refuse an unsigned one, on the PostgreSQL ledger the snippet opens from
 * DATABASE_URL (in a fresh schema). Without DATABASE_URL they are only compiled, by the typecheck.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { programSchema, sqlStore } from '@referkit/events';
import { generateSecret, signEvent } from '@referkit/events/signature';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const databaseUrl = process.env.DATABASE_URL;
const schema = `demo_snippets_${process.pid}_${Date.now().toString(36)}`;
const secret = generateSecret();
// The program of examples/snippets/src/receiver.ts.
const program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});

// The snippets read their database and secret from the environment, as a brand's server would.
describe.skipIf(!databaseUrl)('the README receiver snippets (run when DATABASE_URL is set)', () => {
  let handlers: { name: string; post: (body: string, headers: Record<string, string>) => Promise<Response> }[] = [];
  const saved = { url: process.env.DATABASE_URL, secret: process.env.REFERKIT_WEBHOOK_SECRET };
  let closeExpress = async () => {};

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(databaseUrl as string);
    url.searchParams.set('options', `-c search_path=${schema}`);
    process.env.DATABASE_URL = url.toString();
    process.env.REFERKIT_WEBHOOK_SECRET = secret;
    const { app } = await import('../../examples/snippets/src/hono.js');
    const { POST } = await import('../../examples/snippets/src/next-route.js');
    const { referralEvents } = await import('../../examples/snippets/src/express.js');
    // The ambassador the events below are for, in the ledger the snippets opened (its tables now exist).
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    await sqlStore(pool).upsertAmbassador(program, {
      id: 'amb_1',
      code: 'ALEX-7HC2QK',
      displayName: 'Alex',
      role: 'ambassador',
      joinedAt: new Date().toISOString(),
    });
    await pool.end();
    // What express.raw({ type: () => true }) does before the handler: the body as a Buffer.
    const server = createServer(async (req: IncomingMessage & { body?: Buffer }, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      req.body = Buffer.concat(chunks);
      await referralEvents(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const express = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/referrals/events`;
    closeExpress = () => new Promise((resolve) => server.close(() => resolve()));
    const request = (body: string, headers: Record<string, string>) =>
      new Request('http://shop.example/api/referrals/events', { method: 'POST', body, headers });
    handlers = [
      { name: 'Hono', post: async (body, headers) => app.fetch(request(body, headers)) },
      { name: 'Next.js', post: (body, headers) => POST(request(body, headers)) },
      { name: 'Express', post: (body, headers) => fetch(express, { method: 'POST', body, headers }) },
    ];
  });

  afterAll(async () => {
    await closeExpress();
    process.env.DATABASE_URL = saved.url;
    if (saved.secret === undefined) delete process.env.REFERKIT_WEBHOOK_SECRET;
    else process.env.REFERKIT_WEBHOOK_SECRET = saved.secret;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  const landing = (id: string, code = 'ALEX-7HC2QK') =>
    JSON.stringify({ v: 1, id, type: 'landing', program: 'spring-2026', code, occurredAt: new Date().toISOString() });
  const signed = async (id: string, body: string) => ({
    'content-type': 'application/json',
    ...(await signEvent({ secret, id, timestamp: new Date(), body })),
  });

  test('each framework records a signed event', async () => {
    for (const [index, { name, post }] of handlers.entries()) {
      const id = `evt_snippet${index}abcdefgh`;
      const body = landing(id);
      const response = await post(body, await signed(id, body));
      expect([name, response.status, await response.json()]).toEqual([name, 201, { status: 'recorded' }]);
    }
  });

  test('each framework answers a signed event for a code no ambassador has with 422 unknown_code', async () => {
    for (const [index, { name, post }] of handlers.entries()) {
      const id = `evt_unknowncode${index}abc`;
      const body = landing(id, 'NOBODY-222222');
      const response = await post(body, await signed(id, body));
      expect([name, response.status, (await response.json()).error?.code]).toEqual([name, 422, 'unknown_code']);
    }
  });

  test('each framework refuses an unsigned event with 401 missing_signature', async () => {
    for (const { name, post } of handlers) {
      const response = await post(landing('evt_unsignedabcdefgh'), { 'content-type': 'application/json' });
      expect([name, response.status, (await response.json()).error?.code]).toEqual([name, 401, 'missing_signature']);
    }
  });
});
