import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  web.server.requests.length = 0;
  await page.goto(`${web.server.url}/widget.html`);
  await panel().getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');
const region = () => panel().getByRole('region').first();

/** Asks the panel for German while the German file answers 503 once, and waits for the render that follows. */
async function askForGermanWhileItsFileFails() {
  web.server.unavailable.add('/referkit-de.js');
  const said = page.waitForEvent('console', (message) => message.text().includes('load the "de" catalogue'));
  await panel().evaluate((element) => element.setAttribute('locale', 'de'));
  await said;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

describe('<referkit-share> when a catalogue file fails to load, over the built referkit.js', () => {
  it('shows English marked and formatted as English, for a screen reader to read it in an English voice', async () => {
    await askForGermanWhileItsFileFails();
    expect(await region().getAttribute('lang')).toBe('en');
    expect(await region().locator('p').first().textContent()).toBe('Give 15% off, get $10 credit');
  });

  it('asks for the file again the next time German is asked for, and shows German', async () => {
    await askForGermanWhileItsFileFails();
    await panel().evaluate((element) => element.setAttribute('locale', 'de'));
    await panel().getByRole('heading', { name: 'Lade Freunde zu Acme ein' }).waitFor({ timeout: 10_000 });
    expect(web.server.requests.filter((path) => path === '/referkit-de.js')).toEqual([
      '/referkit-de.js',
      '/referkit-de.js',
    ]);
    expect(await region().getAttribute('lang')).toBe('de');
  });
});
