import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();

describe('the widget in Arabic', () => {
  it('lays the panel and banner out right to left and saves the reference screenshot', async () => {
    const context = await web.browser.newContext({ viewport: { width: 720, height: 1100 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(`${web.server.url}/rtl.html?ref=ALEX-7HC2QK`);
    const panel = page.locator('referkit-share');
    await panel.getByRole('heading', { name: 'ادع أصدقاءك إلى Acme' }).waitFor();
    await panel.getByRole('progressbar').waitFor();
    await page.locator('referkit-offer').getByText('هدية من Alex').waitFor();
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
