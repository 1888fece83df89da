/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import type { BrowserCommand } from 'vitest/node';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests run from source: the workspace packages resolve to their `src`, not their `dist`. */
export const sourceAliases = [
  { find: /^@referkit\/events$/, replacement: source('./packages/events/src/index.ts') },
  { find: /^@referkit\/events\/code$/, replacement: source('./packages/events/src/code.ts') },
  { find: /^@referkit\/events\/minor-units$/, replacement: source('./packages/events/src/minor-units.ts') },
  { find: /^@referkit\/events\/signature$/, replacement: source('./packages/events/src/signature.ts') },
  { find: /^@referkit\/sdk$/, replacement: source('./packages/sdk/src/index.ts') },
  { find: /^@referkit\/sdk\/server$/, replacement: source('./packages/sdk/src/server.ts') },
  { find: /^@referkit\/widget$/, replacement: source('./packages/widget/src/index.ts') },
];

/**
 * In the Node projects, `@referkit/sdk` is what Node imports through the package's `node` condition: the
 * entry whose `createReferkit` signs with `secret`. A DOM or a browser gets the browser entry, as bundlers do.
 */
const nodeResolve = {
  resolve: { alias: [{ find: /^@referkit\/sdk$/, replacement: source('./packages/sdk/src/node.ts') }] },
};

/** Debian's Chromium: no browser downloads work on these machines. */
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Runs a script in a fresh browser context (no cookies, no storage) at `url`, served an empty page,
 * and returns its result. Chromium resolves every `*.localhost` name to this machine, so a test can
 * reach its own server as `www.shop.localhost`: a host with a parent domain, which a cookie's
 * `domain` needs and `localhost` itself lacks. With `embedder`, the page at `url` is an iframe of a
 * page at that address: of another site (`news.localhost`), it is a third-party frame, whose cookies
 * and storage Chromium blocks as it does in every context with third-party cookies blocked.
 */
const evaluateAt: BrowserCommand<[url: string, script: string, embedder?: string]> = async (
  { context },
  url,
  script,
  embedder,
) => {
  const fresh = await context.browser()!.newContext();
  try {
    const page = await fresh.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
    if (!embedder) {
      await page.goto(url);
      return await page.evaluate(script);
    }
    await page.route(embedder, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${url}"></iframe>` }),
    );
    await page.goto(embedder);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame!.waitForLoadState();
    return await frame!.evaluate(script);
  } finally {
    await fresh.close();
  }
};

/**
 * Opens `pages` in turn in a fresh browser context, as links followed one after the other, each served
 * an empty page, and runs each page's script, if it has one, once it has loaded; then goes back one page
 * and returns what `back` returns there. The browser project keeps Chromium's back/forward cache on
 * (Playwright turns it off by default), so the page gone back to is restored as it was left, with a
 * `pageshow` whose `persisted` is true. With `noStore`, the pages are served `Cache-Control: no-store`,
 * which keeps them out of that cache: the page is loaded again (a `back_forward` navigation), and `back`
 * runs on a page whose scripts have not run, as a page's own would have.
 */
const evaluateAcrossPages: BrowserCommand<
  [pages: [url: string, script?: string][], back: string, noStore?: boolean]
> = async ({ context }, pages, back, noStore) => {
  const fresh = await context.browser()!.newContext();
  try {
    const page = await fresh.newPage();
    const headers: Record<string, string> = noStore ? { 'cache-control': 'no-store' } : {};
    for (const [served] of pages) {
      await page.route(served, (route) => route.fulfill({ contentType: 'text/html', body: '', headers }));
    }
    for (const [served, script] of pages) {
      await page.goto(served);
      if (script) await page.evaluate(script);
    }
    // A restored page fires no load event.
    await page.goBack({ waitUntil: 'commit' });
    return await page.evaluate(back);
  } finally {
    await fresh.close();
  }
};

