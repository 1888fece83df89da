import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { AUDITED, type AxeResult, expectAccessible, WCAG_AA } from '../widget-audit.js';
import { ensureBuilt, launchChromium, startWidgetServer, type WidgetServer } from './widget-server.js';

let browser: Browser;
let server: WidgetServer;
let axeSource: string;

beforeAll(async () => {
  ensureBuilt();
  [browser, server, axeSource] = await Promise.all([
    launchChromium(),
    startWidgetServer(),
    readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (colorScheme) => {
  it('finds no WCAG 2.2 AA violations in either element, QR code and progress shown', async () => {
    const context = await browser.newContext({ colorScheme, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}/widget.html?ref=ALEX-7HC2QK`);
    const panel = page.locator('referkit-share');
    await panel.getByRole('progressbar').waitFor();
    await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
    await panel.getByRole('button', { name: 'Show QR code' }).click();
    await panel.getByRole('img').waitFor();
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await panel.getByText('Copied').waitFor();
    // The animation would be sampled mid-flight; axe measures contrast of the settled banner.
    await page.waitForTimeout(400);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(
      ([audited, rules]) =>
        (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
          audited,
          rules,
        ),
      [AUDITED, WCAG_AA] as const,
    );
    expectAccessible(result);
    await context.close();
  });
});
