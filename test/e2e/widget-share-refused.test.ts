/**
 * The "Share…" button where the share sheet refuses to open, in real Chromium over the built
 * `referkit.js`: the message and link go to the clipboard, and that copy is one as the Copy button's
 * is (`referkit:copy`, a share reported on the copy channel). Chromium on Linux has no share sheet: the
 * page's `navigator.share` refuses as a frame without the `web-share` permission does.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer, prefilledMessage as message } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  await page.addInitScript(() => {
    Object.assign(navigator, {
      canShare: () => true,
      share: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
    });
  });
  web.server.events.length = 0;
  await page.goto(`${web.server.url}/widget.html`);
  await page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
  // The browser's clipboard outlives a test's context: start it with something else on it.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');
/** What the panel's two status lines say: the one under the link's row, then the one under the share buttons. */
const said = () => panel().getByRole('status').allTextContents();
const link = () => `${web.server.url}/shop?ref=ALEX-7HC2QK`;

describe('<referkit-share> whose share sheet is refused, over the built referkit.js', () => {
  it('copies the message and link and says so under the share buttons', async () => {
    await panel().getByRole('button', { name: 'Share…' }).click();
    await expect.poll(said).toEqual(['', 'Copied: Your message · Your link']);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${message} ${link()}`);
  });

  it('fires referkit:copy and reports a share on the copy channel, as the Copy button does', async () => {
    await panel().getByRole('button', { name: 'Share…' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { widgetEvents: unknown[] }).widgetEvents))
      .toEqual([
        { type: 'referkit:copy', detail: { code: 'ALEX-7HC2QK', channel: 'copy', link: link() }, composed: true },
      ]);
    await expect
      .poll(() => web.server.events.filter((event) => event.type === 'share'))
      .toMatchObject([{ code: 'ALEX-7HC2QK', channel: 'copy' }]);
  });
});
