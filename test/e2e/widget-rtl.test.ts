import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchChromium, startWidgetServer, type WidgetServer } from './widget-server.js';

let browser: Browser;
let server: WidgetServer;

beforeAll(async () => {
  ensureBuilt();
  [browser, server] = await Promise.all([launchChromium(), startWidgetServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the widget in Arabic', () => {
  it('lays the panel and banner out right to left and saves the reference screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 720, height: 1100 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(`${server.url}/rtl.html?ref=ALEX-7HC2QK`);
    const panel = page.locator('referkit-share');
    await panel.getByRole('heading', { name: 'ادعُ أصدقاءك إلى Acme' }).waitFor();
    await panel.getByRole('progressbar').waitFor();
    await page.locator('referkit-offer').getByText('Alex أهداك').waitFor();
    expect(
      await panel
        .getByRole('region')
        .first()
        .evaluate((section) => getComputedStyle(section).direction),
    ).toBe('rtl');
    // The copy button sits to the left of the link field in a right-to-left row.
    const field = await panel.getByRole('textbox', { name: 'رابطك' }).boundingBox();
    const copy = await panel.getByRole('button', { name: 'نسخ الرابط' }).boundingBox();
    expect(copy && field && copy.x < field.x).toBe(true);
    expect(await panel.getByRole('textbox', { name: 'رابطك' }).inputValue()).toBe(
      'https://shop.example/?ref=ALEX-7HC2QK',
    );
    await page.waitForTimeout(400);
    // The reference a person checked is kept in docs; runs write beside it only when asked to refresh it.
    const reference = fileURLToPath(new URL('../../docs/screenshots/widget-rtl.png', import.meta.url));
    const refresh = process.env.REFERKIT_UPDATE_SCREENSHOTS === '1' || !existsSync(reference);
    const shot = await page.screenshot({ fullPage: true, ...(refresh && { path: reference }) });
    expect(shot.length).toBeGreaterThan(10_000);
    await context.close();
  });
});
