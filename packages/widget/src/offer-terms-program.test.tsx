// A file of its own: the setup and the loader are page-wide state.
import { describe, expect, it, vi } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { installLoader } from './loader.js';

const page = quietWidgetPage();

describe("a banner whose terms name another program and endpoint than init's", () => {
  // With `cleanUrl`, init's capture takes the code out of the address before the banner renders: the
  // banner's program must still see the landing init read.
  it.each([
    // Another page and program each: the clients are the page's, and a second landing on one address is a
    // second view.
    ['', '/', acmeSetup],
    [
      ", after init's cleanUrl took the code out of the address",
      '/clean',
      { ...acmeSetup, program: 'autumn-2026', cleanUrl: true, consent: 'granted' },
    ],
  ])("reports the landing to that program's endpoint, once, where it looks the code up%s", async (_, path, setup) => {
    const landings: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const { type, program, code } = JSON.parse(String(init.body));
        landings.push(`${url} ${type} ${program} ${code}`);
        return Response.json({ status: 'recorded' }, { status: 201 });
      }
      const maya = { code: 'MAYA-7HC2QK', displayName: 'Maya', brand: 'Beta', currency: 'EUR' };
      return url === '/leaders/codes/MAYA-7HC2QK'
        ? Response.json({ ...maya, friendOffer: { kind: 'fixed', amount: 500 }, firstOrderOnly: true })
        : Response.json({ error: { code: 'unknown_code', message: 'No such code' } }, { status: 404 });
    });
    history.replaceState(null, '', `${path}?ref=MAYA-7HC2QK`);
    const terms = {
      program: 'leaders',
      endpoint: '/leaders',
      currency: 'EUR',
      friendOffer: { kind: 'fixed', amount: 500 },
    };
    installLoader();
    window.Referkit?.('init', setup as never);
    expect(location.search).toBe('cleanUrl' in setup ? '' : '?ref=MAYA-7HC2QK');
    // Added after init, as a page's later markup or an app's component is: init has the page's landing.
    document.body.innerHTML = `<referkit-offer terms='${JSON.stringify(terms)}'></referkit-offer>`;
    const banner = () => document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
    await vi.waitFor(() => expect(banner()?.textContent).toContain('Maya gave you €5 off'));
    // Rendered again (a second init): the same landing, not another.
    window.Referkit?.('init', setup as never);
    await vi.waitFor(() => expect(landings).toContain('/leaders/referrals/events landing leaders MAYA-7HC2QK'));
    // Init's program gets its own report of the landing too, which its receiver refuses for a code it does not know.
    expect(landings.sort()).toEqual([
      `/api/referrals/events landing ${setup.program} MAYA-7HC2QK`,
      '/leaders/referrals/events landing leaders MAYA-7HC2QK',
    ]);
    expect(page.warn).not.toHaveBeenCalled();
    history.replaceState(null, '', '/');
    document.body.innerHTML = '';
    localStorage.clear();
  });
});
