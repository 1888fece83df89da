/**
 * What the demo lets a cache keep, over real HTTP on 127.0.0.1: every page and answer that carries
 * ambassadors' figures, customers' data or orders says `Cache-Control: no-store`, in every variant of
 * its address, so that neither a shared proxy nor the browser's disk keeps a copy for the next person
 * at the machine; the storefront's public pages and files keep the caching they had. PGlite only: the
 * headers do not depend on the database.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

/** A Cache-Control that forbids storing: `no-store`, alone or among other directives. */
const NO_STORE = /(?:^|,)\s*no-store\s*(?:,|$)/;

describe('what the demo lets a cache keep', () => {
  let running: DemoUnderTest;
  let code = '';
  let orderId = '';

  beforeAll(async () => {
    running = await startDemoUnderTest({ kind: 'pglite' });
    code = running.demo.ambassadors[0]?.code ?? '';
    const placed = await post('/api/orders', {
      email: 'cached@example.com',
      items: [{ sku: 'sencha-tin', quantity: 1 }],
      code,
    });
    orderId = ((await placed.json()) as { order: { id: string } }).order.id;
  });

  afterAll(() => running?.teardown());

  const url = (path: string) => `${running.demo.url}${path}`;
  const post = (path: string, body: unknown) =>
    fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test.each([
    '/dashboard',
    '/dashboard?days=7',
    '/dashboard?days=all',
    '/dashboard?days=<b>',
    '/dashboard?days=30&q=alex&sort=name&order=asc&page=2',
    '/account',
    '/account?page=2',
    '/account?code=NOBODY-222222',
    '/orders',
    '/orders?notice=refunded&order=ord_nothing',
  ])('answers GET %s, a page of private figures, with no-store', async (path) => {
    const response = await fetch(url(path));
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, expect.stringMatching(NO_STORE)]);
  });

  test("answers an ambassador's own page with no-store", async () => {
    const response = await fetch(url(`/account?code=${code}`));
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, expect.stringMatching(NO_STORE)]);
  });

  test("answers an order, and an ambassador's progress, with no-store", async () => {
    for (const path of [`/api/orders/${orderId}`, `/api/ambassadors/${code}/stats`]) {
      const response = await fetch(url(path));
      expect([path, response.status, response.headers.get('cache-control')]).toEqual([
        path,
        200,
        expect.stringMatching(NO_STORE),
      ]);
    }
  });

  test('answers a placed order and a sign-up, which name the person, with no-store', async () => {
    const order = await post('/api/orders', {
      email: 'cached-2@example.com',
      items: [{ sku: 'sencha-tin', quantity: 1 }],
    });
    const signUp = await post('/api/ambassadors', { displayName: 'Cache Less', role: 'ambassador' });
    for (const response of [order, signUp]) {
      expect([response.status, response.headers.get('cache-control')]).toEqual([201, expect.stringMatching(NO_STORE)]);
    }
  });

  test('answers the sign-up form sent back with a problem with no-store', async () => {
    const response = await fetch(url('/account'), {
      method: 'POST',
      headers: { origin: running.demo.url, 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ displayName: ' ', role: 'ambassador' }),
    });
    expect([response.status, response.headers.get('cache-control')]).toEqual([400, expect.stringMatching(NO_STORE)]);
  });

  test.each([
    ['/', 'no-cache'],
    ['/storefront.css', 'no-cache'],
    ['/referkit.js', 'no-cache'],
    ['/api/codes/{code}', 'public, max-age=60'],
  ])('keeps the caching of %s, which is public: %s', async (path, cacheControl) => {
    const response = await fetch(url(path.replace('{code}', code)));
    expect([response.status, response.headers.get('cache-control')]).toEqual([200, cacheControl]);
  });
});
