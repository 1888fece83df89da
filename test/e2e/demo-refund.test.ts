/**
 * A refund, end to end in real Chromium over the built demo: a friend buys with an ambassador's code,
 * the shop's staff refunds the order from the orders page (a plain form, no script), the dashboard
 * shows the ambassador's reward reversed and the thank-you page says the order was refunded; a form
 * on another site that posts the same refund is refused; a repeat order, which earned no reward, is
 * credited to the friend who brought its shopper and refunded without a reward said reversed. On
 * PGlite and on PostgreSQL.
 */
import type { Ambassador } from '@referkit/events';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, demoDatabases, startDemoUnderTest } from './demo-server.js';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.each(demoDatabases)('a refund on $kind', (database) => {
  let running: DemoUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let ambassador: Ambassador;
  let orderId = '';
  let thanksUrl = '';
  const email = `refunded-${Date.now()}@example.com`;
  // Script errors and CSP or Trusted Types violations on the shop's pages.
  const problems: string[] = [];

  beforeAll(async () => {
    running = await startDemoUnderTest(database);
    browser = await chromium.launch(chromiumOptions);
    context = await browser.newContext();
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          problems.push(`${page.url()}: ${message.text()}`);
      });
    });
    const found = running.demo.ambassadors.find((one) => one.role === 'ambassador');
    if (!found) throw new Error('The demo seeded no ambassador of the role "ambassador".');
    ambassador = found;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const url = (path: string) => `${running.demo.url}${path}`;
  const dashboardRow = async (page: Page) => {
    await page.goto(url('/dashboard'));
    const row = page.locator(`tr[data-code="${ambassador.code}"]`);
    const cell = async (metric: string) => (await row.locator(`[data-metric="${metric}"]`).textContent())?.trim();
    return {
      redemptions: await cell('redemptions'),
      revenue: await cell('revenue'),
      pending: await cell('rewards-pending'),
      reversed: await cell('rewards-reversed'),
    };
  };

  test("buys with the ambassador's code", async () => {
    const page = await context.newPage();
    await page.goto(url(`/checkout/?sku=sencha-tin&qty=1&ref=${ambassador.code}`));
    await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    thanksUrl = page.url();
    orderId = new URL(thanksUrl).searchParams.get('order') ?? '';
    await eventually(() => page.locator('#referral').textContent()).toBe(
      `You saved $7.20 with code ${ambassador.code}. Your friend earns $10.00 credit (pending).`,
    );
    expect(await dashboardRow(page)).toEqual({
      redemptions: '1',
      revenue: '$40.80',
      pending: '$10.00 credit',
      reversed: '$0.00 credit',
    });
  });

  test('refunds the order from the orders page, once, without JavaScript', async () => {
    const staff = await browser.newContext({ javaScriptEnabled: false });
    const page = await staff.newPage();
    await page.goto(url('/dashboard'));
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.waitForURL(url('/orders'));
    const row = page.locator(`tr[data-order="${orderId}"]`);
    expect(await row.locator('[data-field="referral"]').textContent()).toBe('Redemption recorded');
    await row.getByRole('button', { name: `Refund order ${orderId}` }).click();
    await page.waitForURL(url(`/orders?notice=refunded&order=${orderId}`));
    expect(await page.getByRole('status').textContent()).toBe(
      `Order ${orderId} is refunded. Its ambassador’s reward is reversed.`,
    );
    // A server-rendered status has its text at load, so nothing is announced: the title says it, and
    // focus lands on the notice (no script under the CSP: `autofocus`), so a screen reader reads it.
    expect(await page.title()).toBe(`Refunded order ${orderId} · Fernwood Tea orders`);
    await eventually(() => page.locator(':focus').textContent()).toBe(
      `Order ${orderId} is refunded. Its ambassador’s reward is reversed.`,
    );
    expect(await row.locator('[data-field="referral"]').textContent()).toBe('Reward reversed');
    expect(await row.getByRole('button').count()).toBe(0);
    // The page as a second tab still shows it: its Refund button refunds nothing more.
    const response = await page.request.post(url(`/orders/${orderId}/refund`), {
      headers: { origin: running.demo.url },
      maxRedirects: 0,
    });
    expect(response.headers().location).toBe(`/orders?notice=already_refunded&order=${orderId}`);
    await staff.close();
  });

  test("shows the ambassador's reward reversed on the dashboard", async () => {
    const page = await context.newPage();
    expect(await dashboardRow(page)).toEqual({
      redemptions: '0',
      revenue: '$0.00',
      pending: '$0.00 credit',
      reversed: '$10.00 credit',
    });
  });

  test('says on the thank-you page that the order was refunded', async () => {
    const page = await context.newPage();
    await page.goto(thanksUrl);
    await eventually(() => page.locator('#referral').getAttribute('data-state')).toBe('refunded');
    expect(await page.locator('#referral').textContent()).toBe(
      `This order was refunded, so it no longer earns your friend a reward for code ${ambassador.code}.`,
    );
    expect((await dashboardRow(page)).reversed).toBe('$10.00 credit');
  });

  test('refuses the same form posted from another site, and refunds nothing', async () => {
    const placed = await fetch(url('/api/orders'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `other-${email}`,
        items: [{ sku: 'sencha-tin', quantity: 1 }],
        code: ambassador.code,
      }),
    });
    const target = ((await placed.json()) as { order: { id: string } }).order.id;
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    // A page of another site, with a form that posts to the shop's Refund URL.
    await page.route('http://elsewhere.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${url(`/orders/${target}/refund`)}"><button>Win a prize</button></form>`,
      }),
    );
    await page.goto('http://elsewhere.test/');
    const [response] = await Promise.all([
      page.waitForResponse(url(`/orders/${target}/refund`)),
      page.getByRole('button', { name: 'Win a prize' }).click(),
    ]);
    expect(response.status()).toBe(403);
    const order = await (await fetch(url(`/api/orders/${target}`))).json();
    expect(order).toMatchObject({ order: { id: target }, refundedAt: null });
    await visitor.close();
  });

  let repeatId = '';
  const returning = `returning-${email}`;

  test('credits a repeat order placed without a code to the friend who brought the shopper', async () => {
    const first = await fetch(url('/api/orders'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: returning, items: [{ sku: 'sencha-tin', quantity: 1 }], code: ambassador.code }),
    });
    expect(first.status).toBe(201);
    // A new device, no link: the shopper enters no code.
    const shopper = await browser.newContext();
    const page = await shopper.newPage();
    await page.goto(url('/checkout/?sku=sencha-tin&qty=1'));
    await page.getByLabel('Email').fill(returning);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    repeatId = new URL(page.url()).searchParams.get('order') ?? '';
    await eventually(() => page.locator('#referral').textContent()).toBe(
      `Your order is credited to ${ambassador.code}, the code of the friend who brought you.`,
    );
    await shopper.close();
  });

  test('refunds the repeat order as one that earned no reward to reverse', async () => {
    const staff = await browser.newContext({ javaScriptEnabled: false });
    const page = await staff.newPage();
    await page.goto(url('/orders'));
    const row = page.locator(`tr[data-order="${repeatId}"]`);
    await row.getByRole('button', { name: `Refund order ${repeatId}` }).click();
    await page.waitForURL(url(`/orders?notice=refunded&order=${repeatId}`));
    expect(await page.getByRole('status').textContent()).toBe(
      `Order ${repeatId} is refunded. It earned its ambassador no reward: its redemption no longer counts in their figures.`,
    );
    expect(await row.locator('[data-field="referral"]').textContent()).toBe(
      'Redemption reversed (it earned no reward)',
    );
    await staff.close();
    const thanks = await context.newPage();
    await thanks.goto(url(`/checkout/thanks.html?order=${repeatId}`));
    await eventually(() => thanks.locator('#referral').getAttribute('data-state')).toBe('refunded');
    expect(await thanks.locator('#referral').textContent()).toBe('This order was refunded.');
  });

  test('runs the pages without script errors under the strict CSP', () => {
    expect(problems).toEqual([]);
  });
});
