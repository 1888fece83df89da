/**
 * `refundOrder` over the shop's real parts (ledger, receiver, signed SDK in-process): a refund marks
 * the order refunded once, however many ask at once, and takes the ambassador's reward back through a
 * signed reversal that is sent only after the order's redemption is recorded; the ledger's stats, and
 * so the dashboard, show the reward reversed. On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { findEnrolment } from './code-lookup.js';
import { dashboardPage } from './dashboard.js';
import type { SqlClient } from './database.js';
import { resendPendingReports } from './order-reports.js';
import { orderById, referredOrders } from './orders.js';
import { placeOrder } from './place-order.js';
import { refundOrder } from './refund-order.js';
import { type InProcessShop, inProcessShop } from './testing/in-process-shop.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const unavailable = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });

describe.each(testDatabases)('refundOrder on $kind', (database) => {
  let client: SqlClient;
  let shop: InProcessShop;
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    shop = await inProcessShop(client);
  });

  let customers = 0;
  /** Places a tin of sencha for a new customer (or `email`), with the seeded ambassador's code unless `code` is null. */
  const placed = async (code: string | null = shop.ambassador.code, email = `friend-${customers++}@example.com`) => {
    const enrolment = code ? await findEnrolment(client, shop.store, shop.programs, code, new Date()) : null;
    const request = { email, items: [{ sku: 'sencha-tin', quantity: 1 }], ...(code ? { code } : {}) };
    const result = await placeOrder(client, request, enrolment, shop.program, shop.deliver.redeem, null, new Date());
    if (!result.ok) throw new Error(`The order was not placed: ${result.error.code}`);
    return result.value.order.id;
  };
  const refund = (id: string) => refundOrder(client, shop.programs, shop.deliver.reverse, id, new Date());
  const ambassadorStats = async () => {
    const stats = await shop.store.stats({ program: shop.program.id });
    return { stats, row: stats.ambassadors.find((row) => row.code === shop.ambassador.code) };
  };

  test("refunds a referred order and reverses its ambassador's reward in the ledger", async () => {
    const id = await placed();
    expect((await ambassadorStats()).row).toMatchObject({
      redemptions: 1,
      rewards: { credit: { pending: 1000, reversed: 0 } },
    });
    const result = await refund(id);
    expect(result).toMatchObject({ ok: true, order: { id, reversal: 'recorded' } });
    expect(await orderById(client, id)).toMatchObject({
      status: 'placed',
      report: 'recorded',
      ambassadorRewarded: true,
      reversal: 'recorded',
    });
    expect((await orderById(client, id))?.refundedAt).toEqual(expect.any(String));
    expect(shop.sent).toEqual(['redemption', 'reversal']);
    const { stats, row } = await ambassadorStats();
    expect(row).toMatchObject({
      redemptions: 0,
      revenue: 0,
      rewardCost: 0,
      rewards: { credit: { pending: 0, confirmed: 0, reversed: 1000 } },
    });
    // The dashboard's figures are these stats.
    const page = dashboardPage(stats, shop.program.brand).text;
    const cells = new RegExp(`<tr data-code="${shop.ambassador.code}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    expect(cells).toContain('<td data-metric="rewards-reversed">$10.00 credit</td>');
    expect(cells).toContain('<td data-metric="rewards-pending">$0.00 credit</td>');
    // Refunded within the reward hold: the reward was never due, so nothing is owed back.
    expect(cells).toContain('<td data-metric="rewards-owed-back">$0.00</td>');
  });

  test('shows a reward refunded after its hold as owed back on the dashboard, and one refunded within it as not', async () => {
    const day = 86_400_000;
    const start = new Date();
    let clock = start;
    shop = await inProcessShop(client, start, () => clock);
    const order = async (email: string) => {
      const enrolment = await findEnrolment(client, shop.store, shop.programs, shop.ambassador.code, clock);
      const request = { email, items: [{ sku: 'sencha-tin', quantity: 1 }], code: shop.ambassador.code };
      const result = await placeOrder(client, request, enrolment, shop.program, shop.deliver.redeem, null, clock);
      if (!result.ok) throw new Error(`The order was not placed: ${result.error.code}`);
      return result.value.order.id;
    };
    const [cancelled, clawedBack] = [await order('within@example.com'), await order('after@example.com')];
    clock = new Date(start.getTime() + 2 * day);
    expect(await refundOrder(client, shop.programs, shop.deliver.reverse, cancelled, clock)).toMatchObject({
      ok: true,
    });
    // The program holds rewards 14 days: on day 15 the second order's $10 is confirmed, then refunded.
    clock = new Date(start.getTime() + 15 * day);
    expect(await refundOrder(client, shop.programs, shop.deliver.reverse, clawedBack, clock)).toMatchObject({
      ok: true,
      order: { reversal: 'recorded' },
    });
    const stats = await shop.store.stats({ program: shop.program.id, now: clock });
    const row = stats.ambassadors.find((entry) => entry.code === shop.ambassador.code);
    expect(row?.rewards).toEqual({ credit: { pending: 0, confirmed: 0, reversed: 2000, owedBack: 1000 } });
    const page = dashboardPage(stats, shop.program.brand).text;
    const cells = new RegExp(`<tr data-code="${shop.ambassador.code}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    expect(cells).toContain('<td data-metric="rewards-reversed">$20.00 credit</td>');
    expect(cells).toContain('<td data-metric="rewards-owed-back">$10.00 credit</td>');
  });

  test('keeps that a repeat order earned its ambassador no reward, and reverses its redemption on a refund', async () => {
    const email = 'returning@example.com';
    await placed(shop.ambassador.code, email);
    // Ordered again without a code: reported under the code that brought them, at the full price.
    const repeat = await placed(null, email);
    expect(await orderById(client, repeat)).toMatchObject({
      code: shop.ambassador.code,
      discount: 0,
      report: 'recorded',
      ambassadorRewarded: false,
    });
    expect(await refund(repeat)).toMatchObject({
      ok: true,
      order: { reversal: 'recorded', ambassadorRewarded: false },
    });
    // The ledger's redemption is reversed (out of revenue and retention); no reward moves.
    expect((await ambassadorStats()).row).toMatchObject({ redemptions: 1, rewards: { credit: { reversed: 0 } } });
  });

  test('refunds once for ten refunds at once, and sends one reversal', async () => {
    const id = await placed();
    const results = await Promise.all(Array.from({ length: 10 }, () => refund(id)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.code === 'already_refunded')).toHaveLength(9);
    expect(shop.sent.filter((type) => type === 'reversal')).toHaveLength(1);
    expect((await ambassadorStats()).row?.rewards.credit?.reversed).toBe(1000);
  });

  test('refunds an order without a referral and sends nothing', async () => {
    const id = await placed(null);
    expect(await refund(id)).toMatchObject({ ok: true, order: { id, reversal: null } });
    expect(shop.sent).toEqual([]);
  });

  test('keeps a reversal pending after a 503 and sends it again with the pending redemptions', async () => {
    const id = await placed();
    shop.answer(unavailable);
    expect(await refund(id)).toMatchObject({ ok: true, order: { reversal: 'pending' } });
    shop.answer(null);
    expect(await resendPendingReports(client, shop.programs, shop.deliver)).toBe(0);
    expect(await orderById(client, id)).toMatchObject({ reversal: 'recorded' });
    expect((await ambassadorStats()).row?.rewards.credit?.reversed).toBe(1000);
  });

  test("holds a reversal back until the order's redemption is recorded, then sends both in order", async () => {
    shop.answer(unavailable);
    const id = await placed();
    expect(await orderById(client, id)).toMatchObject({ report: 'pending' });
    const attempts = shop.sent.length;
    expect(await refund(id)).toMatchObject({ ok: true, order: { report: 'pending', reversal: 'pending' } });
    // Sent now, the reversal would wait on the receiver (redemption_pending), refused five minutes on.
    expect(shop.sent).toHaveLength(attempts);
    shop.answer(null);
    expect(await resendPendingReports(client, shop.programs, shop.deliver)).toBe(0);
    expect(shop.sent.slice(attempts)).toEqual(['redemption', 'reversal']);
    expect(await orderById(client, id)).toMatchObject({
      report: 'recorded',
      ambassadorRewarded: true,
      reversal: 'recorded',
    });
    expect((await ambassadorStats()).row).toMatchObject({ redemptions: 0, rewards: { credit: { reversed: 1000 } } });
  });

  test('refunds an order whose redemption report failed, with no reversal to send', async () => {
    const id = await placed();
    // A report the receiver refused as an event: no reward in the ledger to take back.
    await client.query(`UPDATE demo_orders SET report = 'failed' WHERE id = $1`, [id]);
    const sent = shop.sent.length;
    expect(await refund(id)).toMatchObject({ ok: true, order: { id, reversal: null } });
    expect(await resendPendingReports(client, shop.programs, shop.deliver)).toBe(0);
    expect(shop.sent).toHaveLength(sent);
  });

  test('refuses an order it does not know, and one the program refused at checkout', async () => {
    expect(await refund('ord_nope')).toEqual({ ok: false, code: 'unknown_order' });
    const first = await placed();
    // The same customer again on the first-order offer: refused at checkout, so never placed.
    const { rows } = await client.query<{ email_hash: string }>('SELECT email_hash FROM demo_orders WHERE id = $1', [
      first,
    ]);
    await client.query(
      `UPDATE demo_orders SET status = 'refused', report = 'refused' WHERE id = $1 AND email_hash = $2`,
      [first, rows[0]?.email_hash],
    );
    expect(await refund(first)).toEqual({ ok: false, code: 'not_placed' });
  });

  test("leaves a refunded order out of the shop's copy of the customer's ledger", async () => {
    const id = await placed();
    const order = await orderById(client, id);
    expect(await referredOrders(client, order!.customerId)).toHaveLength(1);
    await refund(id);
    expect(await referredOrders(client, order!.customerId)).toEqual([]);
  });
});
