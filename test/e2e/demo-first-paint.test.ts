/**
 * The demo's storefront pages on a phone whose network or CPU is slow: the page is painted before
 * `referkit.js` has run, so what the widget paints then must move nothing the page painted (a layout
 * shift under the person's finger), and the friend's banner must be painted in the first frame after
 * the script runs (issue 5's budget), not when the code lookup answers. Chromium runs at a quarter of
 * its speed, `referkit.js` is held until the page's first paint, as a slow network holds it, and the
 * code lookup until the test lets it go.
 */
import type { Ambassador } from '@referkit/events';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

describe('the demo on a slow phone', () => {
  let running: DemoUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let alex: Ambassador;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest({ kind: 'pglite' }), chromium.launch(chromiumOptions)]);
    alex = running.demo.ambassadors.find((ambassador) => ambassador.role === 'ambassador') as Ambassador;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    page = await context.newPage();
    // A mid-range phone's CPU, as the review that found the shifts ran it.
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // What CLS counts: every layout shift since the page began that no recent input explains.
    await page.addInitScript(() => {
      const counted = window as unknown as { layoutShifts: string[] };
      counted.layoutShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node }[];
        })[])
          if (!entry.hadRecentInput)
            counted.layoutShifts.push(
              `${entry.value.toFixed(4)}: ${entry.sources.map((source) => source.node?.nodeName).join(', ')}`,
            );
      }).observe({ type: 'layout-shift', buffered: true });
    });
  });

  afterEach(() => context.close());

  const layoutShifts = () => page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
  /** Two frames: whatever the last change was, it has been laid out and painted. */
  const painted = () =>
    page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  /**
   * Opens `path` with `referkit.js` held until the page has painted (its first contentful paint), then
   * served with `prelude` run before it.
   */
  async function openBeforeTheScript(path: string, prelude = '') {
    let firstPaint = () => {};
    const pagePainted = new Promise<void>((resolve) => {
      firstPaint = resolve;
    });
    await page.route('**/referkit.js', async (route) => {
      await pagePainted;
      const response = await route.fetch();
      await route.fulfill({ response, body: prelude + (await response.text()) });
    });
    await page.goto(`${running.demo.url}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    firstPaint();
  }

  /** Run before referkit.js: what the banner shows in the first frame after the script ran (null: nothing). */
  const firstFrame = `requestAnimationFrame(() => {
    const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
    window.firstFrame = aside && aside.getBoundingClientRect().height ? aside.textContent : null;
  });
`;
  const shownInTheFirstFrame = async () => {
    await page.waitForFunction(() => 'firstFrame' in window);
    return page.evaluate(() => (window as unknown as { firstFrame: string | null }).firstFrame);
  };
  const bannerText = () => page.locator('referkit-offer').getByRole('complementary').textContent();

  test("paints the friend's banner in the first frame after referkit.js runs, before the code lookup answers", async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/api/codes/*', async (route) => {
      await held;
      await route.continue();
    });
    await openBeforeTheScript(`/?ref=${alex.code}`, firstFrame);
    const offer = `gave you 15% off your first order ($20 minimum)Code ${alex.code}×`;
    expect(await shownInTheFirstFrame()).toBe(`A friend ${offer}`);
    answer();
    await expect.poll(bannerText).toBe(`${alex.displayName} ${offer}`);
    await painted();
    expect(await layoutShifts()).toEqual([]);
  });

  test('keeps the offer painted when the code lookup fails on the network', async () => {
    await page.route('**/api/codes/*', (route) => route.abort('connectionfailed'));
    const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('/api/codes/'));
    await openBeforeTheScript(`/?ref=${alex.code}`, firstFrame);
    expect(await shownInTheFirstFrame()).toMatch(/^A friend gave you 15% off/);
    await failed;
    await painted();
    expect(await bannerText()).toMatch(/^A friend gave you 15% off/);
  });

  // A phone, where the panel is taller than the viewport, and a laptop, where it is not.
  test.each([
    [360, 640],
    [1280, 800],
  ])("shifts nothing on an ambassador's account page when the share panel renders (%i×%i)", async (width, height) => {
    await page.setViewportSize({ width, height });
    await openBeforeTheScript(`/account?code=${alex.code}`);
    // The panel, and its progress, a part loaded once the stats arrive.
    await page.locator('referkit-share').getByRole('progressbar').waitFor();
    await painted();
    expect(await layoutShifts()).toEqual([]);
  });
});
