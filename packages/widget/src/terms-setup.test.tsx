// A file of its own: the setup is page-wide state, and here no init is ever called.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { currentSetup } from './config.js';

const page = quietWidgetPage();

describe('a page set up by an element’s terms alone', () => {
  it('sets the page up from the first terms with a program and an endpoint', async () => {
    const terms = { ...acmeSetup, brand: 'Bolt', base: 'https://shop.example/' };
    document.body.innerHTML = `<referkit-share code="ALEX-7HC2QK" terms='${JSON.stringify(terms)}'></referkit-share>`;
    // Elements wait a microtask for an init the page may call right after defining them.
    await Promise.resolve();
    const root = document.querySelector('referkit-share')?.shadowRoot;
    expect(root?.querySelector('h2')?.textContent).toBe('Invite friends to Bolt');
    expect(root?.querySelector('input')?.value).toBe('https://shop.example/?ref=ALEX-7HC2QK');
    expect(currentSetup()?.config.program).toBe('spring-2026');
    expect(page.warn).not.toHaveBeenCalled();
  });
});
