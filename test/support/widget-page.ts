/**
 * A page for a widget test file whose page-wide state (the setup, what was logged) must start
 * fresh: the elements defined, the brand's API answering 404, console warnings caught.
 */
import { afterAll, beforeAll, type MockInstance, vi } from 'vitest';
import { defineElements } from '../../packages/widget/src/elements.js';

/** Acme's terms as a page's init gives them. */
export const acmeSetup = {
  program: 'spring-2026',
  endpoint: '/api',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
} as const;

/** Registers the file's hooks; the returned `warn` is the console spy once the file has started. */
export function quietWidgetPage(): { warn: MockInstance } {
  const page = {} as { warn: MockInstance };
  beforeAll(() => {
    page.warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    defineElements();
  });
  afterAll(() => {
    page.warn.mockRestore();
    vi.unstubAllGlobals();
  });
  return page;
}
