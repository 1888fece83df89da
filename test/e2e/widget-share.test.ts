import { shareIntents } from '@referkit/sdk';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer, prefilledMessage as message } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  // The share services are outside the test machine's reach: answer them locally and keep the URL.
  await context.route(
    /^https:\/\/(wa\.me|x\.com|www\.facebook\.com|www\.linkedin\.com|t\.me|www\.reddit\.com)\//,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>share</title>' }),
  );
  page = await context.newPage();
  web.server.events.length = 0;
  web.server.requests.length = 0;
  await page.goto(`${web.server.url}/widget.html`);
  await page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');
const link = (channel?: string) => `${web.server.url}/shop?ref=ALEX-7HC2QK${channel ? `&rk_ch=${channel}` : ''}`;
const widgetEvents = () =>
  page.evaluate(
    () =>
      (window as unknown as { widgetEvents: { type: string; detail: Record<string, string>; composed: boolean }[] })
        .widgetEvents,
  );
/** What the panel's two status lines say: the one under the link's row, then the one under the share buttons. */
const said = () => panel().getByRole('status').allTextContents();
const deepFocus = () =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName,
      text: active?.textContent,
      outline: active && getComputedStyle(active).outlineStyle,
    };
  });

describe('<referkit-share> over the built referkit.js', () => {
  it('puts the link on the clipboard and announces Copied', async () => {
    await panel().getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(said).toEqual(['Copied', '']);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link());
  });

  it('copies without the Clipboard API and leaves focus on the button, so Enter copies again', async () => {
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await panel().getByRole('button', { name: 'Copy link' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(said).toEqual(['Copied', '']);
    expect(await deepFocus()).toMatchObject({ tag: 'BUTTON', text: 'Copy link' });
  });

  it('fires referkit:copy, bubbling out of the shadow root', async () => {
    await panel().getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(widgetEvents)
      .toEqual([
        { type: 'referkit:copy', detail: { code: 'ALEX-7HC2QK', channel: 'copy', link: link() }, composed: true },
      ]);
  });

  for (const [channel, name] of [
    ['whatsapp', 'WhatsApp'],
    ['x', 'X'],
    ['facebook', 'Facebook'],
    ['linkedin', 'LinkedIn'],
    ['telegram', 'Telegram'],
    ['reddit', 'Reddit'],
  ] as const) {
    it(`opens the ${name} share intent with the channel's link and tracks the share`, async () => {
      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        panel()
          .getByRole('link', { name: `Share via ${name}` })
          .click(),
      ]);
      await popup.waitForLoadState();
      expect(popup.url()).toBe(shareIntents(link(channel), message, { subject: 'Acme' })[channel]);
      await expect
        .poll(() => web.server.events.map((event) => [event.type, event.channel]))
        .toEqual([['share', channel]]);
      expect((await widgetEvents()).map((event) => [event.type, event.detail.channel])).toEqual([
        ['referkit:share', channel],
      ]);
    });
  }

  for (const [channel, name] of [
    ['email', 'Email'],
    ['sms', 'SMS'],
  ] as const) {
    it(`links ${name} to its ${channel}: URL with the message and the channel's link`, async () => {
      const href = await panel()
        .getByRole('link', { name: `Share via ${name}` })
        .getAttribute('href');
      expect(href).toBe(shareIntents(link(channel), message, { subject: 'Acme' })[channel]);
    });
  }

  it('loads the QR chunk only when asked and draws the code', async () => {
    expect(web.server.requests).not.toContain('/referkit-qr.js');
    await panel().getByRole('button', { name: 'Show QR code' }).click();
    await panel().getByRole('img', { name: 'QR code of your link' }).waitFor();
    expect(web.server.requests).toContain('/referkit-qr.js');
    await expect.poll(() => web.server.events.map((event) => event.channel)).toEqual(['qr']);
  });

  it('draws the code on a second tap after the QR chunk failed to load once', async () => {
    web.server.unavailable.add('/referkit-qr.js');
    const toggle = panel().getByRole('button', { name: 'Show QR code' });
    await toggle.click();
    await panel().getByRole('status').filter({ hasText: 'The QR code could not load.' }).waitFor();
    // The browser keeps the failed module as failed: the retry must ask the server again, and get it.
    await toggle.click();
    await panel().getByRole('img', { name: 'QR code of your link' }).waitFor();
    expect(web.server.requests.filter((path) => path === '/referkit-qr.js')).toHaveLength(2);
  });

  // A link of 600 characters makes a code of 93 modules (quiet zone included): drawn 176px wide, as
  // every code was, a module was under 2px, too fine for a phone's camera off a screen. On a 320px
  // phone it is as wide as the panel allows: more than the 200px a short link's code is.
  for (const width of [1280, 320]) {
    it(`draws a long link's code with modules a camera reads, within the panel (${width}px wide)`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${web.server.url}/widget.html?base=/shop/${'spring-tea-collection/'.repeat(26)}`);
      await panel().getByRole('button', { name: 'Show QR code' }).click();
      const code = panel().getByRole('img', { name: 'QR code of your link' });
      await code.waitFor();
      const drawn = await code.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const section = (svg.getRootNode() as ShadowRoot).querySelector('section')!.getBoundingClientRect();
        return {
          modules: (svg as SVGSVGElement).viewBox.baseVal.width,
          width: box.width,
          inside: box.left >= section.left && box.right <= section.right,
          scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
      expect(drawn.modules, 'the link is long enough to need a large code').toBeGreaterThan(85);
      expect({ inside: drawn.inside, scrolls: drawn.scrolls }).toEqual({ inside: true, scrolls: false });
      // Where the panel has the room, 3px a module; on a 320px phone, as wide as the panel allows.
      if (width === 1280) expect(drawn.width / drawn.modules).toBeGreaterThanOrEqual(3);
      else expect(drawn.width).toBeGreaterThan(200);
      // The quiet zone is the code's own: 4 light modules on white, nothing dark within them.
      expect(await code.evaluate((svg) => getComputedStyle(svg.parentElement!).backgroundColor)).toBe(
        'rgb(255, 255, 255)',
      );
    });
  }

  it('shows the ambassador’s progress with the weekly target as a progress bar', async () => {
    const bar = panel().getByRole('progressbar', { name: '2 of 3 shares this week' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('2');
    expect(await panel().getByText('2 friends joined').count()).toBe(1);
  });

  it('loads the progress chunk only after the stats answered', async () => {
    await panel().getByRole('progressbar').waitFor();
    const stats = web.server.requests.indexOf('/api/ambassadors/ALEX-7HC2QK/stats');
    expect(stats).toBeGreaterThanOrEqual(0);
    expect(web.server.requests.indexOf('/referkit-progress.js')).toBeGreaterThan(stats);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps the QR code dark on light and the progress visible in forced colors (${colorScheme})`, async () => {
      await page.emulateMedia({ forcedColors: 'active', colorScheme });
      await panel().getByRole('progressbar').waitFor();
      await panel().getByRole('button', { name: 'Show QR code' }).click();
      await panel().getByRole('img', { name: 'QR code of your link' }).waitFor();
      const colours = await panel().evaluate((element) => {
        const root = element.shadowRoot as ShadowRoot;
        const colour = (selector: string, property: 'backgroundColor' | 'fill') =>
          getComputedStyle(root.querySelector(selector) as Element)[property];
        return {
          modules: colour('.q path', 'fill'),
          quietZone: colour('.q', 'backgroundColor'),
          filled: colour('[role=progressbar] i', 'backgroundColor') !== colour('section', 'backgroundColor'),
        };
      });
      // Scanners expect dark modules on a light ground; many fail on a reversed code.
      expect(colours).toEqual({ modules: 'rgb(0, 0, 0)', quietZone: 'rgb(255, 255, 255)', filled: true });
    });
  }

  it('works by keyboard alone, with a visible focus ring', async () => {
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    expect(await deepFocus()).toMatchObject({ tag: 'INPUT' });
    await page.keyboard.press('Tab');
    expect(await deepFocus()).toMatchObject({ tag: 'BUTTON', text: 'Copy link', outline: 'solid' });
    await page.keyboard.press('Enter');
    await expect.poll(said).toEqual(['Copied', '']);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link());
  });

  it('keeps focus on the QR toggle when it opens and closes the code', async () => {
    await panel().getByRole('button', { name: 'Show QR code' }).focus();
    await page.keyboard.press('Enter');
    await panel().getByRole('img', { name: 'QR code of your link' }).waitFor();
    expect(await deepFocus()).toMatchObject({ tag: 'BUTTON', text: 'Hide QR code' });
    await page.keyboard.press('Space');
    await panel().getByRole('button', { name: 'Show QR code' }).waitFor();
    expect(await deepFocus()).toMatchObject({ tag: 'BUTTON', text: 'Show QR code' });
  });

  it('loads the Spanish catalogue from beside the script for locale="es"', async () => {
    await page.locator('referkit-share').evaluate((element) => element.setAttribute('locale', 'es'));
    await panel().getByRole('heading', { name: 'Invita a tus amigos a Acme' }).waitFor();
    expect(web.server.requests).toContain('/referkit-es.js');
    expect(await panel().getByText('Regala 15 % de descuento y recibe 10 US$ de crédito').count()).toBe(1);
  });
});

