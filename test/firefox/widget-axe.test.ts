/** axe-core over both elements of the built referkit.js in Firefox, as a person leaves them: QR code and Copied shown. */
import { describe, it } from 'vitest';
import { bannerAtRest } from '../e2e/widget-server.js';
import { AUDITED, type AxeResult, expectAccessible, WCAG_AA } from '../widget-audit.js';
import { firefoxAndServer, shadowButton, until } from './firefox.js';

const web = firefoxAndServer();

describe('axe-core in Firefox', () => {
  it('finds no WCAG 2.2 AA violations in either element, QR code, Copied and progress shown', async () => {
    const page = await web.open('/widget.html?ref=ALEX-7HC2QK');
    // By keyboard: the banner, fixed to the viewport's bottom, lies over the QR button of this short page.
    for (const name of ['Show QR code', 'Copy link']) {
      await (await shadowButton(page, 'referkit-share', name)).focus();
      await page.keyboard.press('Enter');
    }
    await until(page, () => {
      const panel = document.querySelector('referkit-share')?.shadowRoot;
      return (
        !!panel?.querySelector('[role=progressbar]') &&
        !!panel.querySelector('svg[role=img]') &&
        !!panel.textContent?.includes('Copied')
      );
    });
    // axe measures the contrast of the banner where its slide in ends, not a frame it passes.
    await bannerAtRest(page);
    await page.addScriptTag({ url: '/axe.min.js' });
    const result = (await page.evaluate(
      (audited, rules) =>
        (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(
          audited,
          rules,
        ),
      AUDITED,
      WCAG_AA,
    )) as AxeResult;
    expectAccessible(result);
  });
});
