/**
 * The queue snippet as the docs give it, run in Chromium before the built referkit.js on a page that has an
 * element with `id="Referkit"` above it: the browser names such an element `window.Referkit` (named
 * access), which the snippet must not take for the queue. Its two places: the widget README's one line,
 * and the storefront example's file, which the root README shows word for word.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const root = new URL('../../', import.meta.url);
const readmeLine = /^\s*(window\.Referkit = .*)$/m.exec(
  readFileSync(new URL('packages/widget/README.md', root), 'utf8'),
)?.[1];
const storefront = readFileSync(new URL('examples/storefront/storefront.js', root), 'utf8');

const web = chromiumAndServer();
let page: Page;
let errors: string[];

beforeEach(async () => {
  page = await web.browser.newPage();
  errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
});

afterEach(() => page.close());

/** Serves `body` as the page at `/snippet.html` and at `files`' paths, and opens it. */
async function open(body: string, files: Record<string, string> = {}) {
  await page.route(`${web.server.url}/snippet.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
  for (const [path, text] of Object.entries(files))
    await page.route(`${web.server.url}${path}`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: text }),
    );
  await page.goto(`${web.server.url}/snippet.html`);
}

const panel = '<referkit-share code="ALEX-7HC2QK" name="Alex"></referkit-share>';
const heading = () => page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' });

describe('the queue snippet on a page with an element whose id is Referkit', () => {
  it("queues the widget README's init and referkit.js replays it", async () => {
    expect(readmeLine).toBeTruthy();
    await open(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
<div id="Referkit">A shop's own element</div>
<script>
${readmeLine}
Referkit('init', { program: 'spring-2026', endpoint: '/api', brand: 'Acme', currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } });
</script>
<script src="/referkit.js" defer></script>
${panel}
</body></html>`);
    await heading().waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it("queues the storefront example's init and referkit.js replays it", async () => {
    const terms = { brand: 'Acme', currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } };
    await open(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
<div id="Referkit">A shop's own element</div>
<script type="application/json" id="referkit-terms">${JSON.stringify(terms)}</script>
<script src="/storefront.js" defer></script>
<script src="/referkit.js" defer></script>
${panel}
</body></html>`,
      { '/storefront.js': storefront },
    );
    await heading().waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
