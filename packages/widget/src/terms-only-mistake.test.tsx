// A file of its own: whether the page has been told about a missing setup is page-wide state.
import { describe, expect, it, vi } from 'vitest';
import { quietWidgetPage } from '../../../test/support/widget-page.js';

const page = quietWidgetPage();

describe('a page set up by terms alone, one of them wrong', () => {
  it('logs the wrong setting, and not also that init was never called', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<referkit-offer terms='{"program":"spring-2026","endpoint":" "}'></referkit-offer>`;
    // Past the second after load the page is given to call init itself.
    await vi.advanceTimersByTimeAsync(2000);
    vi.useRealTimers();
    expect(page.warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      expect.stringMatching(/^\[referkit\] Could not use the setting endpoint: /),
    ]);
    expect(document.querySelector('referkit-offer')?.shadowRoot?.childNodes.length ?? 0).toBe(0);
    page.warn.mockClear();
  });
});
