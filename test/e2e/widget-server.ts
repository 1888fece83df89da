/**
 * The widget's browser-test harness: a static server on 127.0.0.1 for the test pages and the BUILT
 * script files, a fake brand API (code lookup, stats, events), and a Chromium launched with playwright-core.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromium } from '../../vite.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// REFERKIT_WIDGET_BUILD=build-dev runs the same tests over the readable build (see the `widget-dev` project).
const dist = `${root}packages/widget/${process.env.REFERKIT_WIDGET_BUILD ?? 'dist'}/`;

/** Builds the packages when the widget's script build is missing, so the tests always run over built files. */
export function ensureBuilt(): void {
  if (!existsSync(`${dist}referkit.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

/** The stats the fake API answers for ALEX-7HC2QK. */
export const alexStats = {
  code: 'ALEX-7HC2QK',
  displayName: 'Alex',
  role: 'ambassador',
  promoted: false,
  friendsJoined: 2,
  rewards: [{ type: 'credit', currency: 'USD', earned: 2000, pending: 1000 }],
  target: { shares: 3, per: 'week', done: 2, reached: false },
};

/**
 * The names the fake API's code lookup answers, each code with the same terms. `2024-HC2QK7` starts with
 * digits and its name ends with a period: in right-to-left text both are reordered unless isolated.
 */
const publicNames: Record<string, string> = { 'ALEX-7HC2QK': 'Alex', '2024-HC2QK7': 'J.R.R. Tolkien Jr.' };

/** The message the test page's panel is prefilled with: the program's template and its disclosure. */
export const prefilledMessage =
  'I love Acme. Here is 15% off your first order with my link.\n\nI get $10 credit if you order with my link.';

/** What the fake server saw: every request path and every posted event. */
export interface WidgetServer {
  url: string;
  requests: string[];
  events: { id: string; type: string; channel?: string; code: string }[];
  /** The addresses asked for by a prerender (`Sec-Purpose: prefetch;prerender`), path and query. */
  prerendered: string[];
  /** Paths that answer 503 the next time they are asked for, as a CDN's passing failure does. */
  unavailable: Set<string>;
  close(): Promise<void>;
}

/** The strictest policy the widget promises to run under. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

/** What a test file adds to the server. */
export interface WidgetServerOptions {
  /** Answers each posted event in place of `201 recorded`, as the brand's receiver does (`createReceiver`). */
  receive?: (request: Request) => Promise<Response>;
  /** Scripts the test file built, by path (`/sdk.js`): served before the test pages. */
  scripts?: Record<string, string>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startWidgetServer(options: WidgetServerOptions = {}): Promise<WidgetServer> {
  const requests: string[] = [];
  const events: WidgetServer['events'] = [];
  const prerendered: string[] = [];
  const unavailable = new Set<string>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (/prerender/.test(String(request.headers['sec-purpose']))) prerendered.push(url.pathname + url.search);
    const send = (status: number, body: string, type = 'application/json', headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, ...headers });
      response.end(body);
    };
    if (unavailable.delete(url.pathname)) return send(503, 'Service Unavailable', 'text/plain');
    if (url.pathname === '/api/referrals/events' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      events.push(JSON.parse(body));
      if (!options.receive) return send(201, JSON.stringify({ status: 'recorded' }));
      const headers = Object.entries(request.headers).map(([name, value]) => [name, String(value)] as [string, string]);
      const answer = await options.receive(new Request(url, { method: 'POST', headers, body }));
      return send(answer.status, await answer.text());
    }
    const code = /^\/api\/codes\/([\w-]+)$/.exec(url.pathname)?.[1] ?? '';
    if (Object.hasOwn(publicNames, code)) {
      return send(
        200,
        JSON.stringify({
          code,
          displayName: publicNames[code],
          brand: 'Acme',
          currency: 'USD',
          friendOffer: { kind: 'percent', percent: 15 },
          firstOrderOnly: true,
        }),
      );
    }
    if (url.pathname === '/api/ambassadors/ALEX-7HC2QK/stats') return send(200, JSON.stringify(alexStats));
    if (url.pathname.startsWith('/api/'))
      return send(404, JSON.stringify({ error: { code: 'unknown_code', message: 'Unknown code' } }));
    const script = options.scripts && Object.hasOwn(options.scripts, url.pathname) && options.scripts[url.pathname];
    if (script) return send(200, script, 'text/javascript');
    const file =
      url.pathname === '/axe.min.js'
        ? `${root}node_modules/axe-core/axe.min.js`
        : /^\/referkit[\w-]*\.js$/.test(url.pathname)
          ? `${dist}${url.pathname.slice(1)}`
          : /^\/[\w-]+\.(html|js|css)$/.test(url.pathname)
            ? `${root}test/e2e/widget-pages${url.pathname}`
            : undefined;
    const body = file && (await readFile(file, 'utf8').catch(() => undefined));
    if (body === undefined) return send(404, 'Not found', 'text/plain');
    const csp: Record<string, string> = url.pathname.startsWith('/csp')
      ? { 'content-security-policy': STRICT_CSP }
      : {};
    send(200, body, types[file?.split('.').pop() ?? ''] ?? 'text/plain', csp);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    events,
    prerendered,
    unavailable,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Launches Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return playwright.launch({ executablePath: chromium.executablePath, args: chromium.args, headless: true });
}

/**
 * Chromium and the widget's server for the test file that calls this, at its top level: started before
 * its tests, closed after them. Each test opens its own context or page.
 */
export function chromiumAndServer(): { browser: Browser; server: WidgetServer } {
  const both = {} as { browser: Browser; server: WidgetServer };
  beforeAll(async () => {
    ensureBuilt();
    [both.browser, both.server] = await Promise.all([launchChromium(), startWidgetServer()]);
  });
  afterAll(async () => {
    await both.browser?.close();
    await both.server?.close();
  });
  return both;
}

/**
 * Resolves once the page's offer banner has come to rest: where its slide in ends, not a place it passes.
 * A Playwright page or a puppeteer one (the Firefox project's): both run a function in the page alike.
 */
export function bannerAtRest(page: Pick<Page, 'evaluate'> | { evaluate(script: () => unknown): Promise<unknown> }) {
  return page.evaluate(() =>
    Promise.all(
      document
        .querySelector('referkit-offer')
        ?.shadowRoot?.querySelector('aside')
        ?.getAnimations()
        .map((slide) => slide.finished) ?? [],
    ),
  );
}
