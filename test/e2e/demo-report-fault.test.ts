/**
 * The shop's own setup at fault: the receiver refuses the signed redemption for its signature (here
 * its clock is an hour ahead of the signer's, as a wrong secret would too), which says nothing about
 * the referral. The order stands at the price the shopper saw, its report is kept pending and logged
 * for the operator, and once the setup is right the next start sends it and it is recorded once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Demo, startDemo } from '../../examples/backend/src/start-demo.js';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { buildCheckout } from './demo-server.js';

const HOUR = 3_600_000;

describe('a signed report the receiver refuses for the shop’s own setup', () => {
  let dataDir: string;
  let demo: Demo;
  let browser: Browser;
  const placed: string[] = [];

  /** Starts the demo on this test's data, with the receiver's clock `ahead` of the shop's, which signs. */
  const start = async (ahead: number) => {
    const started = await startDemo({ port: 0, dataDir, receiverNow: () => new Date(Date.now() + ahead) });
    if (!started.ok) throw new Error(started.error.message);
    return started.value;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-fault-'));
    await buildCheckout();
    [demo, browser] = await Promise.all([start(HOUR), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const code = () => demo.ambassadors[0]?.code ?? '';
  const ordersOf = async (ids: string[]) =>
    (
      await demo.client.query<{ id: string; status: string; report: string }>(
        'SELECT id, status, report FROM demo_orders WHERE id = ANY($1) ORDER BY created_at',
        [ids],
      )
    ).rows;

  test('takes the order at the price shown, keeps its report pending and tells the operator', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await fetch(`${demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `fault-${Date.now()}@example.com`,
        items: [{ sku: 'sencha-tin', quantity: 1 }],
        code: code(),
        expectedTotal: 4080,
      }),
    });
    const body = await response.json();
    const lines = logged.mock.calls.map(([line]) => String(line));
    logged.mockRestore();
    expect(response.status).toBe(201);
    expect(body.order).toMatchObject({ discount: 720, total: 4080 });
    // Kept, and sent again: queued, as the SDK says of an event it will retry.
    expect(body.referral).toMatchObject({ ok: false, queued: true, error: { code: 'timestamp_out_of_tolerance' } });
    placed.push(body.order.id);
    expect(await ordersOf(placed)).toEqual([{ id: body.order.id, status: 'placed', report: 'pending' }]);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[referkit-demo\\] Could not report the redemption of order ${body.order.id}: the receiver answered timestamp_out_of_tolerance .*REFERKIT_WEBHOOK_SECRET`,
        ),
      ),
    ]);
  });

  test('shows the shopper the thank-you page of their order, not the receiver’s words', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${demo.url}/checkout/?sku=sencha-tin&qty=1&ref=${code()}`);
    await expect.poll(() => page.locator('#discount').textContent(), { timeout: 15_000 }).toBe('−$7.20');
    await page.getByLabel('Email').fill(`fault-page-${Date.now()}@example.com`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    placed.push(new URL(page.url()).searchParams.get('order') ?? '');
    expect(await page.locator('#order-total').textContent()).toBe('$40.80');
    expect(await page.locator('main').innerText()).not.toMatch(/signature|timestamp|tolerance/i);
    await page.context().close();
    const lines = logged.mock.calls.length;
    logged.mockRestore();
    expect(lines).toBe(1);
  });

  test('sends the kept reports once the clock is right, and each order is one redemption', async () => {
    await demo.close();
    demo = await start(0);
    await expect
      .poll(async () => (await ordersOf(placed)).map((order) => order.report), { timeout: 15_000 })
      .toEqual(['recorded', 'recorded']);
    const { rows } = await demo.client.query<{ orderId: string }>(
      `SELECT order_id AS "orderId" FROM referkit_ledger WHERE type = 'redemption' AND order_id = ANY($1)`,
      [placed],
    );
    expect(rows.map((row) => row.orderId).sort()).toEqual([...placed].sort());
  });
});
