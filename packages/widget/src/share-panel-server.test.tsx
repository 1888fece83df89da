// @vitest-environment node
// The exported component rendered on a server (Astro, Fresh, preact-render-to-string), where there is no
// DOM and, on Node 20, no `navigator`: a file of its own, for its environment.
import { createReferkit } from '@referkit/sdk';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { SharePanel, type SharePanelProps } from './share-panel.js';

const terms: SharePanelProps['terms'] = {
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  disclosure: { text: 'I get {reward} if you order with my link.' },
  base: 'https://shop.example/',
  channels: ['whatsapp', 'email'],
};

/** One page request: the panel rendered to HTML, as a server answers it. */
function serverRender(panelTerms = terms) {
  const client = createReferkit({ program: 'spring-2026', endpoint: 'https://shop.example/api', fetch: vi.fn() });
  return renderToString(
    h(SharePanel, {
      client,
      code: 'ALEX-7HC2QK',
      terms: panelTerms,
      endpoint: 'https://shop.example/api',
      text: en,
      locale: 'en',
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SharePanel rendered on a server', () => {
  it('renders the link and the offer where there is no navigator, leaving the share sheet to the browser', () => {
    // Node 20, inside the packages' engines, has no navigator; Node 21 and later have one without `share`.
    vi.stubGlobal('navigator', undefined);
    const html = serverRender();
    expect(html).toContain('value="https://shop.example/?ref=ALEX-7HC2QK"');
    expect(html).toContain('Give 15% off, get $10 credit');
    expect(html).not.toContain(en.more);
  });

  it('renders nothing without a base, with one line asking for it: a server has no page origin for the link', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { base: _, ...withoutBase } = terms;
    expect(serverRender(withoutBase)).toBe('');
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not build the share link: Expected a valid base. Set base to an http or https URL.'],
    ]);
    warn.mockRestore();
  });

  it('renders the same ids on every request, which the browser renders again when it hydrates the page', () => {
    const first = serverRender();
    const ids = (html: string) => [...html.matchAll(/ (?:id|for|aria-labelledby|aria-describedby)="([^"]*)"/g)];
    expect(ids(first).length).toBeGreaterThan(0);
    expect(serverRender()).toBe(first);
  });
});
