// @vitest-environment-options { "url": "https://shop.example/account" }
// A file of its own: a page at an https address, and the setup and what was logged are page-wide state.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { init } from './config.js';

const page = quietWidgetPage();

describe('an http endpoint on an https page (mixed content, which the browser blocks)', () => {
  it('is refused by init with one line naming it, and the elements show nothing', async () => {
    expect(location.origin).toBe('https://shop.example');
    expect(init({ ...acmeSetup, endpoint: 'http://api.shop.example/api' })).toBe(false);
    expect(init({ ...acmeSetup, endpoint: 'http://api.shop.example/api' })).toBe(false);
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share><referkit-offer></referkit-offer>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.warn.mock.calls).toEqual([
      [
        '[referkit] Could not use the setting endpoint: "http://api.shop.example/api" is not https, as an https page needs (mixed content). Fix it in init.',
      ],
    ]);
    expect(document.querySelector('referkit-share')?.shadowRoot?.childNodes.length ?? 0).toBe(0);
    page.warn.mockClear();
  });

  it("refuses one in an element's terms, which then shows nothing", async () => {
    document.body.innerHTML = `<referkit-share code="ALEX-7HC2QK" terms='{"program":"spring-2026","endpoint":"http://api.shop.example/v2"}'></referkit-share>`;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.warn.mock.calls).toEqual([
      [
        '[referkit] Could not use the setting endpoint: "http://api.shop.example/v2" is not https, as an https page needs (mixed content). Fix it in the terms attribute.',
      ],
    ]);
    expect(document.querySelector('referkit-share')?.shadowRoot?.childNodes.length ?? 0).toBe(0);
    page.warn.mockClear();
  });

  it.each(['http://localhost:8787/api', 'http://127.0.0.1:8787/api', 'http://[::1]:8787/api', '/api'])(
    'takes %s, which the browser does not block, without a line',
    (endpoint) => {
      expect(init({ ...acmeSetup, endpoint })).toBe(true);
      expect(page.warn).not.toHaveBeenCalled();
    },
  );
});
