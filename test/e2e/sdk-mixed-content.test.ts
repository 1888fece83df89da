/**
 * The built SDK on an https page whose endpoint is http, in real Chromium, which blocks every such request
 * (mixed content) before it leaves the page. The page is at `https://shop.example` through Playwright's
 * routing, which answers without TLS, so no certificate is needed; the brand's API is routed too, and
 * answers whatever reaches it. The SDK is the package's browser entry, bundled into one module.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt, launchChromium } from './widget-server.js';

let browser: Browser;
let sdk: string;
let context: BrowserContext;
let page: Page;
/** The addresses of the requests that reached the brand's API. */
const reached: string[] = [];

/** The checkout's page: the SDK's module, its createReferkit put where the test reaches it. */
const CHECKOUT = `<!doctype html><title>Checkout</title>
<script type="module">import { createReferkit } from '/sdk.js'; window.createReferkit = createReferkit;</script>`;

beforeAll(async () => {
  ensureBuilt();
  const entry = fileURLToPath(new URL('../../packages/sdk/dist/index.js', import.meta.url));
  const bundled = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  sdk = bundled.outputFiles[0]!.text;
  browser = await launchChromium();
});

afterAll(() => browser?.close());

beforeEach(async () => {
  context = await browser.newContext();
  reached.length = 0;
  await context.route(/^https?:\/\/shop\.example\//, (route) =>
    new URL(route.request().url()).pathname === '/sdk.js'
      ? route.fulfill({ contentType: 'text/javascript', body: sdk })
      : route.fulfill({ contentType: 'text/html', body: CHECKOUT }),
  );
  await context.route(/^http:\/\/(api\.shop\.example|127\.0\.0\.9:9)\//, (route) => {
    reached.push(route.request().url());
    return route.fulfill({
      status: 201,
      json: { status: 'recorded' },
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  page = await context.newPage();
});

afterEach(() => context.close());

/** Redeems an order with a client posting to `endpoint`, on the page; what it resolved and what the page stored. */
const redeemAt = async (endpoint: string) => {
  await page.waitForFunction(() => 'createReferkit' in window);
  return page.evaluate(async (endpoint) => {
    const { createReferkit } = window as unknown as typeof import('@referkit/sdk');
    const referkit = createReferkit({ program: 'spring-2026', endpoint, retry: { limit: 2, base: 1 } });
    const delivery = await referkit.redeem({
      orderId: '1001',
      order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
      referral: { code: 'ALEX-7HC2QK' },
    });
    return { delivery, stored: Object.keys(localStorage) };
  }, endpoint);
};

describe('createReferkit with an http endpoint, over the built SDK', () => {
  it('refuses a redemption on an https page at once, as final, and stores nothing', async () => {
    await page.goto('https://shop.example/checkout');
    expect(await redeemAt('http://api.shop.example/api')).toEqual({
      delivery: {
        ok: false,
        queued: false,
        error: {
          code: 'invalid_endpoint',
          message: 'Not an http(s) URL fetchable here: http://api.shop.example/api/referrals/events',
        },
      },
      stored: [],
    });
    expect(reached).toEqual([]);
  });

  // Both of its origins are opaque ("null") and its address about:srcdoc: its base, its parent's address, says https.
  it('refuses it at once in a sandboxed srcdoc frame of an https page, as its parent would', async () => {
    await context.route('https://shop.example/framed', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<iframe sandbox="allow-scripts" srcdoc="<p>Pay"></iframe>' }),
    );
    await page.goto('https://shop.example/framed');
    const frame = page.frames()[1]!;
    await frame.waitForLoadState();
    // A classic script: the frame's opaque origin would need CORS to import the module.
    const entry = fileURLToPath(new URL('../../packages/sdk/dist/index.js', import.meta.url));
    const script = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'RK', write: false });
    await frame.addScriptTag({ content: script.outputFiles[0]!.text });
    const delivery = await frame.evaluate(() =>
      (window as unknown as { RK: typeof import('@referkit/sdk') }).RK.createReferkit({
        program: 'spring-2026',
        endpoint: 'http://api.shop.example/api',
        retry: { limit: 2, base: 1 },
      }).redeem({
        orderId: '1001',
        order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
        referral: { code: 'ALEX-7HC2QK' },
      }),
    );
    expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'invalid_endpoint' } });
    expect(reached).toEqual([]);
  });

  it('delivers it on an http page, where Chromium does not block the request', async () => {
    await page.goto('http://shop.example/checkout');
    expect(await redeemAt('http://api.shop.example/api')).toMatchObject({ delivery: { ok: true }, stored: [] });
    expect(reached).toEqual(['http://api.shop.example/api/referrals/events']);
  });

  it('delivers it on an https page to a loopback address, which Chromium does not block', async () => {
    await page.goto('https://shop.example/checkout');
    expect(await redeemAt('http://127.0.0.9:9/api')).toMatchObject({ delivery: { ok: true }, stored: [] });
    expect(reached).toEqual(['http://127.0.0.9:9/api/referrals/events']);
  });
});
