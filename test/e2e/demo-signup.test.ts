/**
 * The sign-up as a public website takes it, over real HTTP on 127.0.0.1 and in real Chromium: one
 * ambassador per email (the JSON API answers `409 email_taken`, the form says so in words). On PGlite
 * and on PostgreSQL.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, demoDatabases, startDemoUnderTest } from './demo-server.js';

describe.each(demoDatabases)('a sign-up under an email another ambassador holds, on $kind', (database) => {
  let running: DemoUnderTest;
  let browser: Browser;
  // Script errors and CSP or Trusted Types violations on the shop's pages.
  const problems: string[] = [];

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest(database), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const url = (path: string) => `${running.demo.url}${path}`;
  const signUp = (body: Record<string, string>) =>
    fetch(url('/api/ambassadors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ambassador', ...body }),
    });
  const holders = async (displayName: string) =>
    (
      await running.demo.client.query(`SELECT 1 FROM demo_ambassadors WHERE ambassador->>'displayName' = $1`, [
        displayName,
      ])
    ).rows.length;

  test('answers the JSON API 409 email_taken, with the path of the problem, and enrols no one', async () => {
    expect((await signUp({ displayName: 'Ines Duarte', email: 'Ines@Example.com' })).status).toBe(201);
    const again = await signUp({ displayName: 'Ines Again', email: 'ines+tea@example.com' });
    expect(again.status).toBe(409);
    const { error } = await again.json();
    expect(error).toMatchObject({ code: 'email_taken', issues: [{ path: ['email'], code: 'email_taken' }] });
    expect(await holders('Ines Again')).toBe(0);
  });

  test("refuses a seeded ambassador's email", async () => {
    const again = await signUp({ displayName: 'Alex Again', email: 'alex@example.com' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'email_taken']);
  });

  test('says so in words on the form, under the page’s CSP, and enrols no one', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // Chromium logs the 409 itself as a failed load; the page's own errors are what count.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    try {
      await page.goto(url('/account'));
      await page.getByLabel('Your name').fill('Maya Again');
      await page.getByLabel('Your email').fill('MAYA@example.com');
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Get my link' }).click(),
      ]);
      expect(answer.status()).toBe(409);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe(
          'An ambassador already signed up with this email: each person signs up once. If it is yours, open your page from the link you got then; if not, check the address, or leave it out.',
        );
      expect(await holders('Maya Again')).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
