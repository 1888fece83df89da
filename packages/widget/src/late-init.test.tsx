// A file of its own: the setup and whether the page was told it is missing are page-wide state.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { init } from './config.js';

const page = quietWidgetPage();

describe('an init that comes after the elements', () => {
  it('says nothing while the page is still loading, and renders once init comes', async () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The page's own script, on DOMContentLoaded.
    init({ ...acmeSetup });
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
    expect(document.querySelector('referkit-share')?.shadowRoot?.querySelector('h2')?.textContent).toBe(
      'Invite friends to Acme',
    );
    expect(page.warn).not.toHaveBeenCalled();
  });
});
