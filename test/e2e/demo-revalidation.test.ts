/**
 * The demo's `referkit.js` in a real Chromium that views the storefront again: the script is sent
 * `no-cache`, which lets the browser keep it but not use it unasked, so every later view asks the
 * server with the validator it was sent, and the server answers `304 Not Modified` without the
 * script's bytes. Without a validator the browser has nothing to ask with and downloads it whole on
 * every view. What went over the wire is read from Chromium's own network events (DevTools' view).
 */
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, startDemoUnderTest } from './demo-server.js';

/** One request for the script, as the network saw it. */
interface ScriptFetch {
  status: number;
  /** The validator the browser sent, if any. */
  ifNoneMatch: string | undefined;
  /** Bytes received for it, headers included. */
  transferred: number;
}

describe("the demo's referkit.js viewed again", () => {
  let running: DemoUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fetches: ScriptFetch[];

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest({ kind: 'pglite' }), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    fetches = await watchScript(await context.newCDPSession(page));
  });

  afterEach(() => context.close());

  /** Records every request for `/referkit.js` once its body (or its 304) has arrived. */
  async function watchScript(session: CDPSession): Promise<ScriptFetch[]> {
    const seen: ScriptFetch[] = [];
    const open = new Map<string, Omit<ScriptFetch, 'transferred'>>();
    const sent = new Map<string, string | undefined>();
    session.on('Network.requestWillBeSentExtraInfo', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );
      sent.set(event.requestId, headers['if-none-match']);
    });
    session.on('Network.responseReceived', (event) => {
      if (new URL(event.response.url).pathname === '/referkit.js')
        open.set(event.requestId, { status: event.response.status, ifNoneMatch: undefined });
    });
    session.on('Network.loadingFinished', (event) => {
      const fetched = open.get(event.requestId);
      if (fetched)
        seen.push({ ...fetched, ifNoneMatch: sent.get(event.requestId), transferred: event.encodedDataLength });
    });
    await session.send('Network.enable');
    return seen;
  }

  /** Opens the product page and waits until the widget has defined its elements. */
  async function view() {
    await page.goto(running.demo.url);
    await page.waitForFunction(() => customElements.get('referkit-offer') !== undefined);
    // The loading of referkit.js finished before it ran; its event may still be on its way here.
    await expect.poll(() => fetches.length).toBeGreaterThan(0);
  }

  test('asks for the script again with its ETag and is answered 304, not the script', async () => {
    await view();
    const first = fetches.splice(0);
    expect(first.map(({ status }) => status)).toEqual([200]);
    await view();
    expect(fetches).toEqual([
      { status: 304, ifNoneMatch: expect.stringMatching(/^"[^"]+"$/), transferred: expect.any(Number) },
    ]);
    // The headers alone: the script itself is some 60 KB.
    expect(fetches[0]?.transferred).toBeLessThan(1024);
  });

  test('revalidates the script on a reload as on a new view', async () => {
    await view();
    fetches.splice(0);
    await page.reload();
    await page.waitForFunction(() => customElements.get('referkit-offer') !== undefined);
    await expect.poll(() => fetches.map(({ status }) => status)).toEqual([304]);
  });
});
