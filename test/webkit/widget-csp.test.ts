import { describe, expect, it } from 'vitest';
import { inPage, shadowButton, untilInPage, webkitAndServer } from './webkit-harness.js';

const web = webkitAndServer();

/** What the page's setup.js recorded of `securitypolicyviolation` events. Run in the page. */
const violations = () => (window as unknown as { violations: string[] }).violations;

describe('both elements in WebKit under a strict CSP with Trusted Types', () => {
  it('enforces the policy, so a violation is recorded when one happens', async () => {
    await web.driver.get(`${web.server.url}/csp.html`);
    const enforced = await inPage(web.driver, () => {
      // A string where Trusted Types want a TrustedHTML: refused, not only reported.
      let trustedTypes = 'not enforced';
      try {
        document.createElement('div').innerHTML = 'text';
      } catch (error) {
        trustedTypes = (error as Error).name;
      }
      document.body.setAttribute('style', 'color: red');
      return trustedTypes;
    });
    expect(enforced).toBe('TypeError');
    // Both refusals are reported: the string given to innerHTML, and the style attribute.
    const reported = await untilInPage(web.driver, () => {
      const seen = (window as unknown as { violations: string[] }).violations;
      return seen.length > 1 && seen;
    });
    // WebKit names the directive the attribute falls under, style-src-attr; Chromium names style-src.
    expect(reported.sort()).toEqual([
      expect.stringMatching(/^require-trusted-types-for /),
      expect.stringMatching(/^style-src(-attr)? /),
    ]);
  });

  it('shows the banner, styled, with zero violations', async () => {
    await web.driver.get(`${web.server.url}/csp.html?ref=ALEX-7HC2QK`);
    // locale="es" on the panel only: the banner speaks English.
    await untilInPage(web.driver, () =>
      document.querySelector('referkit-offer')?.shadowRoot?.textContent?.includes('Alex gave you'),
    );
    expect(
      await inPage(web.driver, () => {
        const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
        return aside && getComputedStyle(aside).position;
      }),
    ).toBe('fixed');
    expect(await inPage(web.driver, violations)).toEqual([]);
  });

  it('loads the catalogue and draws a QR code with zero violations', async () => {
    await web.driver.get(`${web.server.url}/csp.html`);
    // locale="es": the catalogue chunk is imported from beside the script.
    await untilInPage(web.driver, () =>
      document.querySelector('referkit-share')?.shadowRoot?.textContent?.includes('Invita a tus amigos a Acme'),
    );
    await (await shadowButton(web.driver, 'referkit-share', 'Mostrar código QR')).click();
    const label = await untilInPage(web.driver, () =>
      document.querySelector('referkit-share')?.shadowRoot?.querySelector('svg[role=img]')?.getAttribute('aria-label'),
    );
    expect(label).toBe('Código QR de tu enlace');
    expect(web.server.requests).toEqual(expect.arrayContaining(['/referkit-es.js', '/referkit-qr.js']));
    expect(await inPage(web.driver, violations)).toEqual([]);
  });
});