/**
 * Runs `steps` in tabs of one fresh browser context, each tab opened at `url` (served an empty page) the
 * first time a step names it: tabs of one site, sharing its storage and its broadcast channels. A step
 * without a script closes its tab, as a person closing it does (`pagehide` runs). Returns each script's result.
 */
const evaluateInTabs: BrowserCommand<[url: string, steps: [tab: number, script?: string][]]> = async (
  { context },
  url,
  steps,
) => {
  const fresh = await context.browser()!.newContext();
  try {
    await fresh.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
    const tabs: Awaited<ReturnType<typeof fresh.newPage>>[] = [];
    const results: unknown[] = [];
    for (const [tab, script] of steps) {
      if (!tabs[tab]) {
        tabs[tab] = await fresh.newPage();
        await tabs[tab].goto(url);
      }
      if (script) results.push(await tabs[tab].evaluate(script));
      else await tabs[tab].close({ runBeforeUnload: true });
    }
    return results;
  } finally {
    await fresh.close();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See {@link evaluateAt}. */
    evaluateAt(url: string, script: string, embedder?: string): Promise<unknown>;
    /** See {@link evaluateAcrossPages}. */
    evaluateAcrossPages(pages: [url: string, script?: string][], back: string, noStore?: boolean): Promise<unknown>;
    /** See {@link evaluateInTabs}. */
    evaluateInTabs(url: string, steps: [tab: number, script?: string][]): Promise<unknown[]>;
  }
}

export default defineConfig({
  resolve: { alias: sourceAliases },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    onConsoleLog: () => false,
    projects: [
      {
        extends: true,
        ...nodeResolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'test/unit/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/*.dom.test.ts', '**/node_modules/**', '**/dist/**'],
          setupFiles: ['test/setup/fail-on-console.ts'],
          // vitest's 5 s default failed a 300-case property test on a machine busy with other work;
          // a test that hangs still fails, later.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['packages/*/src/**/*.test.tsx', 'packages/*/src/**/*.dom.test.ts'],
          setupFiles: ['test/setup/fail-on-console.ts'],
          // vitest's 5 s default failed a 300-case property test on a machine busy with other work;
          // a test that hangs still fails, later.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [
          {
            // An endpoint that moved: the SDK's Chromium tests check that a redirect is not taken for a verdict.
            name: 'moved-endpoint',
            configureServer(server) {
              server.middlewares.use('/moved/referrals/events', (_request, response) => {
                response.writeHead(301, { location: '/' }).end();
              });
            },
          },
        ],
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.ts', 'test/browser/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            // With the back/forward cache that Playwright turns off by default: browsers keep it on.
            provider: playwright({
              launchOptions: { ...chromium, ignoreDefaultArgs: ['--disable-back-forward-cache'] },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { evaluateAt, evaluateAcrossPages, evaluateInTabs },
          },
        },
      },
      {
        extends: true,
        ...nodeResolve,
        test: {
          // The widget's browser tests again, over the readable build (the e2e project runs the minified one).
          name: 'widget-dev',
          environment: 'node',
          include: ['test/e2e/widget-*.test.ts'],
          env: { REFERKIT_WIDGET_BUILD: 'build-dev' },
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        ...nodeResolve,
        test: {
          // The widget's built referkit.js in WebKit, the engine Safari shares (test/webkit/webkit-browser.ts).
          name: 'webkit',
          environment: 'node',
          include: ['test/webkit/**/*.test.ts'],
          setupFiles: ['test/setup/fail-on-console.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One display and one MiniBrowser at a time: each is a whole browser process on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        ...nodeResolve,
        test: {
          // A smoke set in Firefox over the built files (test/firefox/firefox.ts), run after the build as e2e is.
          name: 'firefox',
          environment: 'node',
          include: ['test/firefox/**/*.test.ts'],
          setupFiles: ['test/setup/fail-on-console.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        ...nodeResolve,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts', 'test/package/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
