/**
 * One checkout attempt places at most one order: `POST /api/orders` with an `Idempotency-Key` the
 * shop has seen is answered with the order that key placed — the same id, totals and redemption,
 * never "this email has ordered before" and never a second order — on PGlite and on PostgreSQL.
 * In Chromium, a friend whose answer was lost presses "Place order" again and sees that order.
 */
import { randomUUID } from 'node:crypto';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { customerIdentity } from '../../examples/backend/src/customer-identity.js';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, demoDatabases, SCENE_SIGN_UPS, startDemoUnderTest } from './demo-server.js';

describe.each(demoDatabases)('a repeated checkout attempt on $kind', (database) => {
  let running: DemoUnderTest;
  let browser: Browser;
  let run = 0;

  beforeAll(async () => {
    // A new ambassador for each test, a dozen in all: more than the throttle takes from one address.
    running = await startDemoUnderTest(database, { signUps: SCENE_SIGN_UPS });
    browser = await chromium.launch(chromiumOptions);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const url = (path: string) => `${running.demo.url}${path}`;
  /** A new ambassador's code, so each test counts only its own redemptions. */
  const aCode = async (role = 'ambassador') => {
    const response = await fetch(url('/api/ambassadors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Rosa Lind', role }),
    });
    return ((await response.json()) as { code: string }).code;
  };
  const anEmail = () => `friend-${Date.now()}-${run++}@example.com`;
  /** One $48.00 tin at the 15% first-order discount the checkout previews, or without a code at full price. */
  const aTin = (email: string, code?: string) => ({
    email,
    items: [{ sku: 'sencha-tin', quantity: 1 }],
    ...(code ? { code, expectedTotal: 4080 } : { expectedTotal: 4800 }),
  });
  const order = async (body: unknown, key?: string) => {
    const response = await fetch(url('/api/orders'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const ordersOf = async (email: string) => {
    const { customerId } = await customerIdentity(email);
    const { rows } = await running.demo.client.query<{ id: string; status: string }>(
      'SELECT id, status FROM demo_orders WHERE customer_id = $1 ORDER BY created_at',
      [customerId],
    );
    return rows;
  };
  const redemptionsOf = async (code: string) => {
    const { rows } = await running.demo.client.query<{ orderId: string }>(
      `SELECT order_id AS "orderId" FROM referkit_ledger WHERE type = 'redemption' AND code = $1`,
      [code],
    );
    return rows.map((row) => row.orderId);
  };

  test('answers the same attempt twice with the one order it placed, redeemed once', async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    const first = await order(aTin(email, code), key);
    const again = await order(aTin(email, code), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.order).toEqual(first.body.order);
    expect(again.body.order).toMatchObject({ subtotal: 4800, discount: 720, total: 4080 });
    expect(again.body.redemption).toEqual(first.body.redemption);
    // The same signed event again: the receiver's answer is `duplicate`, with the first answer's rewards.
    expect([first.body.referral.status, again.body.referral.status]).toEqual([201, 200]);
    expect(again.body.referral.rewards).toEqual(first.body.referral.rewards);
    expect(await ordersOf(email)).toEqual([{ id: first.body.order.id, status: 'placed' }]);
    expect(await redemptionsOf(code)).toEqual([first.body.order.id]);
  });

  test("answers a leader's member's repeated attempt with its order, not at the price of a repeat order", async () => {
    const [code, email, key] = [await aCode('community_leader'), anEmail(), randomUUID()];
    const first = await order(aTin(email, code), key);
    // Priced again, the member's own first order would make this a repeat one: full price, `total_changed`.
    const again = await order(aTin(email, code), key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.order).toEqual(first.body.order);
    expect(again.body.order).toMatchObject({ discount: 720, total: 4080 });
    expect(await ordersOf(email)).toHaveLength(1);
  });

  test('answers the same attempt without a code with its one order', async () => {
    const [email, key] = [anEmail(), randomUUID()];
    const first = await order(aTin(email), key);
    const again = await order(aTin(email), key);
    expect([first.status, again.status, again.body]).toEqual([201, 201, first.body]);
    expect(await ordersOf(email)).toHaveLength(1);
  });

  test('places one order for ten requests of one attempt sent at once', async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    const answers = await Promise.all(Array.from({ length: 10 }, () => order(aTin(email, code), key)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const ids = new Set(answers.map((answer) => answer.body.order.id));
    expect(ids.size).toBe(1);
    expect(await ordersOf(email)).toEqual([{ id: [...ids][0], status: 'placed' }]);
    expect(await redemptionsOf(code)).toEqual([...ids]);
  });

  test('refuses the key of an attempt with another email, basket or code with 409, writing nothing', async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    const first = await order(aTin(email, code), key);
    expect(first.status).toBe(201);
    const other = anEmail();
    for (const body of [
      aTin(other, code),
      { ...aTin(email, code), items: [{ sku: 'sencha-tin', quantity: 2 }], expectedTotal: 8160 },
      aTin(email),
      aTin(email, await aCode()),
    ]) {
      const conflict = await order(body, key);
      expect([conflict.status, conflict.body.error?.code]).toEqual([409, 'idempotency_conflict']);
      expect(conflict.body.error.message).toContain('Idempotency-Key');
    }
    expect(await ordersOf(email)).toHaveLength(1);
    expect(await ordersOf(other)).toEqual([]);
    expect(await redemptionsOf(code)).toEqual([first.body.order.id]);
  });

  test('names in its 409 the order the key placed, as the thank-you page reads it', async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    const first = await order(aTin(email, code), key);
    const conflict = await order(aTin(anEmail(), code), key);
    expect([conflict.status, conflict.body.error?.code]).toEqual([409, 'idempotency_conflict']);
    expect(conflict.body.error.message).toContain(first.body.order.id);
    const shown = await (await fetch(url(`/api/orders/${first.body.order.id}`))).json();
    expect(conflict.body.error.placed).toEqual(shown);
    expect(conflict.body.error.placed.order).toEqual(first.body.order);
  });

  test('names no order in the 409 for a key whose order was refused', async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    expect((await order(aTin(email), randomUUID())).status).toBe(201);
    const refused = await order({ ...aTin(email, code), expectedTotal: undefined }, key);
    expect(refused.body.error?.code).toBe('not_first_order');
    const conflict = await order(aTin(email), key);
    expect([conflict.status, conflict.body.error?.code]).toEqual([409, 'idempotency_conflict']);
    expect(conflict.body.error.message).toContain('refused');
    expect(conflict.body.error).not.toHaveProperty('placed');
  });

  test('places a new order for a new key, which a first-order offer then refuses as ordered before', async () => {
    const [code, email] = [await aCode(), anEmail()];
    expect((await order(aTin(email), randomUUID())).status).toBe(201);
    const second = await order(aTin(email), randomUUID());
    expect(second.status).toBe(201);
    expect(await ordersOf(email)).toHaveLength(2);
    const withCode = await order({ ...aTin(email, code), expectedTotal: undefined }, randomUUID());
    expect([withCode.status, withCode.body.error?.code]).toEqual([422, 'not_first_order']);
  });

  test('answers a refused attempt again with its refusal', async () => {
    const [email, key] = [anEmail(), randomUUID()];
    const code = await aCode();
    // Their first order is without a code: the code's first-order offer is then not theirs to take.
    expect((await order(aTin(email), randomUUID())).status).toBe(201);
    const body = { email, items: [{ sku: 'sencha-tin', quantity: 1 }], code };
    const refused = await order(body, key);
    const again = await order(body, key);
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'not_first_order']);
    expect([again.status, again.body]).toEqual([422, refused.body]);
    expect((await ordersOf(email)).map((row) => row.status)).toEqual(['placed', 'refused']);
  });

  test("answers a referred friend's repeat order sent again without the code with the one order it placed", async () => {
    const [code, email, key] = [await aCode(), anEmail(), randomUUID()];
    expect((await order(aTin(email, code), randomUUID())).status).toBe(201);
    // Reported under the code that brought the friend, though the attempt named none.
    const first = await order(aTin(email), key);
    const again = await order(aTin(email), key);
    expect([first.status, again.status, first.body.code]).toEqual([201, 201, code]);
    expect(again.body.order).toEqual(first.body.order);
    expect(await redemptionsOf(code)).toHaveLength(2);
  });

  test('places an order sent without a key as before, each request a new one', async () => {
    const email = anEmail();
    const [first, second] = [await order(aTin(email)), await order(aTin(email))];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.order.id).not.toBe(first.body.order.id);
  });

  test('refuses an Idempotency-Key that is not one with 400, placing nothing', async () => {
    const email = anEmail();
    const refused = await order(aTin(email), 'short');
    expect([refused.status, refused.body.error?.code]).toEqual([400, 'invalid_idempotency_key']);
    expect(await ordersOf(email)).toEqual([]);
  });

  test('shows the order already placed when Place order is pressed again after its answer was lost', async () => {
    const [code, email] = [await aCode(), anEmail()];
    const context = await browser.newContext();
    const checkout = async () => {
      const page = await context.newPage();
      await page.goto(url(`/checkout/?sku=sencha-tin&qty=1&ref=${code}`));
      await expect.poll(() => page.locator('#discount').textContent(), { timeout: 15_000 }).toBe('−$7.20');
      await page.getByLabel('Email').fill(email);
      return page;
    };
    const first = await checkout();
    // The shop places the order, but its answer never reaches the page, as when the connection drops.
    let placed = '';
    await first.route('**/api/orders', async (route) => {
      placed = (await (await route.fetch()).json()).order.id;
      await route.abort('connectionreset');
    });
    await first.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => first.getByRole('alert').textContent()).toContain('could not be reached');
    expect(placed).toMatch(/^ord_/);
    // The friend closes the tab, comes back to the checkout and presses again.
    await first.close();
    const again = await checkout();
    await again.getByRole('button', { name: 'Place order' }).click();
    // The thank-you page's address, or what the checkout said instead (before the fix: "ordered before").
    const outcome = async () =>
      again.url().includes('/thanks.html') ? again.url() : await again.getByRole('alert').textContent();
    await expect.poll(outcome, { timeout: 15_000 }).toBe(url(`/checkout/thanks.html?order=${placed}`));
    await expect
      .poll(() => again.locator('#referral').textContent(), { timeout: 15_000 })
      .toBe(`You saved $7.20 with code ${code}. Your friend earns $10.00 credit (pending).`);
    expect(await again.locator('#referral').getAttribute('data-state')).toBe('duplicate');
    expect(await ordersOf(email)).toEqual([{ id: placed, status: 'placed' }]);
    expect(await redemptionsOf(code)).toEqual([placed]);
    await context.close();
  });

  test('says the order was placed when the email is edited after a lost answer, and places another only when asked', async () => {
    const [code, email, edited] = [await aCode(), anEmail(), anEmail()];
    const page = await (await browser.newContext()).newPage();
    await page.goto(url(`/checkout/?sku=sencha-tin&qty=1&ref=${code}`));
    await expect.poll(() => page.locator('#discount').textContent(), { timeout: 15_000 }).toBe('−$7.20');
    await page.getByLabel('Email').fill(email);
    let placed = '';
    await page.route('**/api/orders', async (route) => {
      placed = (await (await route.fetch()).json()).order.id;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('could not be reached');
    await page.unroute('**/api/orders');
    // The shopper fixes what they think was a typo, and presses again.
    await page.getByLabel('Email').fill(edited);
    for (let press = 0; press < 2; press++) {
      await page.getByRole('button', { name: 'Place order' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
        .toBe(
          `Your order was placed: order ${placed}, $40.80, with the email and code you entered first. Only the answer was lost on the way.`,
        );
      expect(await page.getByRole('link', { name: 'See your order' }).getAttribute('href')).toBe(
        `/checkout/thanks.html?order=${placed}`,
      );
    }
    expect(await ordersOf(edited)).toEqual([]);
    // A second order is a choice of its own, with the edited email, under a new key.
    await page.getByRole('button', { name: 'Place a second order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    const second = new URL(page.url()).searchParams.get('order');
    expect(second).not.toBe(placed);
    expect(await ordersOf(edited)).toEqual([{ id: second, status: 'placed' }]);
    expect(await ordersOf(email)).toEqual([{ id: placed, status: 'placed' }]);
    await page.context().close();
  });
});
