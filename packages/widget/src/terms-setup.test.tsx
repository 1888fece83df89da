// A file of its own: the setup is page-wide state, and here no init is ever called.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentSetup } from './config.js';
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

describe('a page set up by an element’s terms alone', () => {
  it('sets the page up from the first terms with a program and an endpoint', async () => {
    const terms = {
      program: 'spring-2026',
      endpoint: '/api',
      brand: 'Bolt',
      currency: 'EUR',
      friendOffer: { kind: 'percent', percent: 10 },
      base: 'https://shop.example/',
    };
    document.body.innerHTML = `<referkit-share code="ALEX-7HC2QK" terms='${JSON.stringify(terms)}'></referkit-share>`;
    // Elements wait a microtask for an init the page may call right after defining them.
    await Promise.resolve();
    const root = document.querySelector('referkit-share')?.shadowRoot;
    expect(root?.querySelector('h2')?.textContent).toBe('Invite friends to Bolt');
    expect(root?.querySelector('input')?.value).toBe('https://shop.example/?ref=ALEX-7HC2QK');
    expect(currentSetup()?.config.program).toBe('spring-2026');
    expect(warn).not.toHaveBeenCalled();
  });
});
