/**
 * The dashboard at a brand's size, in real Chromium over HTTP: 120 ambassadors with names in Latin,
 * Arabic, Hebrew, CJK and emoji, and one of the longest a sign-up takes. A table of hundreds of rows
 * must be searched, sorted and paged without client script (the page runs under a strict CSP), keep
 * its headers in view, and print whole on A4. Layout does not depend on the database: PGlite only.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, SCENE_SIGN_UPS, startDemoUnderTest } from './demo-server.js';

const NAMES = ['Alma Ortiz', 'ليلى حداد', 'שרה לוי', '王小明', 'Zoë 🌿 Park', 'Ben Okafor'];
/** Sixty letters, the most a sign-up takes. */
const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaf';

describe('the dashboard with 120 ambassadors', () => {
  let running: DemoUnderTest;
  let browser: Browser;
  let total = 0;
  /** The ambassador whose friend spent most, and one who brought two friends for less. */
  let top = '';
  let busiest = '';

  beforeAll(async () => {
    [running, browser] = await Promise.all([
      startDemoUnderTest({ kind: 'pglite' }, { signUps: SCENE_SIGN_UPS }),
      chromium.launch(chromiumOptions),
    ]);
    const url = running.demo.url;
    const signUp = async (displayName: string) => {
      const response = await fetch(`${url}/api/ambassadors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName, role: 'ambassador' }),
      });
      return ((await response.json()) as { code: string }).code;
    };
    const codes: string[] = [];
    for (let index = 0; index < 116; index++) codes.push(await signUp(`${NAMES[index % NAMES.length]} ${index}`));
    codes.push(await signUp(LONG_NAME));
    const order = async (code: string, quantity: number) =>
      fetch(`${url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `friend-${code}-${quantity}@example.com`,
          items: [{ sku: 'sencha-tin', quantity }],
          code,
        }),
      });
    top = codes[70] ?? '';
    busiest = codes[90] ?? '';
    await order(top, 9);
    await order(busiest, 1);
    await order(busiest, 2);
    total = running.demo.ambassadors.length + codes.length;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const open = async (path: string, viewport = { width: 1280, height: 800 }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${running.demo.url}${path}`);
    return page;
  };
  const table = (page: Page) => page.getByRole('table', { name: /Results per ambassador/ });
  const codesShown = (page: Page) =>
    table(page)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));

  test('shows 50 ambassadors a page, highest revenue first, and says which of how many', async () => {
    const page = await open('/dashboard');
    const codes = await codesShown(page);
    expect(codes).toHaveLength(50);
    expect(codes[0]).toBe(top);
    expect(codes[1]).toBe(busiest);
    expect(await page.locator('.showing').textContent()).toBe(`Showing 1–50 of ${total} ambassadors`);
    expect(
      await table(page)
        .locator('th[aria-sort]')
        .evaluateAll((heads) =>
          heads.map((head) => [head.querySelector('a')?.firstChild?.textContent, head.getAttribute('aria-sort')]),
        ),
    ).toEqual([['Revenue', 'descending']]);
    await page.getByRole('link', { name: 'Next page' }).click();
    expect(await codesShown(page)).toHaveLength(50);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.locator('.showing').textContent()).toBe(`Showing 51–100 of ${total} ambassadors`);
    await page.close();
  });

  test('finds ambassadors by a part of their name or their code, in any script, from a plain form', async () => {
    const page = await open('/dashboard');
    await page.getByRole('searchbox', { name: 'Search ambassadors by name or code' }).fill('שרה');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=/);
    const names = await table(page)
      .locator('tbody th[scope="row"]')
      .evaluateAll((heads) => heads.map((head) => head.textContent ?? ''));
    expect(names.length).toBe(19);
    expect(names.every((name) => name.includes('שרה לוי'))).toBe(true);
    await page.getByRole('searchbox', { name: 'Search ambassadors by name or code' }).fill(busiest.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=[a-z]/);
    expect(await codesShown(page)).toEqual([busiest]);
    await page.close();
  });

  test('sorts by a column from its header link, which says what it will do, and marks the column sorted', async () => {
    const page = await open('/dashboard');
    await page.getByRole('link', { name: 'Redemptions, sort highest first' }).click();
    expect((await codesShown(page)).slice(0, 2)).toEqual([busiest, top]);
    const redemptions = table(page).getByRole('columnheader', { name: /^Redemptions/ });
    expect(await redemptions.getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('link', { name: 'Redemptions, sort lowest first' }).click();
    expect(await redemptions.getAttribute('aria-sort')).toBe('ascending');
    // The pages keep the sort: the most redemptions are last on the last page.
    await page.getByRole('link', { name: 'Last page' }).click();
    expect((await codesShown(page)).slice(-2)).toEqual([top, busiest]);
    expect(await redemptions.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: 'Ambassador, sort A to Z' }).click();
    const names = await table(page)
      .locator('tbody th[scope="row"] .name')
      .evaluateAll((heads) => heads.map((head) => head.textContent ?? ''));
    // As a person reads them: "Alma Ortiz 6" before "Alma Ortiz 12".
    const byReading = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(names[0]).toMatch(/^Alex Rivera|^Alma Ortiz 0$/);
    expect(names).toEqual([...names].sort(byReading.compare));
    await page.close();
  });

  test('keeps the column headers and the names in view as the table scrolls, and a Tab into it shows the headers', async () => {
    const page = await open('/dashboard');
    const region = page.getByRole('region', { name: /Results per ambassador/ });
    const focused = () => region.evaluate((element) => element === document.activeElement);
    for (let presses = 0; presses < 60 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const head = table(page).getByRole('columnheader', { name: /^Revenue/ });
    const inView = (box: { y: number; height: number } | null) => !!box && box.y >= 0 && box.y + box.height <= 800;
    expect(inView(await head.boundingBox())).toBe(true);
    // Down and across the table: the headers and the name column stay where they were.
    await region.evaluate((element) => {
      element.scrollTop = 1500;
      element.scrollLeft = 600;
    });
    const regionBox = await region.boundingBox();
    const headBox = await table(page).locator('thead th').first().boundingBox();
    expect(inView(headBox)).toBe(true);
    expect(Math.round(headBox?.y ?? -1)).toBe(Math.round(regionBox?.y ?? -2) + 1);
    const nameBox = await table(page).locator('tbody th[scope="row"]').nth(30).boundingBox();
    expect(Math.round(nameBox?.x ?? -1)).toBe(Math.round(regionBox?.x ?? -2) + 1);
    await page.close();
  });

  // A4 landscape, 297 × 210 mm, less the page's 10 mm margins, at CSS's 96 px to the inch.
  const A4_LANDSCAPE = { width: Math.floor(((297 - 20) / 25.4) * 96), height: Math.floor(((210 - 20) / 25.4) * 96) };

  test('prints every column of the ambassador table, and every row of the page, on A4 in landscape', async () => {
    const page = await open('/dashboard', A4_LANDSCAPE);
    await page.emulateMedia({ media: 'print' });
    const printed = await table(page).evaluate((element) => {
      const region = element.parentElement as HTMLElement;
      return {
        lastColumn: Math.ceil(element.querySelector('thead th:last-child')?.getBoundingClientRect().right ?? Infinity),
        page: document.documentElement.clientWidth,
        cut: region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight,
      };
    });
    expect(printed.lastColumn).toBeLessThanOrEqual(printed.page);
    expect(printed.cut).toBe(false);
    // The page asks to be printed in landscape: Chromium's PDF follows the stylesheet's @page.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf) ?? [];
    // A4 in PDF points (1/72 inch), its long side across: 842 × 595.
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
    await page.close();
  });

  test('wraps a name of sixty letters within the name column, which keeps its width', async () => {
    const width = async (query: string) => {
      const page = await open(`/dashboard?q=${encodeURIComponent(query)}`);
      const head = table(page).locator('tbody th[scope="row"]').first();
      const box = await head.evaluate((element) => {
        const name = element.querySelector('.name') as HTMLElement;
        return { width: element.getBoundingClientRect().width, whole: name.scrollWidth <= name.clientWidth };
      });
      await page.close();
      return box;
    };
    const long = await width(LONG_NAME.slice(0, 20));
    expect(long.whole).toBe(true);
    expect(long.width).toBeLessThanOrEqual(320);
  });

  test('offers all time, from the first event the ledger holds', async () => {
    const page = await open('/dashboard');
    await page.getByRole('link', { name: 'All time' }).click();
    expect(new URL(page.url()).searchParams.get('days')).toBe('all');
    expect(await page.getByRole('link', { name: 'All time' }).getAttribute('aria-current')).toBe('page');
    // Every event here is from today: all time is today alone.
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.locator('.period').textContent()).toContain(`${today} – ${today}`);
    await page.close();
  });

  test('says so when the period asked for is not offered, and which one it shows instead', async () => {
    const page = await open('/dashboard?days=400');
    expect(await page.locator('.notice').textContent()).toBe(
      'This dashboard does not offer a period of “400” days: it shows the last 30 days. Pick a period below.',
    );
    expect(await page.getByRole('link', { name: '30 days' }).getAttribute('aria-current')).toBe('page');
    await page.close();
  });

  test('names the chart once: its name, and no description that repeats it', async () => {
    const page = await open('/dashboard');
    // Chromium's own accessibility tree, as a screen reader gets it.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'figure.chart svg' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const chart = nodes[0];
    expect(chart?.role?.value).toBe('image');
    expect(chart?.name?.value).toMatch(/^Landings and redemptions per day, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/);
    expect(chart?.description?.value ?? '').toBe('');
    await page.close();
  });
});
