/**
 * Where the built referkit.js fetches its parts (a language's catalogue, the QR code, the progress) from:
 * beside itself, whatever the page's markup names, and from the page's base when it was inlined.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;
const requested: string[] = [];
const errors: string[] = [];

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  requested.length = 0;
  errors.length = 0;
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
});

afterEach(() => context.close());

/** Serves `html` at `path` of the widget's server, for this test's page. */
const serve = (path: string, html: string) =>
  page.route(`${web.server.url}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));

const spanishHeading = (root: Page | ReturnType<Page['frameLocator']>) =>
  root.locator('referkit-share').getByRole('heading', { name: 'Invita a tus amigos a Acme' });

it("loads a language's part from beside the script, not from an image named currentScript", async () => {
  // Markup a page lets its users write (a review, a profile) can name an image: a document's named
  // elements hide its own properties, `document.currentScript` among them.
  const elsewhere = web.server.url.replace('127.0.0.1', 'localhost');
  await serve(
    '/clobbered.html',
    `<!doctype html><html lang="es"><head><script src="/setup.js"></script>
    <script src="/referkit.js" defer></script></head><body>
    <img name="currentScript" src="${elsewhere}/uploads/pixel.png" alt="">
    <referkit-share code="alex-7hc2qk" name="Alex"></referkit-share></body></html>`,
  );
  await page.goto(`${web.server.url}/clobbered.html`);
  await spanishHeading(page).waitFor();
  expect(requested).toContain(`${web.server.url}/referkit-es.js`);
  expect(requested.filter((url) => url.startsWith(`${elsewhere}/uploads/referkit`))).toEqual([]);
});

it('loads its parts from the base URL when a page builder inlined it in a srcdoc frame', async () => {
  await serve('/builder.html', '<!doctype html><html lang="en"><title>A page builder</title></html>');
  await page.goto(`${web.server.url}/builder.html`);
  await page.evaluate(async () => {
    // The script's text written into the frame, as builders that inline a snippet's file do.
    const script = (await (await fetch('/referkit.js')).text()).replaceAll('</script', '<\\/script');
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="es"><script src="/setup.js"></script><script>${script}</script>
      <referkit-share code="alex-7hc2qk" name="Alex"></referkit-share></html>`;
    document.body.append(frame);
  });
  await spanishHeading(page.frameLocator('iframe')).waitFor();
  expect(requested).toContain(`${web.server.url}/referkit-es.js`);
  expect(errors).toEqual([]);
});

it("builds the share link from the frame's address in a sandboxed frame, whose document's origin is opaque", async () => {
  await serve(
    '/sandboxed.html',
    `<!doctype html><html lang="en"><script>
    window.Referkit = function () { (Referkit.q = Referkit.q || []).push(arguments); };
    Referkit('init', { program: 'spring-2026', endpoint: '/api', brand: 'Acme', currency: 'USD',
      friendOffer: { kind: 'percent', percent: 15 } });
    </script><script src="/referkit.js" defer></script>
    <referkit-share code="alex-7hc2qk" name="Alex"></referkit-share></html>`,
  );
  await serve('/host.html', '<!doctype html><iframe sandbox="allow-scripts" src="/sandboxed.html"></iframe>');
  // Handed over by the test, not the server: Chromium keeps an opaque origin's requests from a loopback
  // address (Local Network Access), which a site's own server is not.
  const script = await (await fetch(`${web.server.url}/referkit.js`)).text();
  await page.route(`${web.server.url}/referkit.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: script, headers: { 'access-control-allow-origin': '*' } }),
  );
  await page.goto(`${web.server.url}/host.html`);
  const panel = page.frameLocator('iframe').locator('referkit-share');
  await panel.getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
  expect(await panel.locator('input[readonly]').inputValue()).toBe(`${web.server.url}/?ref=ALEX-7HC2QK`);
});
