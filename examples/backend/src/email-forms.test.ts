/**
 * The shop's API takes an email as `<input type=email>` does (the WHATWG "valid email address"), so
 * a comment, angle brackets or a display name cannot make one mailbox a new customer: each would have
 * got a first-order discount and passed `self_referral`. Through the shop's app, in-process, on PGlite
 * and on PostgreSQL when DATABASE_URL is set.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createDemoApp } from './app.js';
import type { SqlClient } from './database.js';
import { inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const SHOP = 'http://shop.test';

/** Forms RFC 5322 reads as sam@gmail.com, which no checkout's email field takes. */
const ONE_MAILBOX = [
  'sam(2)@gmail.com',
  '(x)sam@gmail.com',
  'sam@gmail.com(3)',
  '<sam@gmail.com>',
  'Sam <sam@gmail.com>',
];

describe.each(testDatabases)('an email on the API on $kind', (database) => {
  let client: SqlClient;
  let app: ReturnType<typeof createDemoApp>;
  let code = '';
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    const { store, programs, program, receiver, deliver, ambassador } = await inProcessShop(client);
    app = createDemoApp({ client, store, programs, program, receiver, deliver, origin: SHOP });
    code = ambassador.code;
  });

  const post = (path: string, body: unknown) =>
    app.request(`${SHOP}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const order = (email: string) => post('/api/orders', { email, items: [{ sku: 'sencha-tin', quantity: 1 }], code });
  const orders = async () => (await client.query('SELECT 1 FROM demo_orders')).rows.length;

  test.each(ONE_MAILBOX)(
    'refuses an order for %j 400 invalid_order at the path email, and places nothing',
    async (email) => {
      const answer = await order(email);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toMatchObject({
        code: 'invalid_order',
        issues: [{ path: ['email'], code: 'invalid_format' }],
      });
      expect(await orders()).toBe(0);
    },
  );

  test.each(ONE_MAILBOX)('refuses a sign-up with %j 400 invalid_ambassador at the path email', async (email) => {
    const answer = await post('/api/ambassadors', { displayName: 'Sam', role: 'ambassador', email });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toMatchObject({
      code: 'invalid_ambassador',
      issues: [{ path: ['email'], code: 'invalid_format' }],
    });
  });

  test.each(['sam@gmail.com', "o'neil.sam+tea@mail.example.co.uk", ' sam@example.com '])(
    'still takes an order for %j',
    async (email) => {
      expect((await order(email)).status).toBe(201);
    },
  );
});
