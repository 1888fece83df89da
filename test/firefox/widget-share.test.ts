/** The share panel and the offer banner of the built referkit.js, used as a person does, in Firefox. */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { firefoxAndServer, shadowButton, until } from './firefox.js';

const web = firefoxAndServer();

/** What the panel's two status lines say: the one under the link's row, then the one under the share buttons. */
const said = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('referkit-share')?.shadowRoot?.querySelectorAll('[role=status]') ?? [])].map(
      (status) => status.textContent,
    ),
  );

/** The `referkit:*` events the page's setup heard, by type. */
const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { widgetEvents: { type: string }[] }).widgetEvents.map(({ type }) => type));

/** A page at `path` once the panel is complete: its progress drawn from the stats the fake API answers. */
const opened = async (path: string) => {
  const page = await web.open(path);
  await until(page, () => !!document.querySelector('referkit-share')?.shadowRoot?.querySelector('[role=progressbar]'));
  return page;
};

describe('<referkit-share> and <referkit-offer> in Firefox', () => {
  it('copies the link, says Copied and fires referkit:copy', async () => {
    const page = await opened('/widget.html');
    await (await shadowButton(page, 'referkit-share', 'Copy link')).click();
    await until(page, () => document.querySelector('referkit-share')?.shadowRoot?.textContent?.includes('Copied'));
    expect(await said(page)).toEqual(['Copied', '']);
    expect(await heard(page)).toEqual(['referkit:copy']);
  });

  it('loads the QR chunk only when asked and draws the code', async () => {
    const page = await opened('/widget.html');
    const toggle = await shadowButton(page, 'referkit-share', 'Show QR code');
    expect(web.server.requests).not.toContain('/referkit-qr.js');
    await toggle.click();
    await until(
      page,
      () =>
        !!document.querySelector('referkit-share')?.shadowRoot?.querySelector('svg[aria-label="QR code of your link"]'),
    );
    expect(web.server.requests).toContain('/referkit-qr.js');
  });

  it('returns focus to where it was when the banner is dismissed by keyboard', async () => {
    const page = await opened('/widget.html?ref=ALEX-7HC2QK');
    const dismiss = await shadowButton(page, 'referkit-offer', 'Dismiss');
    await page.focus('#before');
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await until(page, () => !document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });
});
