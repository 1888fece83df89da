/**
 * axe-core over every page of the running demo, in real Chromium at a laptop's 1280 px: the
 * storefront with a friend's banner, the account pages, the checkout with a code, the thank-you page,
 * the dashboard with a referred order in it, its tables wider than the window, and the orders page
 * with its Refund buttons and a refund's notice; and every page reflowed at a phone's 320 px, the
 * checkout's amounts whole. Accessibility does not depend on the database, so this runs on PGlite only.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

interface AxeResult {
  violations: { id: string; nodes: { target: unknown[] }[] }[];
  passes: { id: string }[];
}

describe('axe-core on the demo pages', () => {
  let running: DemoUnderTest;
  let browser: Browser;
  let axeSource: string;
  let code = '';
  let orderId = '';
  let refundedId = '';
  // An ambassador whose name has no spaces, and whose code has the twelve letters a handle may have.
  let long = '';

  beforeAll(async () => {
    [running, browser, axeSource] = await Promise.all([
      startDemoUnderTest({ kind: 'pglite' }),
      chromium.launch(chromiumOptions),
      readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8'),
    ]);
    code = running.demo.ambassadors[0]?.code ?? '';
    // A referred order, so the dashboard has a chart and figures in every column.
    const response = await fetch(`${running.demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `axe-${Date.now()}@example.com`,
        items: [{ sku: 'sencha-tin', quantity: 3 }],
        code,
      }),
    });
    orderId = ((await response.json()) as { order: { id: string } }).order.id;
    // An order without a code, refunded, for the orders page's notice (the dashboard keeps its figures).
    const unreferred = await fetch(`${running.demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `axe-refund-${Date.now()}@example.com`,
        items: [{ sku: 'sencha-tin', quantity: 1 }],
      }),
    });
    refundedId = ((await unreferred.json()) as { order: { id: string } }).order.id;
    await fetch(`${running.demo.url}/orders/${refundedId}/refund`, {
      method: 'POST',
      headers: { origin: running.demo.url },
      redirect: 'manual',
    });
    // Sixty letters, the most a name may have (a longer one is refused, and would test nothing).
    const signUp = await fetch(`${running.demo.url}/api/ambassadors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaf',
        role: 'ambassador',
      }),
    });
    expect(signUp.status).toBe(201);
    long = ((await signUp.json()) as { code: string }).code;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const open = async (path: string, width = 1280) => {
    // The pages' strict CSP with Trusted Types would refuse axe's own script tag; the demo journey
    // checks that the pages themselves run under it.
    const page = await browser.newPage({ viewport: { width, height: 800 }, bypassCSP: true });
    await page.goto(`${running.demo.url}${path}`);
    return page;
  };

  const audit = async (page: Page) => {
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    )) as AxeResult;
    await page.close();
    return {
      violations: result.violations.map(
        ({ id, nodes }) => `${id}: ${JSON.stringify(nodes.map((node) => node.target))}`,
      ),
      passes: result.passes.map((pass) => pass.id),
    };
  };

  test('finds no WCAG 2.2 AA violations on the dashboard, whose tables scroll sideways', async () => {
    const page = await open('/dashboard');
    // The audit is only worth something if a region really scrolls at this width.
    const byAmbassador = page.locator('table:has(caption:text("Results per ambassador"))').locator('..');
    expect(await byAmbassador.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
    expect(await page.locator(`tr[data-code="${code}"] [data-metric="redemptions"]`).textContent()).toBe('1');
    const { violations, passes } = await audit(page);
    expect(violations).toEqual([]);
    expect(passes).toEqual(expect.arrayContaining(['scrollable-region-focusable', 'color-contrast']));
  });

  // WCAG 1.4.10: at 320 CSS px (a phone, or 400% zoom) a page scrolls one way; only the tables' own
  // regions scroll sideways. A screen reader's hidden text inside a table escaped its region, a name
  // without spaces ran past the account list, and the checkout's order, its discount row naming the
  // longest code there is, cut off every price (385 px wide at 360).
  test('lets no page of the demo scroll sideways at 320 px, however long a name without spaces', async () => {
    const wide: string[] = [];
    for (const [path, settled] of [
      ['/', () => undefined],
      [`/?ref=${long}`, (page) => page.locator('referkit-offer').getByText('gave you').waitFor()],
      ['/dashboard', () => undefined],
      ['/account', () => undefined],
      ['/orders', () => undefined],
      [`/account?code=${long}`, (page) => page.locator('referkit-share').getByRole('progressbar').waitFor()],
      [`/checkout/?ref=${long}`, (page) => page.locator('#discount-row').waitFor()],
      [
        `/checkout/thanks.html?order=${orderId}`,
        (page) => eventually(() => page.locator('#referral').getAttribute('data-state')).toBe('duplicate'),
      ],
    ] as [string, (page: Page) => unknown][]) {
      const page = await open(path, 320);
      await settled(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        return { scrollWidth, clientWidth };
      });
      if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth}px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  test('shows every amount of the checkout whole, on one line and aligned, at 320 px', async () => {
    // The most the checkout sells, and the discount row naming the longest code there is.
    const page = await open(`/checkout/?ref=${long}&qty=20`, 320);
    await page.locator('#discount-row').waitFor();
    const amounts = await page.locator('.summary td').evaluateAll((cells) =>
      cells.map((cell) => {
        const text = document.createRange();
        text.selectNodeContents(cell);
        const box = text.getBoundingClientRect();
        return {
          amount: cell.textContent,
          lines: new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size,
          right: Math.round(box.right),
          shown: box.left >= 0 && box.right <= document.documentElement.clientWidth,
        };
      }),
    );
    const right = amounts[0]?.right;
    expect(amounts).toEqual(
      ['$960.00', '$960.00', '−$144.00', '$816.00'].map((amount) => ({ amount, lines: 1, right, shown: true })),
    );
    await page.close();
  });

  test('lets a keyboard user reach each dashboard table, see where focus is, and scroll it', async () => {
    // A tablet's width, where both tables are wider than the window.
    const page = await open('/dashboard', 800);
    for (const name of ['Results per role', 'Results per ambassador']) {
      const region = page.getByRole('region', { name });
      const focused = () => region.evaluate((element) => element === document.activeElement);
      // Tabbing on from the top of the page reaches each region in turn, after a dozen links at most.
      for (let presses = 0; presses < 30 && !(await focused()); presses++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(true);
      // The shop's focus ring, as on its links and buttons, not the browser's thin default.
      expect(await region.evaluate((element) => getComputedStyle(element).outline)).toBe('rgb(224, 165, 38) solid 3px');
      await page.keyboard.press('ArrowRight');
      // The browser scrolls smoothly: the position arrives over a few frames.
      await eventually(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    }
    await page.close();
  });

  // Each page with what shows that its script has drawn what it fetched.
  test.each<[string, () => string, (page: Page) => Promise<unknown>]>([
    [
      'the storefront with a friend’s offer',
      () => `/?ref=${code}`,
      (page) => eventually(() => page.locator('referkit-offer').getByText('gave you').count()).toBe(1),
    ],
    [
      'the account list and sign-up form',
      () => '/account',
      (page) => page.getByRole('button', { name: 'Get my link' }).waitFor(),
    ],
    [
      'an ambassador’s account page',
      () => `/account?code=${code}`,
      (page) => page.locator('referkit-share').getByRole('button', { name: 'Copy link' }).waitFor(),
    ],
    [
      'the checkout with a code',
      () => `/checkout/?ref=${code}`,
      (page) => eventually(() => page.locator('#discount-row').isVisible()).toBe(true),
    ],
    [
      'the orders page',
      () => '/orders',
      (page) => page.getByRole('button', { name: `Refund order ${orderId}` }).waitFor(),
    ],
    [
      'the orders page with a refund’s notice',
      () => `/orders?notice=refunded&order=${refundedId}`,
      (page) => page.getByRole('status').waitFor(),
    ],
    [
      'the thank-you page',
      () => `/checkout/thanks.html?order=${orderId}`,
      (page) => eventually(() => page.locator('#referral').getAttribute('data-state')).toBe('duplicate'),
    ],
  ])('finds no WCAG 2.2 AA violations on %s', async (_, path, settled) => {
    const page = await open(path());
    await settled(page);
    // The banner's entrance animation would be sampled mid-flight; axe measures the settled page.
    await page.waitForTimeout(400);
    expect((await audit(page)).violations).toEqual([]);
  });
});
