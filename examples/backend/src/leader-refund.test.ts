/**
 * A community leader's member whose first order is refunded, through the shop's app over its real parts
 * in-process: the member's first order with Maya's code, two more orders (reported under her code as
 * repeat orders, which earn her the retention reward), then the first order refunded. The ledger takes
 * the retention rewards back with it, so Maya's panel and the dashboard say the same thing: no friend
 * joined, nothing pending, no cost. On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import type { AmbassadorPublicStats } from '@referkit/events';
import { beforeEach, describe, expect, test } from 'vitest';
import { listAmbassadors } from './ambassadors.js';
import { createDemoApp } from './app.js';
import { inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const SHOP = 'http://shop.test';
const fromTheShop = { origin: SHOP, 'sec-fetch-site': 'same-origin' };

const cell = (row: string, metric: string) =>
  new RegExp(`<td data-metric="${metric}">(.*?)</td>`, 's').exec(row)?.[1] ?? '';

describe.each(testDatabases)("a leader's member's refunded first order on $kind", (database) => {
  const tables = freshDemoTables(database);
  let app: ReturnType<typeof createDemoApp>;
  let maya = '';

  beforeEach(async () => {
    const client = tables();
    const shop = await inProcessShop(client);
    const { store, programs, program, receiver, deliver } = shop;
    app = createDemoApp({ client, store, programs, program, receiver, deliver, origin: SHOP });
    const leader = (await listAmbassadors(client, program.id)).find((one) => one.role === 'community_leader');
    maya = leader?.code ?? '';
  });

  const order = async (code?: string) => {
    const placed = await app.request(`${SHOP}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'member@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }], code }),
    });
    expect(placed.status).toBe(201);
    return ((await placed.json()) as { order: { id: string } }).order.id;
  };
  const panel = async () =>
    (await (await app.request(`${SHOP}/api/ambassadors/${maya}/stats`)).json()) as AmbassadorPublicStats;

  test('takes back the retention rewards with it: the panel and the dashboard say no friend joined and nothing is owed', async () => {
    const first = await order(maya);
    await order();
    await order();
    // 5% of two $48 repeat orders beside the $10 for the first: what the refund must take back.
    expect((await panel()).rewards).toEqual([{ type: 'credit', currency: 'USD', earned: 0, pending: 1480 }]);
    const refunded = await app.request(`${SHOP}/orders/${first}/refund`, { method: 'POST', headers: fromTheShop });
    expect(refunded.status).toBe(303);
    await order();
    const after = await panel();
    expect([after.friendsJoined, after.rewards]).toEqual([
      0,
      [{ type: 'credit', currency: 'USD', earned: 0, pending: 0 }],
    ]);
    const page = await (await app.request(`${SHOP}/dashboard`)).text();
    const row = new RegExp(`<tr data-code="${maya}">(.*?)</tr>`, 's').exec(page)?.[1] ?? '';
    expect([cell(row, 'redemptions'), cell(row, 'reward-cost'), cell(row, 'rewards-pending')]).toEqual([
      '3',
      '$0.00',
      '$0.00 credit',
    ]);
    expect(cell(row, 'roi')).toContain('no ROI');
    expect(cell(row, 'repeat-order-rate')).toContain('No referred customers yet');
  });
});
