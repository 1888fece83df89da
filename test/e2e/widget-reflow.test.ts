/**
 * The share panel on a phone, in real Chromium over the built `referkit.js`: it fits the viewport's width
 * (WCAG 2.2 1.4.10, reflow at 320 CSS px) also with its text enlarged to 200% (1.4.4) by the browser's own
 * font-size setting, the `medium` size the widget's text is (and its lengths, in em, follow). The message
 * field shows the whole message, its disclosure line last, rather than a part to scroll inside it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();

/**
 * How wide the page scrolls, and what of the panel lies outside its own box: past the viewport's left
 * edge, where a right-to-left overflow goes out of reach, or past the panel's edges into a narrower page.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('referkit-share')?.shadowRoot;
    const panel = root?.querySelector('section')?.getBoundingClientRect();
    return {
      // The widget's text is the browser's: at 200% its 16 px are 32.
      fontSize: getComputedStyle(root?.querySelector('section') as Element).fontSize,
      scrollWidth: document.documentElement.scrollWidth,
      // The message's lines the field hides, to be scrolled inside it: the disclosure is the last of them.
      messageHidden: Math.max(
        0,
        (root?.querySelector('textarea')?.scrollHeight ?? 0) - (root?.querySelector('textarea')?.clientHeight ?? 0),
      ),
      outside: [...(root?.querySelectorAll('section *') ?? [])]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width && panel && (box.left < Math.max(panel.left, 0) || box.right > panel.right);
        })
        .map((element) => element.localName),
    };
  });

describe('<referkit-share> on a phone', () => {
  for (const [width, height, text, locale] of [
    [320, 568, '100%', 'en'],
    [320, 568, '100%', 'ar'],
    [360, 640, '200%', 'en'],
    [412, 800, '200%', 'en'],
    [360, 640, '200%', 'ar'],
    [412, 800, '200%', 'ar'],
  ] as const) {
    it(`fits ${width} px with text at ${text} in ${locale === 'ar' ? 'Arabic' : 'English'}`, async () => {
      const page = await web.browser.newPage({ viewport: { width, height } });
      // Chromium's "font size" setting, at twice its 16 px for text at 200%.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: text === '200%' ? 32 : 16 } });
      // An English page: an Arabic panel's overflow goes left, out of the page's reach.
      await page.goto(`${web.server.url}/widget.html`);
      const panel = page.locator('referkit-share');
      await panel.getByRole('progressbar').waitFor();
      await panel.evaluate((element, locale) => element.setAttribute('locale', locale), locale);
      await panel.locator(`[lang=${locale}]`).waitFor();
      const fontSize = text === '200%' ? '32px' : '16px';
      expect(await overflow(page)).toEqual({ fontSize, scrollWidth: width, messageHidden: 0, outside: [] });
      // The QR code too, shown for a friend across the counter.
      await panel.getByRole('button', { expanded: false }).click();
      await panel.getByRole('img').waitFor();
      expect(await overflow(page)).toEqual({ fontSize, scrollWidth: width, messageHidden: 0, outside: [] });
      await page.close();
    });
  }
});
