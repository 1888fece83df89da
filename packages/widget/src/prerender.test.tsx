// A file of its own: the setup and the loader are page-wide state.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { installLoader } from './loader.js';

const page = quietWidgetPage();

describe('a landing page the browser prerenders', () => {
  it('captures and shows the banner only once the person views it', () => {
    const captured: unknown[] = [];
    document.addEventListener('referkit:capture', (event) => captured.push((event as CustomEvent).detail));
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK');
    document.body.innerHTML = '<referkit-offer></referkit-offer>';
    installLoader();
    window.Referkit?.('init', acmeSetup as never);
    const banner = () => document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
    // Prerendered: nothing captured, stored or shown; the person may never open it.
    expect([banner(), captured, localStorage.getItem('rk_ref')]).toEqual([null, [], null]);
    // The person opens it: the banner of the link they followed.
    Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(banner()).toBeTruthy();
    expect(captured).toMatchObject([{ code: 'ALEX-7HC2QK' }]);
    expect(page.warn).not.toHaveBeenCalled();
    history.replaceState(null, '', '/');
    localStorage.clear();
  });
});
