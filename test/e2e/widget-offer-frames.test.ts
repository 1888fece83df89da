/**
 * The offer banner over a payment provider's card fields, which are drawn in frames of the provider's
 * own origin (Stripe's Payment Element: one frame; Braintree's and Adyen's hosted fields: a frame each).
 * Focus going into such a frame reaches the page as its window's `blur`, with no `focusin`, from one
 * frame to another not at all, and focus coming back from a frame has no `relatedTarget`. The provider
 * is the test server under another host name, `pay.localhost`, which Chromium resolves to this machine:
 * another site, as a provider's frame is.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bannerAtRest, chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await web.browser.newContext({ viewport: { width: 375, height: 667 } });
  page = await context.newPage();
});

afterEach(() => context.close());

/** A frame of the provider's: its page, its name and its style. */
interface ProviderFrame {
  page: 'card-form.html' | 'card-field.html';
  name: string;
  style: string;
}

/**
 * The footer page with a checkout added to the end of its main: a link, the provider's frames, and a Pay
 * button; in an open shadow root of the checkout's own component with `shadow`. Resolves once every frame
 * has loaded and the banner, unless it is not to be `shown`, has slid in.
 */
async function checkout(frames: ProviderFrame[], shadow = false, shown = true) {
  await page.goto(`${web.server.url}/footer.html?ref=ALEX-7HC2QK`);
  if (shown) await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
  const provider = web.server.url.replace('127.0.0.1', 'pay.localhost');
  await page.evaluate(
    ({ frames, provider, shadow }) => {
      const checkout = document.createElement('div');
      document.querySelector('main')?.append(checkout);
      const place = shadow ? checkout.attachShadow({ mode: 'open' }) : checkout;
      place.innerHTML = '<p><a id="before" href="#before">Edit your cart</a></p>';
      for (const { page, name, style } of frames) {
        const frame = document.createElement('iframe');
        Object.assign(frame, { src: `${provider}/${page}`, name, title: name });
        frame.style.cssText = `display:block;width:100%;border:0;${style}`;
        place.append(frame);
      }
      place.append(Object.assign(document.createElement('button'), { textContent: 'Pay now' }));
    },
    { frames, provider, shadow },
  );
  for (const { name } of frames) {
    await expect.poll(() => page.frame({ name })?.evaluate(() => document.readyState)).toBe('complete');
  }
  await bannerAtRest(page);
}

/** A box in the top page's viewport. */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * What has focus, and its box in the top page's viewport, three frames after the key: the page scrolled,
 * saw which frame has focus, and the banner looked and moved. In a provider's frame, the frame's name and
 * the field's box, placed by the frame's; the banner's box beside it.
 */
async function focusAndBanner(): Promise<{ focused: string; box: Box; frame?: Box; banner: Box }> {
  const outer = await page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
    const box = (element: Element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    let focused = document.activeElement as Element;
    while (focused.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside') as Element;
    return { name: (focused as HTMLIFrameElement).name, id: focused.id, box: box(focused), banner: box(aside) };
  });
  if (!outer.name) return { focused: outer.id, box: outer.box, banner: outer.banner };
  const inner = await page.frame({ name: outer.name })?.evaluate(() => {
    const { top, bottom, left, right } = (document.activeElement as Element).getBoundingClientRect();
    return { top, bottom, left, right };
  });
  if (!inner) throw new Error(`No frame named ${outer.name}`);
  const { top, left } = outer.box;
  return {
    focused: outer.name,
    box: { top: top + inner.top, bottom: top + inner.bottom, left: left + inner.left, right: left + inner.right },
    frame: outer.box,
    banner: outer.banner,
  };
}

/**
 * The checkout with the card form's frame last before the banner's Dismiss in the order of Tab: Tab from the
 * frame's last field, then Enter. It waits for Dismiss to have focus first: Tab out of a frame of another site
 * crosses processes, and a key pressed before focus arrived would go to the frame's field instead.
 */
async function dismissFromFrame() {
  await checkout([cardForm]);
  await page.evaluate(() => {
    for (const after of document.querySelectorAll('main button, footer')) after.remove();
  });
  await page.frame({ name: 'payment' })?.locator('#postal').focus();
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label')))
    .toBe('Dismiss');
  await page.keyboard.press('Enter');
}

const within = (inner: Box, outer: Box) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/**
 * Presses `key` `steps` times from the link before the frames (Tab) or the Pay button after them (Shift+Tab);
 * what had focus each time the banner hid it whole.
 */
