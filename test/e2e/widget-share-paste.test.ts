/**
 * Facebook's and LinkedIn's share URLs carry only the link: in real Chromium over the built
 * `referkit.js`, opening one puts the ambassador's message, disclosure included, on the clipboard in
 * the same click that opens the share, and the panel's status says to paste it.
 */
import { shareIntents } from '@referkit/sdk';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer, prefilledMessage as message } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  // The share services are outside the test machine's reach: answer them locally and keep the URL.
  await context.route(/^https:\/\/(www\.facebook\.com|www\.linkedin\.com)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>share</title>' }),
  );
  page = await context.newPage();
  await page.goto(`${web.server.url}/widget.html`);
  await page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');
/** What the panel's two status lines say: the one under the link's row, then the one under the share buttons. */
const said = () => panel().getByRole('status').allTextContents();
const link = (channel: string) => `${web.server.url}/shop?ref=ALEX-7HC2QK&rk_ch=${channel}`;

/** Opens a channel's share from the panel and returns the URL its window loaded. */
async function share(name: string) {
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    panel()
      .getByRole('link', { name: `Share via ${name}` })
      .click(),
  ]);
  await popup.waitForLoadState();
  return popup.url();
}

describe('<referkit-share> on Facebook and LinkedIn over the built referkit.js', () => {
  for (const [channel, name] of [
    ['facebook', 'Facebook'],
    ['linkedin', 'LinkedIn'],
  ] as const) {
    it(`opens ${name}'s share with the message on the clipboard and says to paste it`, async () => {
      // The browser's clipboard outlives a test's context: start it with something else on it.
      await page.evaluate(() => navigator.clipboard.writeText('something else'));
      expect(await share(name)).toBe(shareIntents(link(channel), message)[channel]);
      await expect.poll(said).toEqual(['', 'Your message is copied: paste it into your post.']);
      // Reading the clipboard needs the page focused again, as the ambassador's coming back gives it.
      await page.bringToFront();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);
    });
  }

  it('says the message could not be copied, and opens the share all the same', async () => {
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      document.execCommand = () => false;
    });
    expect(await share('Facebook')).toBe(shareIntents(link('facebook'), message).facebook);
    await expect.poll(said).toEqual(['', 'Could not copy your message: copy it yourself and paste it into your post.']);
  });

  // Each catalogue says it in its own language, within its file's 600 B brotli (referkit-{language}.js).
  it.each([
    ['es', 'Compartir por Facebook', 'Se ha copiado tu mensaje: pégalo en tu publicación.'],
    ['de', 'Per Facebook teilen', 'Nachricht kopiert: im Beitrag einfügen.'],
    ['ar', 'شارك عبر Facebook', 'تم نسخ رسالتك: الصقها في منشورك.'],
  ])('says the message is copied in the %s catalogue', async (locale, facebook, said) => {
    await panel().evaluate((element, tag) => element.setAttribute('locale', tag), locale);
    await panel().getByRole('link', { name: facebook }).waitFor();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      panel().getByRole('link', { name: facebook }).click(),
    ]);
    await popup.waitForLoadState();
    await expect.poll(() => panel().getByRole('status').allTextContents()).toEqual(['', said]);
  });
});
