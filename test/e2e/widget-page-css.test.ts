/**
 * The widgets under page CSS that matches their host elements, in real Chromium over the built
 * `referkit.js`: a reset such as `* { all: unset }` beats the shadow tree's `:host` rules, so the host's
 * colour, font and custom properties are `!important` there, which in the cascade beats the page's
 * normal declarations (CSS Cascade 4, "Context"). Without that, the dark theme's text was black on its
 * dark surface (~1.2:1). And a page's root font size, which sized the widget while it was in `rem`, and
 * the text properties of its body, which the shadow tree inherits.
 */

import { describe, expect, it } from 'vitest';
import { bannerAtRest, chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();

/** WCAG 2.2's contrast ratio of two computed `rgb()` colours. */
function contrast(one: string, other: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('the widgets on a page with `* { all: unset }`', () => {
  it("keeps the dark theme's text colour on its surface, at 4.5:1 or more", async () => {
    const context = await web.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${web.server.url}/unset.html?ref=ALEX-7HC2QK`);
    await page.locator('referkit-offer').getByRole('complementary').waitFor();
    await page.locator('referkit-share').getByRole('heading', { level: 2 }).waitFor();
    const colours = await page.evaluate(() => {
      const read = (host: string, box: string, text: string) => {
        const root = document.querySelector(host)?.shadowRoot;
        const style = (selector: string) => getComputedStyle(root?.querySelector(selector) as Element);
        return { color: style(text).color, background: style(box).backgroundColor, font: style(text).fontFamily };
      };
      return {
        banner: read('referkit-offer', 'aside', 'aside p'),
        heading: read('referkit-share', 'section', 'h2'),
      };
    });
    // The dark theme's defaults: text #e6e6ea on #1b1b1f, in the widget's own font.
    const theme = { color: 'rgb(230, 230, 234)', background: 'rgb(27, 27, 31)', font: 'system-ui, sans-serif' };
    expect(colours).toEqual({ banner: theme, heading: theme });
    for (const { color, background } of Object.values(colours))
      expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
});

describe('the widgets on a page whose root font size is 62.5%', () => {
  // Sites sized in tens of pixels set `html{font-size:62.5%}` (10px) and their text back to 1.6rem. The
  // widget's text is the size the visitor chose in their browser (`medium`), whatever the page's root.
  it.each([16, 24])(
    "sets the widget's text at the browser's own size, %ipx, and its buttons at least 24px tall",
    async (size) => {
      const context = await web.browser.newContext();
      const page = await context.newPage();
      // Chromium's "font size" setting, as a visitor who reads larger text sets it.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: size } });
      await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
      await page.addStyleTag({ content: 'html{font-size:62.5%}body{font-size:1.6rem}' });
      await page.locator('referkit-offer').getByRole('complementary').waitFor();
      await page.locator('referkit-share').getByRole('heading', { level: 2 }).waitFor();
      const read = await page.evaluate(() => {
        const root = (host: string) => document.querySelector(host)?.shadowRoot;
        const px = (element: Element | null | undefined) => (element ? getComputedStyle(element).fontSize : '');
        const buttons = [...(root('referkit-share')?.querySelectorAll('button') ?? [])];
        return {
          banner: px(root('referkit-offer')?.querySelector('aside p')),
          panel: px(root('referkit-share')?.querySelector('section')),
          shortest: Math.min(...buttons.map((button) => button.getBoundingClientRect().height)),
        };
      });
      expect(read.banner).toBe(`${size}px`);
      expect(read.panel).toBe(`${size}px`);
      // WCAG 2.2's target size (2.5.8): 24 by 24 CSS pixels at the least.
      expect(read.shortest).toBeGreaterThanOrEqual(24);
      await context.close();
    },
  );
});

describe('the widgets with the HTML `hidden` attribute', () => {
  // HTML's `hidden` is a UA rule, `[hidden]{display:none}`, which the shadow tree's `:host{display:block}`
  // beat: React's `hidden`, Lit's `?hidden` and `element.hidden = true` left both widgets shown.
  it('hides each element, and shows it again when the attribute goes', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
    await page.locator('referkit-offer').getByRole('complementary').waitFor();
    await page.locator('referkit-share').getByRole('heading', { level: 2 }).waitFor();
    const shown = (hidden: boolean) =>
      page.evaluate((hidden) => {
        return ['referkit-offer', 'referkit-share'].map((name) => {
          const element = document.querySelector(name) as HTMLElement;
          element.hidden = hidden;
          // The banner is fixed to the viewport's edge: its host takes no room, its box does.
          const box = element.shadowRoot?.querySelector('aside, section');
          return [getComputedStyle(element).display, (box?.getBoundingClientRect().height ?? 0) > 0];
        });
      }, hidden);
    expect(await shown(true)).toEqual([
      ['none', false],
      ['none', false],
    ]);
    expect(await shown(false)).toEqual([
      ['block', true],
      ['block', true],
    ]);
    await context.close();
  });
});

describe('the widgets under the text properties a page sets on its body, which a shadow tree inherits', () => {
  // `white-space: nowrap` put the banner's text and its dismiss button past the edge of a phone, where a
  // fixed box cannot be scrolled to (WCAG 1.4.10); `text-indent` pushed the share channels past it.
  it.each(['white-space: nowrap', 'text-indent: 200px'])(
    'keeps every text and control within the viewport and its own box at 375px, under body { %s }',
    async (rule) => {
      const context = await web.browser.newContext({ viewport: { width: 375, height: 667 } });
      const page = await context.newPage();
      await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
      await page.addStyleTag({ content: `body{${rule}}` });
      await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
      await page.locator('referkit-share').getByRole('heading', { level: 2 }).waitFor();
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('referkit-share, referkit-offer')].flatMap((host) =>
          [...(host.shadowRoot?.querySelectorAll('p, h2, h3, label, button, a') ?? [])]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.left < 0 || box.right > innerWidth || element.scrollWidth > element.clientWidth + 1;
            })
            .map((element) => `${host.localName} ${element.localName} ${element.textContent}`),
        ),
      );
      expect(outside).toEqual([]);
      await context.close();
    },
  );
});

describe('the widgets on a page in vertical writing mode, as Japanese and Chinese pages are set', () => {
  // The banner inherited the page's writing mode: its logical insets put it over the middle of the page's
  // text, turned on its side. Fixed to the viewport, it is a horizontal bar at the bottom edge whatever the page.
  it.each(['body{writing-mode:vertical-rl}', 'html{writing-mode:vertical-rl}'])(
    "keeps the banner a horizontal bar at the viewport's bottom edge under %s",
    async (rule) => {
      const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${web.server.url}/long.html?ref=ALEX-7HC2QK`);
      await page.addStyleTag({ content: rule });
      await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
      await bannerAtRest(page);
      const place = await page
        .locator('referkit-offer')
        .getByRole('complementary')
        .evaluate((aside) => {
          const box = aside.getBoundingClientRect();
          return {
            writingMode: getComputedStyle(aside).writingMode,
            bottomGap: Math.round(innerHeight - box.bottom),
            // Centred, at most 34em wide: the same room on either side.
            sides: Math.abs(box.left - (innerWidth - box.right)) < 1,
            wide: box.width > box.height,
          };
        });
      expect(place).toEqual({ writingMode: 'horizontal-tb', bottomGap: 16, sides: true, wide: true });
      await context.close();
    },
  );

  // The share panel is in the page's flow and follows its writing mode, its text as the page's runs; its
  // progress bar and QR code were sized in physical widths and heights, and broke: a bar 2px long with no
  // fill, a QR code 702px square past the panel's edge.
  it("fills the panel's progress bar along its length and keeps the QR code 200px square inside the panel", async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${web.server.url}/widget.html`);
    await page.addStyleTag({ content: 'body{writing-mode:vertical-rl}' });
    const panel = page.locator('referkit-share');
    await panel.getByRole('progressbar').waitFor();
    await panel.getByRole('button', { name: 'Show QR code' }).click();
    await panel.getByRole('img', { name: /QR code/ }).waitFor();
    const sizes = await panel.evaluate((host) => {
      const root = host.shadowRoot as ShadowRoot;
      const box = (selector: string) => (root.querySelector(selector) as Element).getBoundingClientRect();
      const [section, bar, fill, code] = ['section', '[role=progressbar]', 'i', '.q svg'].map(box) as [
        DOMRect,
        DOMRect,
        DOMRect,
        DOMRect,
      ];
      return {
        // Two of the target's three shares: two thirds of the bar's length inside its 1px border, in the
        // panel's inline direction (top to bottom).
        filled: Math.round((fill.height / (bar.height - 2)) * 3),
        barAlongThePanel: bar.height > bar.width,
        code: [Math.round(code.width), Math.round(code.height)],
        codeInside: code.left >= section.left && code.right <= section.right && code.bottom <= section.bottom,
      };
    });
    expect(sizes).toEqual({ filled: 2, barAlongThePanel: true, code: [200, 200], codeInside: true });
    await context.close();
  });
});