async function tabThrough(steps: number, key = 'Tab') {
  await (key === 'Tab' ? page.locator('#before') : page.getByRole('button', { name: 'Pay now' })).focus();
  const hidden: string[] = [];
  for (let step = 0; step < steps; step++) {
    await page.keyboard.press(key);
    const { focused, box, banner } = await focusAndBanner();
    if (within(box, banner)) hidden.push(focused);
  }
  return hidden;
}

/** The whole card form in one frame, 330 px tall: less than the room between the banner's two places. */
const cardForm: ProviderFrame = { page: 'card-form.html', name: 'payment', style: 'height:330px' };

describe('<referkit-offer> over a payment provider’s frames', () => {
  it.each([
    ['in the page', false],
    ['in a shadow root', true],
  ])('leaves no field of a card form in one cross-origin frame hidden whole under it (%s)', async (_, shadow) => {
    await checkout([cardForm], shadow);
    expect(await tabThrough(5)).toEqual([]);
  });

  // Focus going on from one frame to the next reaches the page not at all: no blur, no focusin.
  it.each(['Tab', 'Shift+Tab'])(
    'leaves no hosted field, a cross-origin frame each, hidden whole under it (%s)',
    async (key) => {
      const fields = ['number', 'expiry', 'cvc', 'postal', 'holder'];
      // 80 px apart, the room of a field's label and hint.
      await checkout(fields.map((name) => ({ page: 'card-field.html', name, style: 'height:40px;margin-top:80px' })));
      expect(await tabThrough(fields.length, key)).toEqual([]);
    },
  );

  // The visitor switches to another tab or app: the window's blur, with nothing focused in the page.
  it('stays where it is when the window loses focus with nothing focused in the page', async () => {
    await checkout([cardForm]);
    await page.evaluate(() => {
      scrollTo(0, 0);
      dispatchEvent(new FocusEvent('blur'));
    });
    const { focused, banner } = await focusAndBanner();
    expect([focused, banner.bottom]).toEqual(['', 651]);
  });

  it('takes the place that covers less of a frame taller than the room between its two places', async () => {
    await checkout([{ ...cardForm, style: 'height:560px' }]);
    // Where both of the banner's places cover part of it: from 100 px below the viewport's top to past its bottom.
    await page.evaluate(() => {
      scrollTo(0, 0);
      (document.querySelector('iframe') as HTMLIFrameElement).style.cssText += ';position:absolute;top:100px;left:0';
      document.body.prepend(document.querySelector('#before')?.parentElement as Element);
    });
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    const { focused, frame, banner } = await focusAndBanner();
    expect(focused).toBe('payment');
    // Its two places, from its layout box, which is at the bottom edge; the top place is as far from the top.
    const bottom = await page.evaluate(
      () => document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside')?.offsetTop ?? 0,
    );
    const height = banner.bottom - banner.top;
    const covered = (top: number) =>
      Math.max(0, Math.min((frame as Box).bottom, top + height) - Math.max((frame as Box).top, top));
    const places = [covered(667 - bottom - height), covered(bottom)];
    expect(places[0]).toBeLessThan(places[1] as number);
    expect(covered(banner.top)).toBeCloseTo(places[0] as number, 0);
  });

  it('returns focus to the frame it came from when it is dismissed by keyboard', async () => {
    await dismissFromFrame();
    expect(await page.evaluate(() => (document.activeElement as HTMLIFrameElement | null)?.name)).toBe('payment');
  });
});

describe('<referkit-offer> showing nothing while a frame has focus', () => {
  /** Animation-frame callbacks the page asks for in half a second, with the card form's frame focused. */
  async function framesAskedFor() {
    await page.frame({ name: 'payment' })?.locator('#postal').focus();
    return page.evaluate(async () => {
      const counted = window as unknown as { asked: number };
      counted.asked = 0;
      await new Promise((done) => setTimeout(done, 500));
      return counted.asked;
    });
  }

  beforeEach(() =>
    page.addInitScript(() => {
      const counted = window as unknown as { asked: number };
      counted.asked = 0;
      const ask = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => {
        counted.asked++;
        return ask(callback);
      };
    }),
  );

  it('looks at no animation frame once dismissed by keyboard, focus given back to the frame', async () => {
    await dismissFromFrame();
    // Gone, and focus back in the frame: the frame's blur came while the banner still showed.
    await expect.poll(() => page.locator('referkit-offer aside').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLIFrameElement).name)).toBe('payment');
    expect(await framesAskedFor()).toBe(0);
  });

  it('looks at no animation frame on a page whose banner was dismissed before', async () => {
    await checkout([cardForm]);
    await page.locator('referkit-offer').getByRole('button', { name: 'Dismiss' }).click();
    await checkout([cardForm], false, false);
    expect(await page.locator('referkit-offer aside').count()).toBe(0);
    expect(await framesAskedFor()).toBe(0);
  });
});
