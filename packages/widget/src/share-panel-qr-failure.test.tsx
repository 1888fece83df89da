// A file of its own: the lazy module is replaced for every test in it.
import { createReferkit } from '@referkit/sdk';
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { SharePanel } from './share-panel.js';

vi.mock('./lazy.js', async (importActual) => ({
  ...(await importActual<typeof import('./lazy.js')>()),
  loadQr: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}));

it('tells the ambassador when the QR code cannot load, and the developer how to fix it', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const fetch = vi.fn(async () => Response.json({ status: 'recorded' }, { status: 201 }));
  render(
    <SharePanel
      client={createReferkit({ program: 'spring-2026', endpoint: '/api', fetch })}
      code="ALEX-7HC2QK"
      terms={{
        brand: 'Acme',
        currency: 'USD',
        friendOffer: { kind: 'percent', percent: 15 },
        base: 'https://shop.example/',
      }}
      text={en}
      locale="en"
    />,
  );
  const toggle = screen.getByRole('button', { name: 'Show QR code' });
  fireEvent.click(toggle);
  await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('The QR code could not load.'));
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toMatch(
    /^\[referkit\] Could not show the QR code: referkit-qr.js did not load/,
  );
  // Nothing was shown, so nothing was shared.
  expect(fetch).not.toHaveBeenCalled();
  warn.mockRestore();
});
