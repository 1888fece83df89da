/**
 * Links into the checkout that name something the shop does not have, in real Chromium: a code no
 * ambassador has (a typo in a shared link, an ambassador who left) and a product the shop does not
 * sell. The page says so, as it does for a code typed by hand, rather than dropping the code or
 * swapping in another product. What the page says does not depend on the database: PGlite only.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('links into the checkout', () => {
  let running: DemoUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest({ kind: 'pglite' }), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  /** A new shopper's page, in a browser context of its own. */
  const freshPage = async () => (await browser.newContext()).newPage();
  /** The page's alert, or null while there is none (read at once, so a poll sees it appear). */
  const alert = async (page: Page) => {
    const shown = page.locator('#error');
    return (await shown.isVisible()) ? shown.textContent() : null;
  };

  test("says a link's code is no ambassador's, as it does for a typed one", async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=oolong-tin&qty=1&ref=NOPE-ABCDEF`);
    await eventually(() => alert(page)).toBe('No ambassador has the code NOPE-ABCDEF.');
    expect(await page.locator('#total').textContent()).toBe('$36.00');
    await page.context().close();
  });

  test('says the code captured on the storefront is no ambassador’s, at checkout', async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/?ref=NOPE-ABCDEF`);
    await page.getByRole('button', { name: 'Buy now' }).click();
    await page.waitForURL(/\/checkout\//);
    await eventually(() => alert(page)).toBe('No ambassador has the code NOPE-ABCDEF.');
    expect(await page.getByLabel('Referral code').inputValue()).toBe('NOPE-ABCDEF');
    await page.context().close();
  });

  /** Whether the code field is marked invalid, and the text of what its aria-describedby names. */
  const codeField = async (page: Page) => {
    const field = page.getByLabel('Referral code');
    const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return { invalid: await field.getAttribute('aria-invalid'), description: texts.join(' ') };
  };

  test("ties a link's unknown code to the code field, as its description", async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=oolong-tin&qty=1&ref=NOPE-ABCDEF`);
    await eventually(() => alert(page)).toBe('No ambassador has the code NOPE-ABCDEF.');
    expect(await codeField(page)).toEqual({ invalid: 'true', description: 'No ambassador has the code NOPE-ABCDEF.' });
    await page.context().close();
  });

  test('ties a typed code that is not one to the code field, and unties it once a good code applies', async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=oolong-tin&qty=1`);
    await page.getByLabel('Referral code').fill('??');
    await page.getByRole('button', { name: 'Apply' }).click();
    const message = 'That does not look like a referral code. Codes look like ALEX-7HC2QK.';
    await eventually(() => alert(page)).toBe(message);
    expect(await codeField(page)).toEqual({ invalid: 'true', description: message });
    await page.getByLabel('Referral code').fill(running.demo.ambassadors[0]?.code ?? '');
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => alert(page)).toBe(null);
    expect(await codeField(page)).toEqual({ invalid: null, description: '' });
    await page.context().close();
  });

  test('says the shop sells no such product rather than putting another in the basket', async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=nope&qty=1`);
    await eventually(() => alert(page)).toBe('This shop sells no product "nope". Choose one in the shop.');
    expect(await page.locator('#lines').textContent()).toBe('');
    const orders: string[] = [];
    page.on('request', (request) => request.url().endsWith('/api/orders') && orders.push(request.method()));
    await page.getByLabel('Email').fill(`no-product-${Date.now()}@example.com`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForTimeout(500);
    expect(orders).toEqual([]);
    expect(page.url()).not.toContain('thanks');
    await page.context().close();
  });
});
