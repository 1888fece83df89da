/** Consent and the referral's cookie: what a page held wins when consent comes, denial clears the cookie, and its flags fit the page. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStorage } from './storage.js';
import { installPage } from './testing/fake-page.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('storage under consent, and the referral cookie', () => {
  it('keeps, when consent is granted, what the page held over what an earlier page stored', () => {
    installPage('https://shop.example/');
    localStorage.setItem('rk_x', 'old');
    const store = createStorage('pending');
    store.set('x', 'held');
    store.consent('granted');
    expect(store.get('x')).toBe('held');
    expect(localStorage.getItem('rk_x')).toBe('held');
  });
  it('denial clears a referral cookie that localStorage does not hold', () => {
    const page = installPage('https://shop.example/');
    page.cookies.cookie = 'rk_ref=%7B%7D;path=/';
    createStorage('granted').consent('denied');
    expect(page.cookies.jar.has('rk_ref')).toBe(false);
  });
  it('reads the referral cookie by name, not the last cookie of the page', () => {
    const page = installPage('https://shop.example/');
    const ref = JSON.stringify({
      code: 'ALEX-7HC2QK',
      landedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    page.cookies.cookie = `rk_ref=${encodeURIComponent(ref)};path=/`;
    page.cookies.cookie = 'other=1;path=/';
    expect(createStorage('granted').get('ref')).toBe(ref);
  });
  it('sets no Secure flag on http and names the domain on a domain cookie', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T10:00:00.000Z') });
    const page = installPage('http://www.shop.example/');
    const ref = JSON.stringify({
      code: 'ALEX-7HC2QK',
      landedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2026-11-23T10:00:00.000Z',
    });
    createStorage('granted', { domain: 'shop.example' }).set('ref', ref);
    const last = page.cookies.writes.at(-1)!;
    expect(last).not.toMatch(/secure/i);
    expect(last).toMatch(/;domain=shop\.example$/);
    expect(last).toMatch(/max-age=86400/);
  });
  // Firefox logs an error for each domain it refuses to set a cookie for (`example`, an IP address's `0.1`):
  // expiring a copy for every parent domain of the host logged three at each landing on 127.0.0.1.
  it('expires copies only while the page holds one, host-only first', () => {
    const page = installPage('http://127.0.0.1/');
    const ref = JSON.stringify({ code: 'ALEX-7HC2QK', expiresAt: '2099-01-01T00:00:00.000Z' });
    const store = createStorage('granted');
    store.set('ref', ref);
    expect(page.cookies.writes).toEqual([expect.stringMatching(/^rk_ref=[^;]+;path=\/;max-age=[1-9]/)]);
    store.set('ref', ref);
    expect(page.cookies.writes.slice(1)).toEqual([
      expect.stringMatching(/^rk_ref=;path=\/;max-age=0;samesite=lax$/),
      expect.stringMatching(/^rk_ref=[^;]+;path=\/;max-age=[1-9]/),
    ]);
    page.cookies.writes.length = 0;
    store.consent('denied');
    store.consent('denied');
    expect(page.cookies.writes).toEqual([expect.stringMatching(/^rk_ref=;path=\/;max-age=0;samesite=lax$/)]);
  });
});
