/**
 * An http endpoint on an https page, in real Chromium over the built `referkit.js`. Chromium blocks every
 * request from an https page to an http address (mixed content) before it leaves the page, except to a
 * host the Secure Contexts spec deems potentially trustworthy (`localhost`, 127.0.0.0/8, [::1]). The shop
 * is at `https://shop.example` through Playwright's routing, which answers without TLS, so no certificate
 * is needed: the page is https all the same. The brand's API is routed too, and answers whatever reaches it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alexStats, chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;
const lines: string[] = [];
/** The addresses of the requests that reached the brand's API. */
const reached: string[] = [];

/** The shop's page: the documented snippet, init with the endpoint the address's `endpoint` names, the two elements. */
const shopPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme</title>
<script>
window.Referkit = function () { (Referkit.q = Referkit.q || []).push(arguments); };
Referkit('init', {
  program: 'spring-2026',
  endpoint: new URLSearchParams(location.search).get('endpoint'),
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
});
</script>
<script src="/referkit.js" defer></script>
</head>
<body>
<referkit-share code="ALEX-7HC2QK" name="Alex"></referkit-share>
<referkit-offer></referkit-offer>
</body>
</html>`;

/** What the brand's API answers a code lookup with, readable from any origin, as it does Alex's stats. */
const alex = {
  code: 'ALEX-7HC2QK',
  displayName: 'Alex',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
};

beforeEach(async () => {
  context = await web.browser.newContext();
  lines.length = 0;
  reached.length = 0;
  await context.route(/^https?:\/\/shop\.example\//, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname !== '/')
      return route.fulfill({ response: await route.fetch({ url: `${web.server.url}${pathname}` }) });
    await route.fulfill({ contentType: 'text/html', body: shopPage });
  });
  // The API on a host of its own, and on a loopback address where nothing listens: only a route answers there.
  await context.route(/^http:\/\/(api\.shop\.example|127\.0\.0\.9:9)\//, (route) => {
    reached.push(route.request().url());
    const json = route.request().url().endsWith('/stats') ? alexStats : alex;
    return route.fulfill({ json, headers: { 'access-control-allow-origin': '*' } });
  });
  page = await context.newPage();
  page.on('console', (message) => lines.push(message.text()));
});

afterEach(async () => {
  // A part the page still loads (the progress) would be fetched through a route of a closed context.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

const said = () => lines.filter((line) => line.startsWith('[referkit]'));
const API = 'http://api.shop.example/api';

describe('an http endpoint on an https page, over the built referkit.js', () => {
  it('is blocked by Chromium from the https page, where the same request from an http page is answered', async () => {
    const lookUp = `fetch('${API}/codes/ALEX-7HC2QK').then((answer) => answer.status, () => 'blocked')`;
    await page.goto('http://shop.example/?endpoint=/api');
    expect(await page.evaluate(lookUp)).toBe(200);
    await page.goto('https://shop.example/?endpoint=/api');
    expect(await page.evaluate(lookUp)).toBe('blocked');
    expect(reached).toEqual([`${API}/codes/ALEX-7HC2QK`]);
  });

  it('logs one line naming it, shows no element, sends nothing and stores nothing', async () => {
    await page.goto(`https://shop.example/?ref=ALEX-7HC2QK&endpoint=${API}`);
    await expect
      .poll(said)
      .toEqual([
        `[referkit] Could not use the setting endpoint: "${API}" is not https, as an https page needs (mixed content). Fix it in init.`,
      ]);
    // Long enough for the banner's code lookup and the landing's report, had they been made.
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => ({
        shown: [...document.querySelectorAll('referkit-share, referkit-offer')].map(
          (element) => element.shadowRoot?.childNodes.length ?? 0,
        ),
        stored: Object.keys(localStorage),
      })),
    ).toEqual({ shown: [0, 0], stored: [] });
    expect([said(), reached]).toEqual([[expect.any(String)], []]);
  });

  it('works with an http endpoint on a loopback address, which Chromium does not block', async () => {
    await page.goto('https://shop.example/?ref=ALEX-7HC2QK&endpoint=http://127.0.0.9:9/api');
    await page.locator('referkit-offer').getByText('Alex gave you', { exact: false }).waitFor();
    await page.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
    expect(reached).toContain('http://127.0.0.9:9/api/codes/ALEX-7HC2QK');
    expect(said()).toEqual([]);
  });
});
