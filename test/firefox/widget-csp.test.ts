/**
 * Both elements of the built referkit.js under the strictest policy the widget promises, in Firefox: no
 * violation, and nothing logged. Firefox logged "Cookie “rk_ref” has been rejected for invalid domain."
 * as an error for each parent domain the SDK expired a copy of the referral's cookie for (on 127.0.0.1:
 * `0.0.1`, `0.1`, `1`), at every landing and at every page view under denial; Chromium logs nothing.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { STRICT_CSP } from '../e2e/widget-server.js';
import { firefoxAndServer, until } from './firefox.js';

const web = firefoxAndServer();

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Resolves once both elements have drawn what the page's setup and the fake API give them. */
const rendered = (page: Page, banner: boolean) =>
  until(
    page,
    (banner) => {
      const share = document.querySelector('referkit-share')?.shadowRoot;
      const offer = document.querySelector('referkit-offer')?.shadowRoot;
      // locale="es": drawn once the catalogue chunk, imported from beside the script, has loaded.
      const panel = share?.querySelector('h2')?.textContent?.includes('Invita a tus amigos a');
      return !!panel && !!share?.querySelector('[role=progressbar]') && ((offer?.textContent ?? '') !== '') === banner;
    },
    banner,
  );

/** What the page holds of the referral's cookie. */
const referralCookie = (page: Page) => page.evaluate(() => document.cookie.includes('rk_ref='));

describe('both elements under a strict CSP with Trusted Types, in Firefox', () => {
  it('serves the page with the strict policy', async () => {
    const response = await fetch(`${web.server.url}/csp.html`);
    expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
  });

  it('renders both elements at a landing on 127.0.0.1 with no violation and nothing logged', async () => {
    const page = await web.open('/csp.html?ref=ALEX-7HC2QK');
    await rendered(page, true);
    expect(await page.evaluate(() => document.querySelector('referkit-offer')?.shadowRoot?.textContent)).toContain(
      'Alex gave you 15% off your first order',
    );
    expect(await referralCookie(page)).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('logs nothing at a page view under denial while the referral’s cookie is held, and expires it', async () => {
    const landing = await web.open('/csp.html?ref=ALEX-7HC2QK');
    await rendered(landing, true);
    expect(await referralCookie(landing)).toBe(true);
    const denied = await web.openBeside(landing, '/csp.html?consent=denied');
    await rendered(denied, false);
    expect(await referralCookie(denied)).toBe(false);
    expect(await violations(denied)).toEqual([]);
  });
});
