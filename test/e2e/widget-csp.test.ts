import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAndServer, STRICT_CSP } from './widget-server.js';

const web = chromiumAndServer();

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('both elements under a strict CSP with Trusted Types', () => {
  it('serves the page with the strict policy', async () => {
    const context = await web.browser.newContext();
    const response = await (await context.newPage()).goto(`${web.server.url}/csp.html`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await context.close();
  });

  it('renders, copies, loads a catalogue and draws a QR code with zero violations', async () => {
    const context = await web.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${web.server.url}/csp.html?ref=ALEX-7HC2QK`);
    const panel = page.locator('referkit-share');
    // locale="es": the catalogue chunk is imported from beside the script.
    await panel.getByRole('heading', { name: 'Invita a tus amigos a Acme' }).waitFor();
    await page.locator('referkit-offer').getByText('Alex gave you 15% off your first order').waitFor();
    await panel.getByRole('button', { name: 'Copiar enlace' }).click();
    await panel.getByText('Copiado').waitFor();
    await panel.getByRole('button', { name: 'Mostrar código QR' }).click();
    await panel.getByRole('img', { name: 'Código QR de tu enlace' }).waitFor();
    await panel.getByRole('progressbar').waitFor();
    // Styles applied through the adopted sheet (not blocked): the banner is fixed to the viewport.
    expect(
      await page
        .locator('referkit-offer')
        .getByRole('complementary')
        .evaluate((aside) => getComputedStyle(aside).position),
    ).toBe('fixed');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports a violation when one happens, so the listener is known to work', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.server.url}/csp.html`);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(() => violations(page)).toEqual([expect.stringContaining('style-src')]);
    await context.close();
  });
});
