/**
 * Data inside translated text, in real Chromium over the built `referkit.js`: a code, a name, a brand or
 * a disclosure line of Latin letters keeps its own order inside Arabic text. Unisolated, the bidi
 * algorithm lays a code's leading digits after its letters (`2024-HC2QK7` painted `HC2QK7-2024`, what
 * a friend would type at checkout) and moves a name's final period into the Arabic sentence.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  page = await web.browser.newPage({ viewport: { width: 720, height: 1000 } });
});

afterEach(() => page.close());

/**
 * The characters of `text`, found in one text node of the element's shadow root, in the order they are
 * painted from left to right: what a reader sees, whatever order the DOM holds them in.
 */
function painted(host: Locator, text: string): Promise<string | null> {
  return host.evaluate((element, text) => {
    const walker = document.createTreeWalker(element.shadowRoot as ShadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      return [...text]
        .map((character, index) => {
          const range = document.createRange();
          range.setStart(node, at + index);
          range.setEnd(node, at + index + 1);
          return { character, x: range.getBoundingClientRect().x };
        })
        .sort((one, other) => one.x - other.x)
        .map(({ character }) => character)
        .join('');
    }
    return null;
  }, text);
}

/** The banner once the code lookup's name is painted, its entry animation over. */
async function banner(path: string, name: string): Promise<Locator> {
  await page.goto(`${web.server.url}${path}`);
  const offer = page.locator('referkit-offer');
  await offer.getByText(name).waitFor();
  await page.waitForTimeout(400);
  return offer;
}

describe('the Arabic banner', () => {
  it('paints a code that starts with digits in its own order', async () => {
    const offer = await banner('/rtl.html?ref=2024-HC2QK7', 'J.R.R. Tolkien Jr.');
    expect(await painted(offer, '2024-HC2QK7')).toBe('2024-HC2QK7');
  });

  it('paints a name that ends with a period with the period at its end', async () => {
    const offer = await banner('/rtl.html?ref=2024-HC2QK7', 'J.R.R. Tolkien Jr.');
    expect(await painted(offer, 'J.R.R. Tolkien Jr.')).toBe('J.R.R. Tolkien Jr.');
  });

  it('paints a code that starts with letters in its own order', async () => {
    const offer = await banner('/rtl.html?ref=ALEX-7HC2QK', 'هدية من Alex');
    expect(await painted(offer, 'ALEX-7HC2QK')).toBe('ALEX-7HC2QK');
  });
});

describe('the English banner', () => {
  it('paints the code and the name as they are', async () => {
    const offer = await banner('/widget.html?ref=2024-HC2QK7', 'J.R.R. Tolkien Jr.');
    expect(await painted(offer, '2024-HC2QK7')).toBe('2024-HC2QK7');
    expect(await painted(offer, 'J.R.R. Tolkien Jr.')).toBe('J.R.R. Tolkien Jr.');
  });

  it('paints the code ALEX-7HC2QK as it is', async () => {
    const offer = await banner('/widget.html?ref=ALEX-7HC2QK', 'Alex gave you');
    expect(await painted(offer, 'ALEX-7HC2QK')).toBe('ALEX-7HC2QK');
  });
});

describe('the Arabic share panel', () => {
  /** The panel of rtl.html, its terms giving a brand that ends with a period. */
  async function panel(): Promise<Locator> {
    await page.goto(`${web.server.url}/rtl.html`);
    const share = page.locator('referkit-share');
    await share.evaluate((element) =>
      element.setAttribute('terms', JSON.stringify({ base: 'https://shop.example/', brand: 'Acme Inc.' })),
    );
    await share.getByRole('heading').getByText('Acme Inc.').waitFor();
    return share;
  }

  it('paints a brand that ends with a period with the period at its end', async () => {
    expect(await painted(await panel(), 'Acme Inc.')).toBe('Acme Inc.');
  });

  it('paints the English disclosure line it keeps with its period at its end', async () => {
    const share = await panel();
    await share.getByRole('textbox', { name: 'رسالتك' }).fill('أحب Acme.');
    const disclosure = 'I get $10 credit if you order with my link.';
    await share.getByText(disclosure).waitFor();
    expect(await painted(share, disclosure)).toBe(disclosure);
  });

  it('paints the English disclosure beside the QR code with its period at its end', async () => {
    const share = await panel();
    await share.locator('button[aria-expanded]').click();
    await share.getByRole('img').waitFor();
    const disclosure = 'I get $10 credit if you order with my link.';
    expect(await painted(share, disclosure)).toBe(disclosure);
  });

  it('gives each paragraph of the message its own direction', async () => {
    // A textarea's text has no ranges to measure: its English disclosure paragraph reads left to right,
    // period last, when each paragraph takes the direction of its first letter (CSS Writing Modes 4,
    // `unicode-bidi: plaintext`, what `dir="auto"` gives a textarea).
    const message = (await panel()).getByRole('textbox', { name: 'رسالتك' });
    expect(await message.inputValue()).toContain('\n\nI get $10 credit if you order with my link.');
    expect(await message.evaluate((field) => getComputedStyle(field).unicodeBidi)).toBe('plaintext');
  });
});
