/**
 * What the demo lets a cache keep, over real HTTP on 127.0.0.1: every page and answer that carries
 * ambassadors' figures, customers' data or orders says `Cache-Control: no-store`, in every variant of
 * its address, so that neither a shared proxy nor the browser's disk keeps a copy for the next person
 * at the machine; the storefront's public pages and files keep the caching they had. PGlite only: the
 * headers do not depend on the database. The storefront's files and referkit.js, sent `no-cache`, carry
 * validators, so that a browser that keeps them asks again and is answered `304` without the bytes.
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

  describe('validators on the files that are revalidated', () => {
    /** Every file the storefront serves without a hash in its name: the widget, its chunks, the shop's own. */
    const REVALIDATED = [
      '/referkit.js',
      '/referkit-qr.js',
      '/referkit-es.js',
      '/storefront.css',
      '/storefront.js',
      '/tea-tin.svg',
      '/checkout/',
    ];
    const STRONG_ETAG = /^"[\x21\x23-\x7e]+"$/;

    /** The ETag and Last-Modified a plain GET of `path` answers. */
    async function validators(path: string) {
      const response = await fetch(url(path));
      await response.arrayBuffer();
      return { etag: response.headers.get('etag') ?? '', lastModified: response.headers.get('last-modified') ?? '' };
    }

    /** `path` asked again with `headers`: its status, its body's length and the headers a cache updates from. */
    async function askAgain(path: string, headers: Record<string, string>, method = 'GET') {
      const response = await fetch(url(path), { method, headers });
      return {
        status: response.status,
        bytes: (await response.arrayBuffer()).byteLength,
        etag: response.headers.get('etag'),
        cacheControl: response.headers.get('cache-control'),
      };
    }

    test.each(REVALIDATED)('sends %s with a strong ETag and a Last-Modified', async (path) => {
      const { etag, lastModified } = await validators(path);
      expect(etag).toMatch(STRONG_ETAG);
      expect(new Date(lastModified).toUTCString()).toBe(lastModified);
      expect(await validators(path)).toEqual({ etag, lastModified });
    });

    test.each(REVALIDATED)('answers %s 304 without a body to its own ETag, on GET and on HEAD', async (path) => {
      const { etag } = await validators(path);
      for (const method of ['GET', 'HEAD']) {
        expect(await askAgain(path, { 'if-none-match': etag }, method)).toEqual({
          status: 304,
          bytes: 0,
          etag,
          cacheControl: 'no-cache',
        });
      }
    });

    test('answers 304 to an ETag among others, weak or strong, and to *', async () => {
      const { etag } = await validators('/referkit.js');
      for (const field of [`"other", ${etag}`, `W/${etag}`, `"a,b" ,W/"c", ${etag} `, '*']) {
        expect([field, (await askAgain('/referkit.js', { 'if-none-match': field })).status]).toEqual([field, 304]);
      }
    });

    test('answers the file whole to an ETag that is not its own, or that is not one', async () => {
      const whole = (await askAgain('/referkit.js', {})).bytes;
      for (const field of ['"another"', 'W/"another", "yet-another"', 'not-quoted']) {
        expect([field, await askAgain('/referkit.js', { 'if-none-match': field })]).toEqual([
          field,
          { status: 200, bytes: whole, etag: expect.stringMatching(STRONG_ETAG), cacheControl: 'no-cache' },
        ]);
      }
    });

    test('answers 304 to If-Modified-Since from its Last-Modified, unless an If-None-Match is there', async () => {
      const { lastModified } = await validators('/storefront.css');
      expect((await askAgain('/storefront.css', { 'if-modified-since': lastModified })).status).toBe(304);
      const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await askAgain('/storefront.css', { 'if-modified-since': before })).status).toBe(200);
      expect(
        (await askAgain('/storefront.css', { 'if-modified-since': lastModified, 'if-none-match': '"another"' })).status,
      ).toBe(200);
    });

    test("keeps the checkout's hashed assets immutable", async () => {
      const page = await (await fetch(url('/checkout/'))).text();
      const asset = /\/checkout\/assets\/[^"]+\.js/.exec(page)?.[0] ?? '';
      const response = await fetch(url(asset));
      expect([asset, response.status, response.headers.get('cache-control')]).toEqual([
        expect.stringMatching(/^\/checkout\/assets\//),
        200,
        'public, max-age=31536000, immutable',
      ]);
    });
  });
});