/**
 * On a small phone the panel is taller than the screen, and the ambassador taps what is near their thumb, at
 * the screen's bottom edge: the panel's answer is said under the row of what they tapped, and both are in view.
 */
describe('<referkit-share> on a 360×640 phone over the built referkit.js', () => {
  beforeEach(async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    // The ambassador's own words, a few lines long: the message field grows with them, between the link
    // and the share buttons.
    await panel()
      .getByRole('textbox', { name: 'Your message' })
      .fill(`${'I have been drinking Acme tea every morning for a year now. '.repeat(6)}\n\n${message}`);
  });

  /**
   * Scrolls the page so that `control` sits at the screen's bottom edge, taps it there, and says what is in
   * view once the status line saying `answer` is said: the control, the answer, both or neither.
   */
  async function tapAtBottomEdge(control: Locator, answer: string, opens?: boolean) {
    await control.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    const opened = opens && context.waitForEvent('page');
    await control.click();
    if (opened) await (await opened).close();
    const status = panel().getByRole('status').filter({ hasText: answer });
    await status.waitFor();
    // Scrolled into view, a box's edge meets the viewport's to within a fraction of a pixel.
    const inView = (element: Element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return Math.round(top) >= 0 && Math.round(bottom) <= innerHeight;
    };
    return {
      control: await control.evaluate(inView),
      answer: await status.evaluate(inView),
    };
  }

  it('says under the QR button, in view with it, that the QR code could not load', async () => {
    web.server.unavailable.add('/referkit-qr.js');
    const toggle = panel().getByRole('button', { name: 'Show QR code' });
    expect(await tapAtBottomEdge(toggle, 'The QR code could not load.')).toEqual({ control: true, answer: true });
  });

  it("keeps the answer out from under the friend's offer banner the page shows at the bottom edge", async () => {
    // An ambassador who came through someone's link has the banner, fixed to the screen's bottom edge.
    await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
    await page.locator('referkit-offer').getByRole('button', { name: 'Dismiss' }).waitFor();
    await panel()
      .getByRole('textbox', { name: 'Your message' })
      .fill(`${'I have been drinking Acme tea every morning for a year now. '.repeat(6)}\n\n${message}`);
    // Focus back at the top of the page, where the banner at the bottom edge covers nothing of it.
    await page.locator('#before').focus();
    web.server.unavailable.add('/referkit-qr.js');
    const toggle = panel().getByRole('button', { name: 'Show QR code' });
    // The QR button just above the banner: in view, so the banner has no reason to move.
    await toggle.evaluate((element) => {
      element.scrollIntoView({ block: 'end' });
      const banner = document.querySelector('referkit-offer')!.shadowRoot!.querySelector('aside')!;
      scrollBy(0, element.getBoundingClientRect().bottom - banner.getBoundingClientRect().top + 4);
    });
    await toggle.click();
    const status = panel().getByRole('status').filter({ hasText: 'The QR code could not load.' });
    await status.waitFor();
    // What the page shows at the line's middle: the panel (the host, from the document), not the banner.
    const seen = await status.evaluate((line) => {
      const { left, top, bottom } = line.getBoundingClientRect();
      return document.elementFromPoint(left + 2, (top + bottom) / 2)?.localName;
    });
    expect(seen).toBe('referkit-share');
  });

  it('says under the share buttons, in view with Facebook, that the message is copied', async () => {
    const facebook = panel().getByRole('link', { name: 'Share via Facebook' });
    expect(await tapAtBottomEdge(facebook, 'Your message is copied: paste it into your post.', true)).toEqual({
      control: true,
      answer: true,
    });
  });
});
