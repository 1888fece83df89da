/**
 * The demo's storefront pages on a phone whose network or CPU is slow: the page is painted before
 * `referkit.js` has run, so what the widget paints then must move nothing the page painted (a layout
 * shift under the person's finger), and the friend's banner must be painted in the first frame after
 * the script runs (issue 5's budget), not when the code lookup answers. `referkit.js` is held here until
 * the page's first paint, as a slow network holds it; the code lookup until the test lets it go.
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
    const painted = new Promise<void>((resolve) => {
      firstPaint = resolve;
    });
    await page.route('**/referkit.js', async (route) => {
      await painted;
      const response = await route.fetch();
      await route.fulfill({ response, body: prelude + (await response.text()) });
    });
    await page.goto(`${running.demo.url}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    firstPaint();
  }

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
