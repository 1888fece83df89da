import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

let context: BrowserContext;
let page: Page;
let lines: string[];

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  lines = [];
  page.on('console', (message) => lines.push(message.text()));
  await page.goto(`${web.server.url}/widget.html`);
  await page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
});

afterEach(() => context.close());

/** Inserts a second `<referkit-share>` as Angular's `[attr.code]` does: the element first, its code just after. */
const insertShare = (code: string | null) =>
  page.evaluate(async (code) => {
    const element = document.createElement('referkit-share');
    element.id = 'inserted';
    document.querySelector('main')?.append(element);
    if (code) element.setAttribute('code', code);
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
  }, code);

describe('<referkit-share> given its code just after it is inserted, over the built referkit.js', () => {
  it('shows the panel and logs nothing', async () => {
    await insertShare('ALEX-7HC2QK');
    await page.locator('#inserted').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
    expect(lines.filter((line) => line.startsWith('[referkit]'))).toEqual([]);
  });

  it('logs one line for an element left without a code', async () => {
    await insertShare(null);
    expect(lines.filter((line) => line.startsWith('[referkit]'))).toEqual([
      '[referkit] Could not show the share panel: the code attribute "" is not a referral code. Set code="ALEX-7HC2QK".',
    ]);
  });
});
