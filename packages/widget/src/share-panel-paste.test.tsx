import { createReferkit } from '@referkit/sdk';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { SharePanel, type SharePanelProps } from './share-panel.js';

const terms: SharePanelProps['terms'] = {
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  disclosure: { text: 'I get $10 credit if you order with my link.' },
  base: 'https://shop.example/',
};

/** The panel over a backend that records shares, with a clipboard whose writeText is `writeText`. */
function renderPanel(writeText: (text: string) => Promise<void>) {
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  const fetch = vi.fn(async () => Response.json({ status: 'recorded' }, { status: 201 }));
  const client = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch });
  const emit = vi.fn();
  render(<SharePanel client={client} code="ALEX-7HC2QK" terms={terms} text={en} locale="en" emit={emit} />);
  return emit;
}

/** Clicks a channel's link as the ambassador would; the test page itself goes nowhere. */
function open(name: string) {
  const link = screen.getByRole('link', { name: `Share via ${name}` });
  const opened: { prevented?: boolean } = {};
  // Added after the panel's own listener, so it sees whether the panel stopped the link.
  link.addEventListener('click', (event) => {
    opened.prevented = event.defaultPrevented;
    event.preventDefault();
  });
  fireEvent.click(link);
  return opened;
}

/**
 * What the panel says in answer to a tap on `control`: the status line right under the row that holds it
 * (on a phone, where the ambassador is looking), `undefined` when that row has none.
 */
const saidUnder = (control: HTMLElement) =>
  screen.getAllByRole('status').find((status) => status.previousElementSibling?.contains(control))?.textContent;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('SharePanel on channels whose share URL takes only the link', () => {
  it.each(['Facebook', 'LinkedIn'])(
    'puts the message with its disclosure on the clipboard in the click on %s, and says to paste it',
    async (name) => {
      const writeText = vi.fn(async (_: string) => {});
      renderPanel(writeText);
      const message = screen.getByRole('textbox', { name: 'Your message' });
      // The ambassador's own words, the disclosure line deleted: it is put back in what is copied.
      fireEvent.input(message, { target: { value: 'Try Acme!' } });
      const opened = open(name);
      // In the click itself, before the share's window takes the focus the Clipboard API needs.
      expect(writeText.mock.calls).toEqual([['Try Acme!\n\nI get $10 credit if you order with my link.']]);
      expect(opened.prevented).toBe(false);
      await waitFor(() =>
        expect(saidUnder(screen.getByRole('link', { name: `Share via ${name}` }))).toBe(en.messageCopied),
      );
    },
  );

  it.each(['WhatsApp', 'X', 'Telegram', 'Reddit', 'Email', 'SMS'])(
    'leaves the clipboard alone on %s, whose share URL carries the message',
    async (name) => {
      const writeText = vi.fn(async (_: string) => {});
      const emit = renderPanel(writeText);
      open(name);
      await waitFor(() => expect(emit).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writeText).not.toHaveBeenCalled();
      expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['', '']);
    },
  );

  it('says the message could not be copied, and still opens the share and tracks it', async () => {
    const execCommand = document.execCommand;
    document.execCommand = () => false;
    try {
      const emit = renderPanel(async () => Promise.reject(new DOMException('Document is not focused.')));
      const opened = open('Facebook');
      expect(opened.prevented).toBe(false);
      await waitFor(() =>
        expect(saidUnder(screen.getByRole('link', { name: 'Share via Facebook' }))).toBe(en.messageNotCopied),
      );
      expect(emit).toHaveBeenCalledWith('referkit:share', expect.objectContaining({ channel: 'facebook' }));
    } finally {
      document.execCommand = execCommand;
    }
  });
});
