/**
 * The Firefox smoke set's harness: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core
 * (which never downloads a browser), against the widget's test server and the BUILT files. Each test
 * opens pages in a fresh browser context; whatever a page logs fails the test, as the console guard
 * does in Node.
 */
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ensureBuilt, startWidgetServer, type WidgetServer, type WidgetServerOptions } from '../e2e/widget-server.js';

/** Debian's `firefox-esr`; `FIREFOX_PATH` names another. */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** What the file's hooks started, and how its tests open pages. */
export interface FirefoxHarness {
  browser: Browser;
  server: WidgetServer;
  /** A page at `path` of the server in a fresh context, loaded, its log watched until the test ends. */
  open(path: string): Promise<Page>;
  /** A page at `path` in the context of a page opened before: the same cookies and storage. */
  openBeside(page: Page, path: string): Promise<Page>;
}

/**
 * Firefox and the widget's server for the test file that calls this at its top level: started before its
 * tests and closed after them, also when one failed. After each test its contexts are closed, and the test
 * fails if any page logged a console message or an error (Firefox reports a refused cookie so).
 */
export function firefoxAndServer(options?: WidgetServerOptions | (() => Promise<WidgetServerOptions>)): FirefoxHarness {
  const contexts: BrowserContext[] = [];
  const logged: string[] = [];
  const goto = async (page: Page, path: string) => {
    page.on('console', (message) => logged.push(`${path}: console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logged.push(`${path}: error: ${(error as Error).message}`));
    await page.goto(`${harness.server.url}${path}`, { waitUntil: 'load' });
    return page;
  };
  const harness: FirefoxHarness = {
    browser: undefined as unknown as Browser,
    server: undefined as unknown as WidgetServer,
    async open(path) {
      const context = await harness.browser.createBrowserContext();
      contexts.push(context);
      return goto(await context.newPage(), path);
    },
    async openBeside(page, path) {
      return goto(await page.browserContext().newPage(), path);
    },
  };
  beforeAll(async () => {
    ensureBuilt();
    // One after the other, each kept as soon as it runs: afterAll closes whichever started.
    harness.server = await startWidgetServer(typeof options === 'function' ? await options() : options);
    harness.browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true });
  });
  afterEach(async (context) => {
    await Promise.all(contexts.splice(0).map((opened) => opened.close()));
    const said = logged.splice(0);
    if (said.length > 0 && context.task.result?.state !== 'fail') {
      throw new Error(`Firefox logged:\n${said.join('\n')}`);
    }
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/**
 * Resolves with the first truthy result of `read`, tried every 50 ms, or fails after `timeout` ms naming `what`.
 * 15 s: `npm test` runs this project beside the Chromium ones on two cores.
 */
async function poll<T>(read: () => Promise<T>, what: string, timeout = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await read();
    if (result) return result;
    if (Date.now() > end) throw new Error(`Gave up after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Resolves with the first truthy result of `check(argument)` run in the page, or fails after `timeout` ms
 * naming it. Not `page.waitForFunction`: it builds its poller with `Function()`, which a strict CSP refuses
 * in Firefox. `check` runs in the page: it reads nothing of the test's but `argument`, and its result comes
 * back serialised (an element comes back as nothing truthy: return a boolean).
 */
export function until<T, A = undefined>(
  page: Page,
  check: (argument: A) => T,
  argument?: A,
  timeout?: number,
): Promise<NonNullable<T>> {
  return poll(() => page.evaluate(check as (argument: unknown) => T, argument) as Promise<T>, `${check}`, timeout);
}

/** The button named `name` (its label, else its text) in the shadow root of the page's `host` element, once drawn. */
export function shadowButton(page: Page, host: string, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const find = ({ host, name }: { host: string; name: string }) =>
    [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (button) => (button.getAttribute('aria-label') ?? button.textContent) === name,
    ) ?? null;
  return poll(async () => {
    const handle = await page.evaluateHandle(find, { host, name });
    const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    if (!button) await handle.dispose();
    return button;
  }, `the ${name} button of <${host}>`);
}
