/**
 * The built referkit.js in a srcdoc frame (a CMS's embed, an email builder's preview): its address is
 * `about:srcdoc`, and a relative endpoint is read against its base URL, the page's, as fetch reads it.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;
const lines: string[] = [];

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  lines.length = 0;
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
});

afterEach(() => context.close());

it("runs with the endpoint '/api' in a srcdoc frame, without a line in the console", async () => {
  web.server.requests.length = 0;
  await page.goto(`${web.server.url}/frame.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
  // The panel asked the page's API for the ambassador's progress, at the page's origin.
  await expect.poll(() => web.server.requests).toContain('/api/ambassadors/ALEX-7HC2QK/stats');
  expect(lines.filter((line) => line.includes('[referkit]'))).toEqual([]);
});
