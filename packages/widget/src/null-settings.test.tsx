// A file of its own: the setup is page-wide state, and the SDK client made here is the page's first.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { currentSetup, init } from './config.js';

const page = quietWidgetPage();

describe('an init whose param and attribution are null', () => {
  it('reads them as unset: the code is captured from ?ref= and shared under it', () => {
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK');
    expect(init({ ...acmeSetup, base: 'https://shop.example/', param: null, attribution: null } as never)).toBe(true);
    expect(currentSetup()?.client.referral()?.code).toBe('ALEX-7HC2QK');
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    const link = document.querySelector('referkit-share')?.shadowRoot?.querySelector('input')?.value;
    expect(link).toBe('https://shop.example/?ref=ALEX-7HC2QK');
    expect(page.warn).not.toHaveBeenCalled();
  });
});
