/**
 * The sign-up form through the shop's app, over its real parts in-process: posted from the shop's own
 * account page it enrols the ambassador and answers 303 to their page; posted from another site (CSRF:
 * any page can post a form to the shop from a visitor's browser) it is refused and enrols no one.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createDemoApp } from './app.js';
import type { SqlClient } from './database.js';
import { inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const SHOP = 'http://shop.test';

describe.each(testDatabases)('the sign-up form on $kind', (database) => {
  let client: SqlClient;
  let app: ReturnType<typeof createDemoApp>;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    const { store, programs, program, receiver, deliver } = await inProcessShop(client);
    app = createDemoApp({ client, store, programs, program, receiver, deliver, origin: SHOP });
  });

  const signUp = (headers: Record<string, string>) =>
    app.request(`${SHOP}/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({
        displayName: 'Mallory',
        role: 'ambassador',
        email: 'mallory@example.com',
      }).toString(),
    });
  const names = async () =>
    (await client.query<{ name: string }>(`SELECT ambassador->>'displayName' AS name FROM demo_ambassadors`)).rows.map(
      (row) => row.name,
    );

  test('enrols from the shop’s own page and answers 303 to the new page', async () => {
    const response = await signUp({ origin: SHOP, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/account\?code=MALLORY-/);
    expect(await names()).toContain('Mallory');
  });

  test.each([
    ['a form on another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['another site that sends only Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
    ['a sandboxed frame (Origin: null)', { origin: 'null' }],
    ['a request that says where it comes from in neither header', {}],
  ])('refuses %s with 403 and enrols no one', async (_from, headers) => {
    const response = await signUp(headers);
    expect(response.status).toBe(403);
    expect(await names()).not.toContain('Mallory');
  });
});
