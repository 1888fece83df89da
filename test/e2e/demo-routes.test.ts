/**
 * What each path of the demo answers to a method it does not serve, over real HTTP on 127.0.0.1: a
 * route that exists answers `405` with the methods it does serve in `Allow` (RFC 9110 §15.5.6), as
 * the receiver does, and a path that is no route stays `404`; a `HEAD` answer carries the
 * `Content-Length` its `GET` would; the storefront's templates are never served with their
 * placeholders, only the pages the server renders from them. PGlite only: no route reads the
 * database to say which methods it takes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

describe('the demo’s routes', () => {
  let running: DemoUnderTest;

  beforeAll(async () => {
    running = await startDemoUnderTest({ kind: 'pglite' });
  });

  afterAll(() => running?.teardown());

  /** One request as a client sends it, any method, read to the end: fetch refuses some (CONNECT) and bodies on HEAD. */
  const send = (method: string, path: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
      (resolve, reject) => {
        const sent = request(`${running.demo.url}${path}`, { method }, (answer) => {
          let body = '';
          answer.setEncoding('utf8');
          answer.on('data', (chunk) => (body += chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body }));
        });
        sent.on('error', reject);
        sent.end();
      },
    );

  test.each([
    ['POST', '/dashboard', 'GET, HEAD'],
    ['DELETE', '/orders', 'GET, HEAD'],
    ['PUT', '/account', 'GET, HEAD, POST'],
    ['GET', '/api/orders', 'POST'],
    ['GET', '/api/ambassadors', 'POST'],
    ['HEAD', '/api/ambassadors', 'POST'],
    ['GET', '/orders/1001/refund', 'POST'],
    ['OPTIONS', '/', 'GET, HEAD'],
    ['PATCH', '/api/orders/1001', 'GET, HEAD'],
    ['DELETE', '/api/codes/ALEX-222222', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const answer = await send(method, path);
    expect([answer.status, answer.headers.allow]).toEqual([405, allow]);
  });

  test('answers a method a page does not serve in words, and one an API does not serve in its error shape', async () => {
    expect((await send('POST', '/dashboard')).body).toBe('Method not allowed: use GET or HEAD.');
    expect(JSON.parse((await send('GET', '/api/orders')).body)).toEqual({
      error: { code: 'method_not_allowed', message: 'Method not allowed: use POST.' },
    });
  });

  test.each([
    ['GET', '/nothing-here'],
    ['POST', '/nothing/here'],
    ['GET', '/api/nothing'],
    ['DELETE', '/api/nothing'],
  ])('answers %s %s, a path that is no route, 404 without Allow', async (method, path) => {
    const answer = await send(method, path);
    expect([answer.status, answer.headers.allow]).toEqual([404, undefined]);
  });

  test.each([
    '/',
    '/dashboard',
    '/orders',
    '/account',
    '/storefront.css',
    '/referkit.js',
    '/api/products',
    '/checkout/',
  ])('answers HEAD %s with the Content-Length its GET has, and no body', async (path) => {
    const [get, head] = [await send('GET', path), await send('HEAD', path)];
    expect(get.status).toBe(200);
    expect(Number(get.headers['content-length'])).toBe(Buffer.byteLength(get.body));
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, get.headers['content-length'], '']);
  });

  test.each([
    ['/account.html', '/account'],
    ['/index.html', '/'],
    ['/index.html?ref=ALEX-222222&rk_ch=whatsapp', '/?ref=ALEX-222222&rk_ch=whatsapp'],
  ])('sends %s, a template, to the page rendered from it, %s', async (path, rendered) => {
    const answer = await send('GET', path);
    expect([answer.status, answer.headers.location]).toEqual([301, rendered]);
    expect(answer.body).not.toContain('<!-- referkit:');
  });

  test('serves the rendered pages with every placeholder filled in', async () => {
    for (const path of ['/', '/account', `/account?code=${running.demo.ambassadors[0]?.code}`]) {
      expect([path, (await send('GET', path)).body]).toEqual([path, expect.not.stringContaining('<!-- referkit:')]);
    }
  });
});
