/**
 * The widget's WebKit tests: the Chromium tests' server (test pages, the BUILT script files, the fake brand
 * API) and one WebKit session per test file, on its own virtual display, with what a test does in the page.
 */
import type { WebDriver, WebElement } from 'selenium-webdriver';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ensureBuilt, startWidgetServer, type WidgetServer } from '../e2e/widget-server.js';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display.js';
import { startWebKit, type WebKitBrowser } from './webkit-browser.js';

/**
 * WebKit and the widget's server for the test file that calls this, at its top level: started before its
 * tests and ended after them, also when a test or the start failed. Each test starts on an empty page of
 * the server's origin with no cookies or storage, and fails when the page it left logged anything or threw.
 */
export function webkitAndServer(): { driver: WebDriver; server: WidgetServer } {
  const both = {} as { driver: WebDriver; server: WidgetServer };
  let display: VirtualDisplay | undefined;
  let browser: WebKitBrowser | undefined;
  beforeAll(async () => {
    ensureBuilt();
    both.server = await startWidgetServer();
    display = await startVirtualDisplay();
    browser = await startWebKit(display.display);
    both.driver = browser.driver;
  });
  afterAll(async () => {
    await browser?.close();
    await display?.close();
    await both.server?.close();
  });
  beforeEach(async () => {
    // The server answers this path 404, an empty page of its origin: the storage to clear is reachable.
    await both.driver.get(`${both.server.url}/empty`);
    await both.driver.manage().deleteAllCookies();
    await both.driver.executeScript('localStorage.clear(); sessionStorage.clear();');
    both.server.requests.length = 0;
    both.server.events.length = 0;
  });
  afterEach(async () => {
    // WebDriver hands WebKit's console to no one: the test pages' setup.js keeps it in `pageProblems`.
    expect(
      await inPage(both.driver, () => (window as unknown as { pageProblems?: string[] }).pageProblems ?? []),
    ).toEqual([]);
  });
  return both;
}

/**
 * Runs `script` in the page with `args` (JSON values) and returns what it returns or resolves to; a throw
 * or a rejection in the page fails the test with its message. `script` is sent as its source text, so it
 * can use nothing from the test file's scope.
 */
export async function inPage<Args extends unknown[], Result>(
  driver: WebDriver,
  script: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result> {
  const outcome = (await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
    Promise.resolve()
      .then(() => (${script}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
      .then((value) => done({ value }), (error) => done({ error: [error, error && error.stack].join(' at ') }));`,
    ...args,
  )) as { value: Result } | { error: string };
  if ('error' in outcome) throw new Error(`In the page: ${outcome.error}`);
  return outcome.value;
}

/** What a wait ends on: a value that is not falsy. */
type Truthy<Value> = Exclude<Value, null | undefined | false | '' | 0>;

/** Waits until `script`, run in the page, returns a truthy value, and returns it. */
export async function untilInPage<Args extends unknown[], Result>(
  driver: WebDriver,
  script: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Truthy<Result>> {
  const found = await driver.wait(
    () => inPage(driver, script, ...args),
    10_000,
    `Waited 10 s for ${script} in the page`,
  );
  return found as Truthy<Result>;
}

/**
 * A button in `host`'s shadow root by its accessible name (its text or `aria-label`), as WebDriver's own
 * element: clicking it is a person's click, with the user activation a clipboard write needs.
 */
export async function shadowButton(driver: WebDriver, host: string, name: string): Promise<WebElement> {
  const button = await driver.wait(
    () =>
      driver.executeScript<WebElement | null>(
        (selector: string, wanted: string) =>
          [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
            (button) => (button.getAttribute('aria-label') ?? button.textContent?.trim()) === wanted,
          ) ?? null,
        host,
        name,
      ),
    10_000,
    `Waited 10 s for the button "${name}" in ${host}`,
  );
  // A wait ends only on a value that is not null.
  return button as WebElement;
}
