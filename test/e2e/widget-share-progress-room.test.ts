/**
 * The share panel keeps the room of the ambassador's progress from its first paint, in real Chromium over
 * the built `referkit.js`: the progress comes ~100 ms later (the stats, then its chunk), and it pushed what
 * the page has under the panel down by ~160 px, a layout shift of 0.13–0.36 on an account page (qa144).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  // The account page goes on under the panel, as an ambassador's does: their orders.
  await page.route('**/widget.html*', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</referkit-share>',
      '</referkit-share><p id="below">Your past orders</p>',
    );
    await route.fulfill({ response, body: html });
  });
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');
/** The layout shifts the page has had, each with what moved (widget-pages/probe.js). */
const layoutShifts = () => page.evaluate(() => (window as unknown as { layoutShifts: unknown[] }).layoutShifts);
/** Where the paragraph under the panel is on the page, once the last change has been laid out and painted. */
const below = () =>
  page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    return Math.round((document.getElementById('below') as Element).getBoundingClientRect().top + scrollY);
  });

describe('<referkit-share> progress over the built referkit.js', () => {
  it.each([
    [360, 640],
    [1280, 800],
  ])('keeps the page under the panel where it was painted when the progress arrives (%i×%i)', async (width, height) => {
    await page.setViewportSize({ width, height });
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/api/ambassadors/*/stats', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${web.server.url}/widget.html`);
    await panel().getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
    const painted = await below();
    // The panel's own first paint moves the page under it (the script runs after the page's first paint):
    // the shifts counted are those after it.
    const before = (await layoutShifts()).length;
    answer();
    await panel().getByRole('progressbar').waitFor();
    expect(await below()).toBe(painted);
    expect((await layoutShifts()).slice(before)).toEqual([]);
  });

  it('gives the room back, with the role, when the stats cannot be read', async () => {
    await page.route('**/api/ambassadors/*/stats', (route) => route.fulfill({ status: 503, body: '' }));
    const failed = page.waitForResponse('**/api/ambassadors/*/stats');
    await page.goto(`${web.server.url}/widget.html`);
    await failed;
    // The panel ends under the role's line: its padding (1em), its border and the line's half-leading, under
    // 24px in all, where the room kept for the progress is 11.6em (~186px).
    const room = () =>
      panel().evaluate(async (host) => {
        await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
        const root = host.shadowRoot as ShadowRoot;
        const role = [...root.querySelectorAll('p')].find((line) => line.textContent === 'Ambassador');
        if (!role) return undefined;
        // The text's own line, not its paragraph's box (a grid item, stretched to any room around it).
        const line = document.createRange();
        line.selectNodeContents(role);
        const box = (root.querySelector('section') as Element).getBoundingClientRect();
        return Math.round(box.bottom - line.getBoundingClientRect().bottom);
      });
    await expect.poll(room).toBeLessThan(24);
  });
});
