/**
 * The shop's own body-reading routes over a real socket on 127.0.0.1, with a body that stops half way
 * (Content-Length 500, 16 bytes sent, the socket kept open): each answers 408 request_timeout at the
 * deadline, as the receiver does, and places, signs up or refunds nothing; and with one too large. The
 * JSON API answers in its error shape; the plain forms (sign-up, Refund) answer a page a person reads,
 * with a link back. On PGlite in memory.
 */
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDemoApp } from './app.js';
import { inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const DEADLINE_MS = 150;

describe('a body that stops half way', () => {
  const tables = freshDemoTables(testDatabases[0] as (typeof testDatabases)[number]);
  let server: ReturnType<typeof createAdaptorServer>;
  let port = 0;

  beforeEach(async () => {
    const client = tables();
    const { store, programs, program, receiver, deliver } = await inProcessShop(client);
    // The app is made once the port is known: its origin is where the requests below say they come from.
    let app: ReturnType<typeof createDemoApp> | undefined;
    server = createAdaptorServer({
      fetch: (request) => (app as NonNullable<typeof app>).fetch(request),
      hostname: '127.0.0.1',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const origin = `http://127.0.0.1:${port}`;
    app = createDemoApp({ client, store, programs, program, receiver, deliver, origin, bodyTimeoutMs: DEADLINE_MS });
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  });

  /** What the server says to a request whose body stops after 16 of its 500 bytes, read until it closes. */
  const stalled = (path: string, type: string) =>
    new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: ${type}\r\nContent-Length: 500\r\n\r\n{"email":"a@b.c"`,
        ),
      );
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      // Far past the deadline: a server that never answers fails here, not at the test's timeout.
      setTimeout(() => {
        socket.destroy();
        resolve(answer || '(no answer)');
      }, DEADLINE_MS + 3000);
    });

  test.each([
    ['/api/orders', 'application/json'],
    ['/api/ambassadors', 'application/json'],
  ])('answers POST %s 408 request_timeout and closes the connection', async (path, type) => {
    const answer = await stalled(path, type);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"code":"request_timeout"');
  });

  test.each([
    ['/account', '<a href="/account">Back to the sign-up form</a>'],
    ['/orders/1001/refund', '<a href="/orders">Back to the orders</a>'],
  ])('answers the form POST %s 408 with a page that says so, and a link back', async (path, back) => {
    const answer = await stalled(path, 'application/x-www-form-urlencoded');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer.toLowerCase()).toContain('content-type: text/html; charset=utf-8');
    expect(answer.toLowerCase()).toContain("content-security-policy: default-src 'self'");
    expect(answer).toContain(
      '<p class="notice" role="alert">The form did not arrive in time: the connection may have dropped. Please send it again.</p>',
    );
    expect(answer).toContain(back);
  });

  /** What the server says to a form of `bytes` bytes, sent whole, read until it closes. */
  const oversized = (path: string, bytes: number) =>
    new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes}\r\n\r\n${'x'.repeat(bytes)}`,
        ),
      );
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    });

  test.each([
    ['/account', '<a href="/account">Back to the sign-up form</a>'],
    ['/orders/1001/refund', '<a href="/orders">Back to the orders</a>'],
  ])('answers the form POST %s 413 with a page that says so, and a link back', async (path, back) => {
    const answer = await oversized(path, 20_000);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(answer.toLowerCase()).toContain('content-type: text/html; charset=utf-8');
    expect(answer).toContain(
      '<p class="notice" role="alert">The form was larger than this shop takes (at most 16 KiB). Please shorten what you typed and send it again.</p>',
    );
    expect(answer).toContain(back);
  });

  test('places and signs up nothing from a body that never arrived', async () => {
    const client = tables();
    const count = async (table: string) =>
      Number((await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    const before = { orders: await count('demo_orders'), ambassadors: await count('demo_ambassadors') };
    await Promise.all([stalled('/api/orders', 'application/json'), stalled('/api/ambassadors', 'application/json')]);
    expect({ orders: await count('demo_orders'), ambassadors: await count('demo_ambassadors') }).toEqual(before);
  });
});
