/**
 * The built referkit.js served from another origin than the page's, as from a CDN. A classic script
 * needs no CORS, but the parts it loads from beside itself (the QR code, the progress, the catalogues)
 * are modules, loaded with `import()`, which a browser fetches with CORS: the parts' host must send
 * `Access-Control-Allow-Origin`. The test server sends none, as a plain static host does; `localhost`
 * on its port is another origin than the page's `127.0.0.1`.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;
const lines: string[] = [];

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  lines.length = 0;
  page.on('console', (message) => lines.push(message.text()));
});

afterEach(() => context.close());

const panel = () => page.locator('referkit-share');

// cdn.html loads the script from the server's port at `localhost`: another origin than the page's `127.0.0.1`.
describe('referkit.js from another origin', () => {
  it('says which part did not load, and that CORS may be why', async () => {
    await page.goto(`${web.server.url}/cdn.html`);
    // The Spanish catalogue did not load: the panel is in English.
    await panel().getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
    await panel().getByRole('button', { name: 'Show QR code' }).click();
    await panel().getByText('The QR code could not load.').waitFor();
    // The progress's line comes when the stats answer, before or after the catalogue's.
    const said = () => lines.filter((line) => line.startsWith('[referkit]')).sort();
    const why = (file: string) =>
      `${file} did not load (missing, or blocked by CORS). Serve it beside referkit.js, with CORS from another origin.`;
    await expect
      .poll(said)
      .toEqual([
        `[referkit] Could not load the "es" catalogue: ${why('referkit-es.js')}`,
        `[referkit] Could not show the QR code: ${why('referkit-qr.js')}`,
        `[referkit] Could not show the progress: ${why('referkit-progress.js')}`,
      ]);
  });

  it('loads every part from a host that sends Access-Control-Allow-Origin, as public CDNs do', async () => {
    await page.route(/^http:\/\/localhost:\d+\/referkit-[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.goto(`${web.server.url}/cdn.html`);
    await panel().getByRole('heading', { name: 'Invita a tus amigos a Acme' }).waitFor();
    await panel().getByRole('button', { name: 'Mostrar código QR' }).click();
    await panel().getByRole('img', { name: 'Código QR de tu enlace' }).waitFor();
    await panel().getByRole('progressbar').waitFor();
    expect(lines.filter((line) => line.startsWith('[referkit]'))).toEqual([]);
  });
});
