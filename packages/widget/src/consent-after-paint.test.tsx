// A file of its own: the setup and the loader are page-wide state.
import { describe, expect, it } from 'vitest';
import { acmeSetup, quietWidgetPage } from '../../../test/support/widget-page.js';
import { installLoader } from './loader.js';

const page = quietWidgetPage();

describe('a consent manager that answers after the banner has painted', () => {
  it('hides a banner an earlier page dismissed, once consent lets the widget read that', () => {
    // An earlier page, with consent, kept the dismissal of Alex's banner, for a referral whose window ends tomorrow.
    localStorage.setItem('rk_dismissed:ALEX-7HC2QK', new Date(Date.now() + 864e5).toISOString());
    history.replaceState(null, '', '/?ref=ALEX-7HC2QK');
    document.body.innerHTML = '<referkit-offer></referkit-offer>';
    installLoader();
    window.Referkit?.('init', { ...acmeSetup, consent: 'pending' } as never);
    const banner = () => document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside');
    // Pending: the device may not be read, so the banner cannot know it was dismissed.
    expect(banner()).toBeTruthy();
    window.Referkit?.('consent', 'granted');
    expect(banner()).toBeNull();
    expect(page.warn).not.toHaveBeenCalled();
    history.replaceState(null, '', '/');
    localStorage.clear();
  });
});
