// A file of its own: the setup and whether the page was told it is missing are page-wide state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { init } from './config.js';

const page = quietWidgetPage();

afterEach(() => {
  vi.useRealTimers();
});

describe('an init that comes after the page has loaded', () => {
  it('says nothing while a tag manager may still init in the moments after load', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    await vi.advanceTimersByTimeAsync(900);
    expect(page.warn).not.toHaveBeenCalled();
    document.body.innerHTML = '';
  });

  it('says init was not called within a second of loading, then renders once it comes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    await vi.advanceTimersByTimeAsync(1100);
    // True when said, and still true of a page that calls init later (after a consent banner, say).
    expect(page.warn.mock.calls).toEqual([
      [
        "[referkit] Could not show <referkit-share>: Referkit('init', …) was not called within a second of the page loading. Call it with { program, endpoint }.",
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
