// A file of its own: whether the page has been told about a missing setup is page-wide state.
import { describe, expect, it } from 'vitest';
import { quietWidgetPage } from '../../../test/support/widget-page.js';
import { init, type WidgetConfig } from './config.js';

const page = quietWidgetPage();

describe('one setup mistake, one line', () => {
  it('logs a failed init once, and the elements waiting for a setup add nothing', async () => {
    expect(init({ program: 'spring-2026' } as WidgetConfig)).toBe(false);
    document.body.innerHTML =
      '<referkit-share code="ALEX-7HC2QK"></referkit-share><referkit-offer></referkit-offer><referkit-offer></referkit-offer>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.warn.mock.calls).toEqual([
      [
        "[referkit] Could not start: init needs a program and an endpoint. Call Referkit('init', { program, endpoint }).",
      ],
    ]);
    expect(document.querySelector('referkit-share')?.shadowRoot?.childNodes.length ?? 0).toBe(0);
    page.warn.mockClear();
  });
});
