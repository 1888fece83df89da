import { describe, expect, it } from 'vitest';
import { inPage, shadowButton, untilInPage, webkitAndServer } from './webkit-harness.js';

const web = webkitAndServer();

/**
 * Lands on the test page and waits for the panel's progress and, with a referral, the named banner. The
 * panel's own tests land without one: the banner, fixed over the page, is no part of them.
 */
async function land(referral = '') {
  await web.driver.get(`${web.server.url}/widget.html${referral && `?ref=${referral}`}`);
  await untilInPage(
    web.driver,
    (named: boolean) => {
      const offer = document.querySelector('referkit-offer')?.shadowRoot?.textContent ?? '';
      const panel = document.querySelector('referkit-share')?.shadowRoot;
      return (!named || offer.includes('Alex gave you')) && !!panel?.querySelector('[role=progressbar]');
    },
    referral !== '',
  );
}

describe('both elements over the built referkit.js in WebKit', () => {
  it('styles both shadow roots with an adopted constructed sheet, not a style element', async () => {
    await land('ALEX-7HC2QK');
    const styling = await inPage(web.driver, () =>
      ['referkit-share', 'referkit-offer'].map((host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const box = root?.querySelector('section, aside');
        return {
          host,
          adopted: root?.adoptedStyleSheets.length,
          styleElements: root?.querySelectorAll('style').length,
          display: box && getComputedStyle(box).display,
          position: box && getComputedStyle(box).position,
        };
      }),
    );
    expect(styling).toEqual([
      { host: 'referkit-share', adopted: 1, styleElements: 0, display: 'grid', position: 'static' },
      { host: 'referkit-offer', adopted: 1, styleElements: 0, display: 'grid', position: 'fixed' },
    ]);
  });

  it('copies the link with a click, fires referkit:copy and says Copied', async () => {
    await land();
    await (await shadowButton(web.driver, 'referkit-share', 'Copy link')).click();
    const said = await untilInPage(web.driver, () => {
      const root = document.querySelector('referkit-share')?.shadowRoot;
      const lines = [...(root?.querySelectorAll('[role=status]') ?? [])].map((line) => line.textContent);
      return lines.includes('Copied') && lines;
    });
    expect(said).toEqual(['Copied', '']);
    const copies = await inPage(web.driver, () =>
      (
        window as unknown as { widgetEvents: { type: string; detail: unknown; composed: boolean }[] }
      ).widgetEvents.filter((event) => event.type === 'referkit:copy'),
    );
    expect(copies).toEqual([
      {
        type: 'referkit:copy',
        detail: { code: 'ALEX-7HC2QK', channel: 'copy', link: `${web.server.url}/shop?ref=ALEX-7HC2QK` },
        composed: true,
      },
    ]);
  });

  it('loads the QR chunk only when asked for it, and draws the code', async () => {
    await land();
    expect(web.server.requests).not.toContain('/referkit-qr.js');
    await (await shadowButton(web.driver, 'referkit-share', 'Show QR code')).click();
    const drawn = await untilInPage(web.driver, () => {
      const code = document.querySelector('referkit-share')?.shadowRoot?.querySelector('svg[role=img]');
      return code && { label: code.getAttribute('aria-label'), width: code.getBoundingClientRect().width };
    });
    expect(drawn.label).toBe('QR code of your link');
    expect(drawn.width).toBeGreaterThan(100);
    expect(web.server.requests).toContain('/referkit-qr.js');
  });
});
