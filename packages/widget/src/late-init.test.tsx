// A file of its own: the setup and whether the page was told it is missing are page-wide state.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { init } from './config.js';
import { defineElements } from './elements.js';

let warn: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
  defineElements();
});

afterAll(() => {
  warn.mockRestore();
  vi.unstubAllGlobals();
});

describe('an init that comes after the elements', () => {
  it('says nothing while the page is still loading, and renders once init comes', async () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    document.body.innerHTML = '<referkit-share code="ALEX-7HC2QK"></referkit-share>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The page's own script, on DOMContentLoaded.
    init({
      program: 'spring-2026',
      endpoint: '/api',
      brand: 'Acme',
      currency: 'USD',
      friendOffer: { kind: 'percent', percent: 15 },
    });
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
    expect(document.querySelector('referkit-share')?.shadowRoot?.querySelector('h2')?.textContent).toBe(
      'Invite friends to Acme',
    );
    expect(warn).not.toHaveBeenCalled();
  });
});
