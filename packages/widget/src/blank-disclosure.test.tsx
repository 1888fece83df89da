// A file of its own: the log says each line once per page, and share-panel.test.tsx says this one first.
import { createReferkit } from '@referkit/sdk';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { SharePanel } from './share-panel.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a required disclosure whose text is blank', () => {
  it('is no disclosure: the message carries none, and one line says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: vi.fn() });
    for (const blank of ['', '   ']) {
      const terms = {
        brand: 'Acme',
        currency: 'USD',
        friendOffer: { kind: 'percent', percent: 15 },
        ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
        disclosure: { text: blank, required: true },
        base: 'https://shop.example/',
      } as const;
      render(<SharePanel client={client} code="ALEX-7HC2QK" terms={terms} text={en} locale="en" />);
      const field = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
      expect(field.value).toBe('I love Acme. Here is 15% off your first order with my link.');
      cleanup();
    }
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not disclose the reward in shared messages: the terms have no disclosure. Set disclosure: { text }.',
      ],
    ]);
    warn.mockRestore();
  });
});
