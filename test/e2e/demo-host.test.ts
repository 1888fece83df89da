/**
 * The names the demo answers to, over real HTTP on 127.0.0.1. A page on a name an attacker points at
 * the shop's address (DNS rebinding) is same-origin to itself: the browser lets its script read what
 * the shop answers, the dashboard and the orders included, and sends `Host: <that name>`. So the demo
 * answers only the names it is configured for (PUBLIC_URL's, and 127.0.0.1, localhost and [::1] on its
 * port) and any other `421 Misdirected Request`, for every method, before a route reads or writes
 * anything. PGlite only: the check comes before the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemo } from '../../examples/backend/src/start-demo.js';

/** What a client that reached `demo` under `host` is answered; `target` may be an absolute URL. */
const asNamed = (
  demo: Demo,
  host: string,
  target: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) =>
  new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port: demo.port,
        path: target,
        method: init.method ?? 'GET',
        headers: { ...init.headers, host },
      },
      (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk) => (body += chunk));
        answer.on('end', () =>
          resolve({ status: answer.statusCode ?? 0, type: answer.headers['content-type'] ?? '', body }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(init.body);
  });

async function startOn(publicUrl?: string): Promise<{ demo: Demo; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-host-'));
  const started = await startDemo({ port: 0, dataDir, ...(publicUrl ? { publicUrl } : {}) });
  if (!started.ok) throw new Error(started.error.message);
  const demo = started.value;
  return {
    demo,
    stop: async () => {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('the names the demo answers to', () => {
  let running: Awaited<ReturnType<typeof startOn>>;
  let orderId = '';

  beforeAll(async () => {
    running = await startOn();
    const placed = await fetch(`${running.demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'named@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] }),
    });
    orderId = ((await placed.json()) as { order: { id: string } }).order.id;
  });

  afterAll(() => running?.stop());

  const rebound = () => `attacker.test:${running.demo.port}`;

  test.each([
    ['GET', '/orders'],
    ['GET', '/dashboard'],
    ['GET', '/account'],
    ['GET', '/'],
    ['HEAD', '/dashboard'],
    ['OPTIONS', '/'],
    ['GET', '/orders/{order}/refund'],
  ])('answers %s %s under another name 421, with no page', async (method, path) => {
    const answer = await asNamed(running.demo, rebound(), path.replace('{order}', orderId), { method });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('<html');
  });

  test.each(['/api/orders/{order}', '/api/ambassadors/{code}/stats', '/api/codes/{code}'])(
    'answers GET %s under another name 421 misdirected_request, with nothing about the order or the ambassador',
    async (path) => {
      const code = running.demo.ambassadors[0]?.code ?? '';
      const answer = await asNamed(running.demo, rebound(), path.replace('{order}', orderId).replace('{code}', code));
      expect([answer.status, JSON.parse(answer.body).error.code]).toEqual([421, 'misdirected_request']);
      expect(answer.body).not.toContain(orderId);
      expect(answer.body).not.toContain(code);
    },
  );

  test('refunds, places and signs up nothing from a page under another name', async () => {
    const origin = `http://${rebound()}`;
    const fromThePage = { origin, 'sec-fetch-site': 'same-origin' };
    const answers = [
      await asNamed(running.demo, rebound(), `/orders/${orderId}/refund`, { method: 'POST', headers: fromThePage }),
      await asNamed(running.demo, rebound(), '/api/orders', {
        method: 'POST',
        headers: { ...fromThePage, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'rebound@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] }),
      }),
      await asNamed(running.demo, rebound(), '/account', {
        method: 'POST',
        headers: { ...fromThePage, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ displayName: 'Rebound', role: 'ambassador' }).toString(),
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([421, 421, 421]);
    const { rows } = await running.demo.client.query<{ refunded: boolean; orders: number; rebound: number }>(
      `SELECT (SELECT refunded_at IS NOT NULL FROM demo_orders WHERE id = $1) AS refunded,
         (SELECT count(*)::int FROM demo_orders) AS orders,
         (SELECT count(*)::int FROM demo_ambassadors WHERE ambassador->>'displayName' = 'Rebound') AS rebound`,
      [orderId],
    );
    expect(rows).toEqual([{ refunded: false, orders: 1, rebound: 0 }]);
  });

  test('judges the name an absolute request target gives, not the Host sent beside it', async () => {
    const answer = await asNamed(running.demo, `127.0.0.1:${running.demo.port}`, `http://${rebound()}/orders`);
    expect(answer.status).toBe(421);
  });

  test.each(['127.0.0.1:{port}', 'localhost:{port}', 'LocalHost:{port}', '[::1]:{port}'])(
    'answers its pages and orders under %s, a name of this machine on its port',
    async (name) => {
      const host = name.replace('{port}', String(running.demo.port));
      for (const path of ['/orders', `/api/orders/${orderId}`]) {
        expect([host, path, (await asNamed(running.demo, host, path)).status]).toEqual([host, path, 200]);
      }
    },
  );

  test.each(['localhost', '127.0.0.1:1', 'shop.example'])(
    'answers 421 to %s, a name or port it was not configured for',
    async (host) => {
      expect((await asNamed(running.demo, host, '/orders')).status).toBe(421);
    },
  );
});

describe('the names a demo with a PUBLIC_URL answers to', () => {
  let running: Awaited<ReturnType<typeof startOn>>;

  beforeAll(async () => {
    running = await startOn('https://shop.example');
  });

  afterAll(() => running?.stop());

  test.each(['shop.example', 'shop.example:443', '127.0.0.1:{port}', 'localhost:{port}'])(
    'answers under %s: its public name (with or without https’s default port), as a proxy passes it on, and where it listens',
    async (name) => {
      const host = name.replace('{port}', String(running.demo.port));
      expect((await asNamed(running.demo, host, '/orders')).status).toBe(200);
    },
  );

  test.each(['attacker.test', 'shop.example.attacker.test', 'shop.example:{port}', 'shop.example:8443'])(
    'answers 421 under %s',
    async (name) => {
      const host = name.replace('{port}', String(running.demo.port));
      expect((await asNamed(running.demo, host, '/orders')).status).toBe(421);
    },
  );
});
