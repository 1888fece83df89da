// A file of its own: the setup and whether the page was told it is missing are page-wide state.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { init } from './config.js';

const page = quietWidgetPage();

describe('an init that comes after the page has loaded', () => {
  it('says init was not called by the time the page loaded, then renders once it comes', async () => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    // True when said, and still true of a page that calls init later (after a consent banner, say).
    expect(page.warn.mock.calls).toEqual([
      [
        "[referkit] Could not show <referkit-share>: Referkit('init', …) was not called by the time the page loaded. Call it with { program, endpoint }.",
      ],
    ]);
    init({ ...acmeSetup });
    expect(document.querySelector('referkit-share')?.shadowRoot?.querySelector('h2')?.textContent).toBe(
      'Invite friends to Acme',
    );
    expect(page.warn).toHaveBeenCalledTimes(1);
    page.warn.mockClear();
  });
});
