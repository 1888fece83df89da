/**
 * One landing per landing, over the built referkit.js, where a page is not a plain visit: a referral
 * link Chromium prerenders (Speculation Rules), followed or never, one opened on a page whose markup
 * names an element "prerendering", and one link opened in two tabs at the same moment.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { chromium } from '../../vite.config.js';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
const LINK = '/widget.html?ref=ALEX-7HC2QK&rk_ch=sms';

const landings = () => web.server.events.filter((event) => event.type === 'landing');

/**
 * Opens `page` in a Chromium of its own for `ms`. Not through Playwright: Chromium does not prerender
 * while DevTools drive it (PrerenderingDisabledByDevTools), so only the server sees what happens.
 */
async function browse(page: string, ms: number): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'referkit-prerender-'));
  // A group of its own, so that its renderers and helpers end with it and stop writing to the profile.
  const browser = spawn(chromium.executablePath, [...chromium.args, `--user-data-dir=${profile}`, page], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    await sleep(ms);
  } finally {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    process.kill(-(browser.pid as number), 'SIGKILL');
    await exited;
    // A helper process may still be closing a file in it for a moment.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

describe('landings of pages that are not plain visits', () => {
  it('reports no landing for a prerendered link the person never opens', async () => {
    for (const record of [web.server.events, web.server.prerendered, web.server.requests]) record.length = 0;
    await browse(`${web.server.url}/prerender.html`, 6000);
    expect(web.server.prerendered, 'Chromium prerendered the link').toContain(LINK);
    expect(landings()).toEqual([]);
  });

  it('reports the landing of a prerendered link once the person opens it, once', async () => {
    for (const record of [web.server.events, web.server.prerendered, web.server.requests]) record.length = 0;
    await browse(`${web.server.url}/prerender.html?open=3000`, 7000);
    expect(web.server.prerendered, 'Chromium prerendered the link').toContain(LINK);
    // The page was shown from the prerender, not loaded again.
    expect(web.server.requests.filter((path) => path === '/widget.html')).toHaveLength(1);
    expect(landings()).toMatchObject([{ code: 'ALEX-7HC2QK', channel: 'sms' }]);
  });

  it('reports the landing and shows the banner on a page with an element named "prerendering"', async () => {
    web.server.events.length = 0;
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      // The storefront's own markup: a named <img> is `document.prerendering` (HTML's named properties).
      await page.route('**/widget.html?*', async (route) => {
        const served = await route.fetch();
        const body = (await served.text()).replace('<main>', '<main><img name="prerendering" alt="">');
        await route.fulfill({ response: served, body });
      });
      await page.goto(web.server.url + LINK);
      expect(await page.evaluate(() => String((document as { prerendering?: unknown }).prerendering))).toBe(
        '[object HTMLImageElement]',
      );
      await page.waitForFunction(() => document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside'));
      await expect.poll(() => landings()).toMatchObject([{ code: 'ALEX-7HC2QK', channel: 'sms' }]);
    } finally {
      await context.close();
    }
  });

  // Each tab read "not seen" before the other had written it, about one round in three.
  it('reports one landing when two tabs open the same link at the same moment', async () => {
    const counts: number[] = [];
    for (let round = 0; round < 8; round++) {
      web.server.events.length = 0;
      const context = await web.browser.newContext();
      const [first, second] = [await context.newPage(), await context.newPage()];
      await Promise.all([first.goto(web.server.url + LINK), second.goto(web.server.url + LINK)]);
      // Both tabs have had time to report, and a second landing would have arrived. Counted by event id,
      // as the ledger counts them: the second tab's flush on load may send the first tab's queued landing
      // again while the first tab's own request is on its way, a duplicate the receiver answers as one.
      await expect.poll(() => landings().length).toBeGreaterThan(0);
      await sleep(500);
      counts.push(new Set(landings().map((event) => event.id)).size);
      await context.close();
    }
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
