/**
 * WebKit, the engine Safari shares, driven over WebDriver: Debian's webkit2gtk-driver (`WebKitWebDriver`)
 * starts WebKitGTK's MiniBrowser on a display and `selenium-webdriver` speaks to it. Playwright's WebKit
 * is a download, and no browser downloads work on these machines.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Builder, type WebDriver } from 'selenium-webdriver';

/** A WebKit session and what it runs on, closed together. */
export interface WebKitBrowser {
  driver: WebDriver;
  close(): Promise<void>;
}

/**
 * MiniBrowser's path: `WEBKIT_MINIBROWSER_PATH`, else where Debian and Ubuntu (`/usr/lib/<arch>/`) or
 * Fedora (`/usr/libexec/`) put it, for the 4.1 API (libsoup 3) that webkit2gtk-driver pairs with, then 4.0.
 */
export function miniBrowserPath(): string {
  const set = process.env.WEBKIT_MINIBROWSER_PATH;
  if (set) return set;
  const folders = ['/usr/libexec', ...readdirSync('/usr/lib').map((arch) => `/usr/lib/${arch}`)];
  for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0']) {
    const found = folders.map((folder) => `${folder}/${api}/MiniBrowser`).find((path) => existsSync(path));
    if (found) return found;
  }
  throw new Error(
    "Could not start WebKit: MiniBrowser is not installed. Install Debian's webkit2gtk-driver, or set WEBKIT_MINIBROWSER_PATH.",
  );
}

/** A port free on 127.0.0.1 a moment ago: the driver takes a number, not a listening socket. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the driver answers its status, or rejects with its output when it exits or takes 10 s. */
async function driverReady(driver: ChildProcess, url: string, log: () => string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 10_000; await sleep(50)) {
    if (driver.exitCode !== null || driver.pid === undefined) break;
    const ready = await fetch(`${url}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
  }
  throw new Error(
    `Could not start WebKitWebDriver: it did not answer at ${url}. Install Debian's webkit2gtk-driver.\n${log()}`,
  );
}

/** Ends a child process and waits for it to be gone. */
async function end(child: ChildProcess): Promise<void> {
  // A process that never started (`pid` undefined) has no exit to wait for.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/**
 * Starts WebKitWebDriver on a free port of 127.0.0.1 and opens a MiniBrowser session on `display`; the
 * session takes about 1.2 s. `close` quits the session and ends the driver, also when starting failed half way.
 */
export async function startWebKit(display: string): Promise<WebKitBrowser> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const driverProcess = spawn(
    process.env.WEBKIT_WEBDRIVER_PATH ?? 'WebKitWebDriver',
    [`--port=${port}`, '--host=127.0.0.1'],
    {
      env: { ...process.env, DISPLAY: display },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk;
  };
  driverProcess.stdout?.on('data', keep);
  driverProcess.stderr?.on('data', keep);
  driverProcess.on('error', (error) => keep(Buffer.from(`${error.message}\n`)));
  try {
    await driverReady(driverProcess, url, () => log);
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      })
      .build();
    return {
      driver,
      close: async () => {
        await driver.quit().catch(() => {});
        await end(driverProcess);
      },
    };
  } catch (error) {
    await end(driverProcess);
    throw error;
  }
}
