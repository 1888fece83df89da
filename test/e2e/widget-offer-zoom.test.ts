/**
 * The offer banner on a page with CSS `zoom` on its root, in real Chromium over the built `referkit.js`.
 * Standardised `zoom` (Chromium 128 and after) gives getBoundingClientRect in zoomed pixels and `offsetTop`,
 * `offsetHeight` and computed styles in the element's own: the banner compared one with the other and moved
 * above the viewport off a control nowhere near it, and it set its height to its zoomed size, zoomed again
 * (a layout shift, 130 → 196 px at 150%; the code's line cut off at 80%) (qa144).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bannerAtRest, chromiumAndServer } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
});

afterEach(() => context.close());

/** Opens a test page with `html { zoom }`, written in its head as a site writes it. */
async function openZoomed(file: string, zoom: number) {
  await page.route(`**/${file}*`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', `<style>html{zoom:${zoom}}</style></head>`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${web.server.url}/${file}?ref=ALEX-7HC2QK`);
}

const banner = () => page.locator('referkit-offer').getByRole('complementary');

/**
 * The banner's box and the focused control's, three frames after the key: the page scrolled the control
 * into view, the banner looked, and it moved.
 */
const boxes = () =>
  page.evaluate(async () => {
    const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside') as HTMLElement;
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
    await Promise.all(aside.getAnimations().map((slide) => slide.finished));
    let focused = document.activeElement as Element;
    while (focused.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const box = aside.getBoundingClientRect();
    const area = focused.getBoundingClientRect();
    return {
      name: focused.getAttribute('aria-label') || focused.textContent || focused.localName,
      top: Math.round(box.top),
      bottomGap: Math.round(innerHeight - box.bottom),
      inView: box.top >= 0 && box.bottom <= innerHeight,
      // Its own Dismiss is in it, not under it.
      covers:
        !aside.contains(focused) &&
        area.bottom > box.top &&
        area.top < box.bottom &&
        area.right > box.left &&
        area.left < box.right,
    };
  });

describe('<referkit-offer> on a zoomed page', () => {
  it('stays in view, and off each control, while the keyboard goes through the share panel at 150%', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openZoomed('widget.html', 1.5);
    await page.locator('referkit-share').getByRole('progressbar').waitFor();
    await banner().getByText('Alex gave you').waitFor();
    await page.locator('#before').focus();
    // Through the panel's controls to the banner's own Dismiss, the last control of the page.
    const lost: string[] = [];
    let name = '';
    for (let control = 0; control < 20 && name !== 'Dismiss'; control++) {
      await page.keyboard.press('Tab');
      const place = await boxes();
      name = place.name;
      if (!place.inView || place.covers) lost.push(`${name}: ${place.inView ? 'covered' : 'banner out of view'}`);
    }
    expect(name).toBe('Dismiss');
    expect(lost).toEqual([]);
  });

  it.each([1.5, 0.8])('moves to the top edge, 1em off it, off a footer link under it at %s', async (zoom) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openZoomed('footer.html', zoom);
    await banner().waitFor();
    await bannerAtRest(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await boxes()).toMatchObject({ name: 'Returns', top: Math.round(16 * zoom), covers: false });
  });

  it.each([1.5, 0.8])(
    'keeps the height it was painted with, its code inside, when the lookup names the ambassador at %s',
    async (zoom) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      let answer = () => {};
      const held = new Promise<void>((resolve) => {
        answer = resolve;
      });
      await page.route('**/api/codes/*', async (route) => {
        await held;
        await route.continue();
      });
      await openZoomed('widget.html', zoom);
      await banner().getByText('A friend gave you').waitFor();
      await bannerAtRest(page);
      const height = () => banner().evaluate((aside) => aside.getBoundingClientRect().height);
      const painted = await height();
      answer();
      await banner().getByText('Alex gave you').waitFor();
      await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
      expect(await height()).toBeCloseTo(painted, 1);
      const codeInside = await banner().evaluate((aside) => {
        const box = aside.getBoundingClientRect();
        const code = (aside.querySelector('.n') as Element).getBoundingClientRect();
        return code.top >= box.top && code.bottom <= box.bottom;
      });
      expect(codeInside).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { layoutShifts: unknown[] }).layoutShifts)).toEqual([]);
    },
  );
});
