/**
 * `confirmOrder`, the receiver's check of a browser's unsigned redemption against the shop's orders: a
 * claim counts only with the order's code, amounts and customer as the shop recorded them, so that no
 * one but the shop decides who ordered. On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import type { Customer, RedemptionEvent } from '@referkit/events';
import { beforeEach, describe, expect, test } from 'vitest';
import { findEnrolment } from './code-lookup.js';
import { confirmOrder } from './confirm-order.js';
import type { SqlClient } from './database.js';
import { claimOf } from './order-reports.js';
import { insertOrder, orderById } from './orders.js';
import { placeOrder } from './place-order.js';
import { type InProcessShop, inProcessShop } from './testing/in-process-shop.js';
import { aShopOrder } from './testing/shop-order.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const order = aShopOrder({ report: 'pending' });

/** The browser's claim for the shop's order, as the thank-you page sends it, with `customer` as given. */
const aClaim = (customer: Customer | undefined, changes: Partial<RedemptionEvent> = {}): RedemptionEvent => ({
  v: 1,
  id: 'evt_browser_claim_01',
  type: 'redemption',
  program: order.program,
  code: order.code as string,
  occurredAt: order.createdAt,
  orderId: order.id,
  order: { currency: order.currency, subtotal: order.subtotal, discount: order.discount, total: order.total },
  ...(customer ? { customer } : {}),
  ...changes,
});
const asRecorded = { id: order.customerId, firstOrder: order.firstOrder };

describe.each(testDatabases)('confirmOrder on $kind', (database) => {
  let client: SqlClient;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    await client.query(`INSERT INTO demo_programs (id, program) VALUES ('fernwood-friends', '{}')`);
    await insertOrder(client, order);
  });

  test('confirms the claim the shop would report for the order', async () => {
    expect(claimOf(order)?.customer).toEqual(asRecorded);
    expect(await confirmOrder(client, aClaim(asRecorded))).toBe(true);
  });

  test('confirms a claim that also names the customer’s email hash, when it is the one recorded', async () => {
    expect(await confirmOrder(client, aClaim({ ...asRecorded, emailHash: order.emailHash }))).toBe(true);
  });

  test.each<[string, Customer | undefined]>([
    ['no customer', undefined],
    ['a customer without the id', { firstOrder: true }],
    ['a customer without firstOrder', { id: order.customerId }],
    ['another customer', { id: 'cus_someone_else', firstOrder: true }],
    ['a first order claimed as a repeat one', { id: order.customerId, firstOrder: false }],
    ['another email hash', { ...asRecorded, emailHash: 'b'.repeat(64) }],
  ])('refuses a claim with %s', async (_why, customer) => {
    expect(await confirmOrder(client, aClaim(customer))).toBe(false);
  });

  test('refuses a claim with another code or amount, or for an order the shop never placed', async () => {
    expect(await confirmOrder(client, aClaim(asRecorded, { code: 'MAYA-4FD8PK' }))).toBe(false);
    expect(await confirmOrder(client, aClaim(asRecorded, { order: { ...aClaim(asRecorded).order, total: 1 } }))).toBe(
      false,
    );
    expect(await confirmOrder(client, aClaim(asRecorded, { orderId: 'ord_never_placed' }))).toBe(false);
  });
});

describe.each(testDatabases)("a browser's claim through the demo's receiver on $kind", (database) => {
  let client: SqlClient;
  let shop: InProcessShop;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    shop = await inProcessShop(client);
  });

  test("pays no ambassador for their own order when a claim leaves the customer out while the shop's report is pending", async () => {
    // The shop's signed report waits (its receiver unavailable): the order stands, its report pending.
    shop.answer(() => new Response(null, { status: 503, headers: { 'retry-after': '0' } }));
    const code = shop.ambassador.code;
    const enrolment = await findEnrolment(client, shop.store, shop.programs, code, new Date());
    const placed = await placeOrder(
      client,
      { email: 'alex@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }], code },
      enrolment,
      shop.program,
      shop.deliver.redeem,
      null,
      new Date(),
    );
    if (!placed.ok || !placed.value.redemption) throw new Error('The order was not placed with a referral.');
    expect(await orderById(client, placed.value.order.id)).toMatchObject({ report: 'pending' });
    const { orderId, order, customer } = placed.value.redemption;
    const claim = (id: string, withCustomer?: Customer) =>
      shop.receiver(
        new Request('http://shop.test/api/referrals/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            v: 1,
            id,
            type: 'redemption',
            program: shop.program.id,
            code,
            occurredAt: new Date().toISOString(),
            orderId,
            order,
            ...(withCustomer ? { customer: withCustomer } : {}),
          }),
        }),
      );
    const answer = async (response: Promise<Response>) => {
      const answered = await response;
      return [answered.status, ((await answered.json()) as { error?: { code: string } }).error?.code];
    };
    expect(await answer(claim('evt_claim_stripped_01'))).toEqual([422, 'order_not_confirmed']);
    expect(await answer(claim('evt_claim_honest_001', customer))).toEqual([422, 'self_referral']);
    const stats = await shop.store.stats({ program: shop.program.id, code });
    expect(stats.ambassadors[0]).toMatchObject({ redemptions: 0 });
  });
});
