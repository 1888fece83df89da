import { describe, it } from 'vitest';
import { AUDITED, type AxeResult, expectAccessible, WCAG_AA } from '../widget-audit.js';
import { inPage, untilInPage, webkitAndServer } from './webkit-harness.js';

const web = webkitAndServer();

describe('axe-core in WebKit', () => {
  it('finds no WCAG 2.2 AA violations in either element, QR code and progress shown', async () => {
    await web.driver.get(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
    await untilInPage(web.driver, () => {
      const panel = document.querySelector('referkit-share')?.shadowRoot;
      const offer = document.querySelector('referkit-offer')?.shadowRoot?.textContent ?? '';
      return !!panel?.querySelector('[role=progressbar]') && offer.includes('Alex gave you');
    });
    // The QR code is part of what is audited; clicking it as a person does is the elements' test's part.
    await inPage(web.driver, () =>
      [...(document.querySelector('referkit-share')?.shadowRoot?.querySelectorAll('button') ?? [])]
        .find((button) => button.textContent === 'Show QR code')
        ?.click(),
    );
    await untilInPage(web.driver, () =>
      document.querySelector('referkit-share')?.shadowRoot?.querySelector('svg[role=img]'),
    );
    const result = await inPage(
      web.driver,
      async (audited: typeof AUDITED, rules: typeof WCAG_AA) => {
        // Contrast is measured on the banner at rest, not sampled mid-slide.
        const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
        await Promise.all(aside?.getAnimations().map((slide) => slide.finished) ?? []);
        await new Promise((loaded, failed) =>
          document.head.append(
            Object.assign(document.createElement('script'), { src: '/axe.min.js', onload: loaded, onerror: failed }),
          ),
        );
        const { axe } = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } };
        const { violations, passes } = await axe.run(audited, rules);
        // Only what is compared: axe's whole result holds DOM nodes, which WebDriver cannot send back.
        return {
          violations: violations.map(({ id, nodes }) => ({ id, nodes: nodes.map(({ target }) => ({ target })) })),
          passes: passes.map(({ id }) => ({ id })),
        };
      },
      AUDITED,
      WCAG_AA,
    );
    expectAccessible(result);
  });
});
