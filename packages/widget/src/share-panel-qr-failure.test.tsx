// A file of its own: the lazy module is replaced for every test in it, the QR chunk loading as each test says.
import { createReferkit } from '@referkit/sdk';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { SharePanel } from './share-panel.js';

const chunk = vi.hoisted(() => ({ load: (): Promise<typeof import('./qr.js')> => import('./qr.js') }));

vi.mock('./lazy.js', async (importActual) => ({
  ...(await importActual<typeof import('./lazy.js')>()),
  loadQr: () => chunk.load(),
}));

/** What a browser's `import()` rejects with when the chunk's file cannot be fetched. */
const unreachable = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

/** The panel over a backend that records shares; its QR chunk loads as `load` does. */
function renderPanel(load: () => Promise<typeof import('./qr.js')>) {
  chunk.load = load;
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
  return fetch;
}

/** What the panel's status lines say, each as [the text of the row it is under, what it says], those saying something. */
const said = () =>
  screen
    .getAllByRole('status')
    .filter((status) => status.textContent)
    .map((status) => [status.previousElementSibling?.textContent, status.textContent]);

/** The text of the row of share buttons, the QR code's last. */
const shareRow = () => screen.getByRole('button', { name: /QR code/ }).closest('ul')?.textContent;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('tells the ambassador under the QR button when the QR code cannot load, and the developer how to fix it', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const fetch = renderPanel(unreachable);
  const toggle = screen.getByRole('button', { name: 'Show QR code' });
  fireEvent.click(toggle);
  await vi.waitFor(() => expect(said()).toEqual([[shareRow(), 'The QR code could not load.']]));
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toMatch(
    /^\[referkit\] Could not show the QR code: referkit-qr.js did not load/,
  );
  // Nothing was shown, so nothing was shared.
  expect(fetch).not.toHaveBeenCalled();
  warn.mockRestore();
});

it('keeps saying that the QR code could not load, past any reading time, until the next tap in the panel', async () => {
  // The line for the developer is logged once a page, by whichever test of this file runs first.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  renderPanel(unreachable);
  fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
  await vi.advanceTimersByTimeAsync(60_000);
  expect(said()).toEqual([[shareRow(), 'The QR code could not load.']]);
  fireEvent.click(screen.getByRole('textbox', { name: 'Your message' }));
  await vi.advanceTimersByTimeAsync(1000);
  expect(said()).toEqual([]);
  warn.mockRestore();
});

it('marks the QR button busy while its chunk loads, and lets a second tap wait for the same load', async () => {
  let loaded = (_: typeof import('./qr.js')) => {};
  const load = vi.fn(() => new Promise<typeof import('./qr.js')>((resolve) => (loaded = resolve)));
  const fetch = renderPanel(load);
  const toggle = screen.getByRole('button', { name: 'Show QR code' });
  fireEvent.click(toggle);
  expect([toggle.getAttribute('aria-busy'), toggle.getAttribute('aria-expanded')]).toEqual(['true', 'false']);
  fireEvent.click(toggle);
  expect(load).toHaveBeenCalledTimes(1);
  loaded(await import('./qr.js'));
  await screen.findByRole('img', { name: 'QR code of your link' });
  expect(screen.getByRole('button', { name: 'Hide QR code' }).getAttribute('aria-busy')).not.toBe('true');
  // Shown once, so shared once.
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
});

it('shows the QR code on a tap after a failed load, and no longer says it failed', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  renderPanel(unreachable);
  fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
  await vi.waitFor(() => expect(said()).toEqual([[shareRow(), 'The QR code could not load.']]));
  chunk.load = () => import('./qr.js');
  fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
  await screen.findByRole('img', { name: 'QR code of your link' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(said()).toEqual([]);
  warn.mockRestore();
});
