/**
 * The orders page and its Refund button through the shop's app, over its real parts in-process: a
 * form posted from the shop's own page refunds and answers 303 back to the list with a notice; one
 * posted from another site is refused and refunds nothing. On PGlite in memory, and on PostgreSQL
 * when DATABASE_URL is set.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createDemoApp } from './app.js';
import type { SqlClient } from './database.js';
import { orderById } from './orders.js';
import { type InProcessShop, inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const SHOP = 'http://shop.test';

describe.each(testDatabases)('the Refund button on $kind', (database) => {
  let client: SqlClient;
  let shop: InProcessShop;
  let app: ReturnType<typeof createDemoApp>;
  let orderId = '';
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    shop = await inProcessShop(client);
    const { store, programs, program, receiver, deliver } = shop;
    app = createDemoApp({ client, store, programs, program, receiver, deliver, origin: SHOP });
    const placed = await app.request(`${SHOP}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'friend@example.com',
        items: [{ sku: 'sencha-tin', quantity: 1 }],
        code: shop.ambassador.code,
      }),
    });
    orderId = ((await placed.json()) as { order: { id: string } }).order.id;
  });

  const refund = (headers: Record<string, string>) =>
    app.request(`${SHOP}/orders/${orderId}/refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: '',
    });
  const fromTheShop = { origin: SHOP, 'sec-fetch-site': 'same-origin' };

  test('lists the order with a Refund button', async () => {
    const page = await (await app.request(`${SHOP}/orders`)).text();
    expect(page).toContain(`<form method="post" action="/orders/${orderId}/refund">`);
    expect(page).toContain('<td data-field="referral">Redemption recorded</td>');
  });

  test('refunds from the shop’s own page and answers 303 to the list, which says so', async () => {
    const response = await refund(fromTheShop);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`/orders?notice=refunded&order=${orderId}`);
    const page = await (await app.request(`${SHOP}${location}`)).text();
    expect(page).toContain(`Order ${orderId} is refunded. Its ambassador’s reward is reversed.`);
    expect(page).toContain('<td data-field="referral">Reward reversed</td>');
    expect(page).not.toContain(`action="/orders/${orderId}/refund"`);
    const answer = await (await app.request(`${SHOP}/api/orders/${orderId}`)).json();
    expect(answer).toMatchObject({ order: { id: orderId }, refundedAt: expect.any(String) });
  });

  test('refunds once when the button is pressed twice', async () => {
    await refund(fromTheShop);
    const again = await refund(fromTheShop);
    expect(again.headers.get('location')).toBe(`/orders?notice=already_refunded&order=${orderId}`);
    expect(shop.sent.filter((type) => type === 'reversal')).toHaveLength(1);
  });

  test.each([
    ['a form on another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a request that says neither where it comes from', {}],
  ])('refuses %s and refunds nothing', async (_why, headers) => {
    const response = await refund(headers);
    expect(response.status).toBe(403);
    expect(await orderById(client, orderId)).toMatchObject({ refundedAt: null, reversal: null });
    expect(shop.sent).not.toContain('reversal');
  });

  test('refuses a form from a page that reached the shop under another name (DNS rebinding), and refunds nothing', async () => {
    // What a browser sends from http://rebind.attacker.test once that name resolves to the shop's address.
    const response = await app.request(`http://rebind.attacker.test/orders/${orderId}/refund`, {
      method: 'POST',
      headers: { origin: 'http://rebind.attacker.test', 'sec-fetch-site': 'same-origin' },
    });
    // The name alone refuses it (served-hosts.ts), before its Origin is read.
    expect(response.status).toBe(421);
    expect(await orderById(client, orderId)).toMatchObject({ refundedAt: null });
  });

  test('takes the form from the shop’s https page behind a proxy that ends TLS', async () => {
    const { store, programs, program, receiver, deliver } = shop;
    const proxied = createDemoApp({ client, store, programs, program, receiver, deliver, origin: 'https://shop.test' });
    // The proxy speaks plain http to the shop; the browser's Origin says https.
    const response = await proxied.request(`${SHOP}/orders/${orderId}/refund`, {
      method: 'POST',
      headers: { origin: 'https://shop.test', 'sec-fetch-site': 'same-origin', 'x-forwarded-proto': 'https' },
    });
    expect(response.status).toBe(303);
    expect(await orderById(client, orderId)).toMatchObject({ refundedAt: expect.any(String) });
  });

  test('answers an unknown order with a notice that names no order', async () => {
    const response = await app.request(`${SHOP}/orders/ord_nope/refund`, { method: 'POST', headers: fromTheShop });
    const location = response.headers.get('location') ?? '';
    expect(location).toBe('/orders?notice=unknown_order&order=ord_nope');
    expect(await (await app.request(`${SHOP}${location}`)).text()).toContain('No order has this id.');
  });
});
