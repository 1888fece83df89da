import type { AmbassadorPublicStats } from '@referkit/events';
import { createReferkit } from '@referkit/sdk';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ar from './i18n/ar.js';
import { en } from './i18n/en.js';
import es from './i18n/es.js';
import { SharePanel, type SharePanelProps } from './share-panel.js';

const terms: SharePanelProps['terms'] = {
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  disclosure: { text: 'I get $10 credit if you order with my link.' },
  base: 'https://shop.example/',
  channels: ['whatsapp', 'email'],
};

const stats: AmbassadorPublicStats = {
  code: 'ALEX-7HC2QK',
  displayName: 'Alex',
  role: 'ambassador',
  promoted: false,
  friendsJoined: 4,
  rewards: [{ type: 'credit', currency: 'USD', earned: 4000, pending: 1000 }],
  target: { shares: 3, per: 'week', done: 2, reached: false },
};

/** A fake brand backend: stats when given, 404 otherwise, and every posted event recorded. */
function backend(answer?: AmbassadorPublicStats) {
  const events: { type: string; channel?: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/referrals/events')) {
      events.push(JSON.parse(String(init?.body)));
      return Response.json({ status: 'recorded' }, { status: 201 });
    }
    if (url.endsWith('/ambassadors/ALEX-7HC2QK/stats') && answer) return Response.json(answer);
    return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, events };
}

function renderPanel(overrides: Partial<SharePanelProps> = {}, answer?: AmbassadorPublicStats) {
  const server = backend(answer);
  const client = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: server.fetch });
  const emit = vi.fn();
  // The panel as this test renders it, with `more` laid over: a rerender is a second init's terms.
  const panel = (more: Partial<SharePanelProps> = {}) => (
    <SharePanel
      client={client}
      code="ALEX-7HC2QK"
      terms={terms}
      endpoint="/api"
      text={en}
      locale="en"
      emit={emit}
      {...overrides}
      {...more}
    />
  );
  const { rerender } = render(panel());
  return { ...server, emit, client, panel, rerender };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/**
 * What the panel says in answer to a tap on `control`: the status line right under the row that holds it
 * (on a phone, where the ambassador is looking), `undefined` when that row has none.
 */
const saidUnder = (control: HTMLElement) =>
  screen.getAllByRole('status').find((status) => status.previousElementSibling?.contains(control))?.textContent;

/** What the panel's status lines say, those that say something. */
const said = () =>
  screen
    .getAllByRole('status')
    .map((status) => status.textContent)
    .filter(Boolean);

describe('SharePanel', () => {
  it('states both sides of the offer in plain words', () => {
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Invite friends to Acme' })).toBeTruthy();
    expect(screen.getByText('Give 15% off, get $10 credit')).toBeTruthy();
  });

  it('shows the personal link in a labelled field', () => {
    renderPanel();
    expect((screen.getByRole('textbox', { name: 'Your link' }) as HTMLInputElement).value).toBe(
      'https://shop.example/?ref=ALEX-7HC2QK',
    );
  });

  it('shows no progress when the backend has no stats', async () => {
    const { fetch } = renderPanel();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole('heading', { name: 'Your progress' })).toBeNull();
  });

  it('shows friends joined, rewards and the weekly target from the stats', async () => {
    renderPanel({}, stats);
    await screen.findByRole('heading', { name: 'Your progress' });
    expect(screen.getByText('4 friends joined')).toBeTruthy();
    expect(screen.getByText('$40 earned · $10 pending')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '2 of 3 shares this week' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['2', '3']);
    // Its name already says "2 of 3 shares this week": a value text saying it again is read twice.
    expect(bar.getAttribute('aria-valuetext')).toBeNull();
  });

  it('shows each unit the ambassador earned in apart, saying which is credit and which is cash', async () => {
    const rewards: AmbassadorPublicStats['rewards'] = [
      { type: 'credit', currency: 'USD', earned: 1000, pending: 0 },
      { type: 'cash', currency: 'USD', earned: 1200, pending: 300 },
    ];
    renderPanel({}, { ...stats, rewards });
    expect(await screen.findByText('$10 credit earned · $0 credit pending')).toBeTruthy();
    expect(screen.getByText('$12 cash earned · $3 cash pending')).toBeTruthy();
  });

  it('shows the rewards of a backend that answers them as one object, as answers did before units were apart', async () => {
    const rewards = { type: 'credit', currency: 'USD', earned: 4000, pending: 1000 };
    renderPanel({}, { ...stats, rewards: rewards as unknown as AmbassadorPublicStats['rewards'] });
    expect(await screen.findByText('$40 earned · $10 pending')).toBeTruthy();
  });

  it('writes both counts of the target in the digits of the locale', async () => {
    renderPanel({ text: { ...en, ...ar }, locale: 'ar-EG' }, stats);
    expect(await screen.findByRole('progressbar', { name: 'مشاركات هذا الأسبوع: ٢ من ٣' })).toBeTruthy();
  });

  // Beside Arabic-Indic digits a middle dot is drawn like their zero: "٣ من ٣ · تحقّق الهدف" read "3 of 30".
  it('separates the progress items with the separator of the language, in Arabic its comma', async () => {
    const target = { shares: 3, per: 'week', done: 3, reached: true } as const;
    renderPanel(
      { text: { ...en, ...ar }, locale: 'ar-EG' },
      { ...stats, role: 'community_leader', promoted: true, target },
    );
    expect(await screen.findByText('مشاركات هذا الأسبوع: ٣ من ٣، تحقق الهدف')).toBeTruthy();
    expect(screen.getByText('قائد مجتمع، تمت ترقيتك إلى قائد مجتمع')).toBeTruthy();
    expect(screen.getByText(/^ربحت .+، بانتظار .+$/)).toBeTruthy();
  });

  it('shows the role from its attribute until stats arrive', () => {
    renderPanel({ role: 'community_leader' });
    expect(screen.getByText('Community leader')).toBeTruthy();
  });

  it('says when the contribution target is reached', async () => {
    renderPanel({}, { ...stats, target: { shares: 3, per: 'week', done: 3, reached: true } });
    expect(await screen.findByText('3 of 3 shares this week · Target reached')).toBeTruthy();
  });

  it('fills the bar of a target of no shares instead of dividing by zero', async () => {
    renderPanel({}, { ...stats, target: { shares: 0, per: 'week', done: 0, reached: true } });
    const bar = await screen.findByRole('progressbar');
    expect((bar.firstElementChild as HTMLElement).style.getPropertyValue('--p')).toBe('1');
  });

  it('shows a promotion to community leader', async () => {
    renderPanel({}, { ...stats, role: 'community_leader', promoted: true });
    expect(await screen.findByText('Community leader · Promoted to community leader')).toBeTruthy();
  });

  it('announces Copied once the link is on the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { emit } = renderPanel();
    const copy = screen.getByRole('button', { name: 'Copy link' });
    fireEvent.click(copy);
    await waitFor(() => expect(saidUnder(copy)).toBe('Copied'));
    expect(said()).toEqual(['Copied']);
    expect(writeText).toHaveBeenCalledWith('https://shop.example/?ref=ALEX-7HC2QK');
    expect(emit).toHaveBeenCalledWith('referkit:copy', {
      code: 'ALEX-7HC2QK',
      channel: 'copy',
      link: 'https://shop.example/?ref=ALEX-7HC2QK',
    });
  });

  it('leaves no status timer behind once the panel is gone', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => {} } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderPanel();
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      // "Copied" waits its moment of silence (`_say`) when the panel goes.
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
      cleanup();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts no status timer and asks for no stats once removed while its copy was on its way', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => {} } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { fetch, events } = renderPanel({}, stats);
      await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
      const setState = vi.spyOn(SharePanel.prototype, 'setState');
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      // Taken off the page in the click's own task, as a dialog closed by any click in it is: what the click
      // itself did (the panel clearing what it said) is done; nothing may happen after.
      cleanup();
      setState.mockClear();
      // The link did reach the clipboard: that share is reported, and nothing else happens.
      await vi.waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'copy' }]));
      await vi.advanceTimersByTimeAsync(50);
      expect(vi.getTimerCount()).toBe(0);
      expect(fetch.mock.calls.filter(([url]) => String(url).endsWith('/stats'))).toHaveLength(1);
      expect(setState).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for no stats once removed while a share report was on its way', async () => {
    const { fetch, events } = renderPanel({}, stats);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    let answer = (_response: Response) => {};
    fetch.mockImplementationOnce(async () => new Promise<Response>((resolve) => (answer = resolve)));
    const email = screen.getByRole('link', { name: 'Share via Email' });
    email.addEventListener('click', (event) => event.preventDefault());
    fireEvent.click(email);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    cleanup();
    answer(Response.json({ status: 'recorded' }, { status: 201 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(events).toEqual([]);
  });

  it('keeps saying Copied, past any reading time, until the next tap in the panel', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => {} } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderPanel();
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(said()).toEqual(['Copied']);
      // A share whose URL carries the message has nothing to say: what was said about the copy goes.
      const whatsapp = screen.getByRole('link', { name: 'Share via WhatsApp' });
      whatsapp.addEventListener('click', (event) => event.preventDefault());
      fireEvent.click(whatsapp);
      await vi.advanceTimersByTimeAsync(1000);
      expect(said()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces a second copy again, after a moment of silence, and keeps saying it', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => {} } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderPanel();
      const copy = screen.getByRole('button', { name: 'Copy link' });
      const status = screen.getAllByRole('status').find((line) => line.previousElementSibling?.contains(copy));
      if (!status) throw new Error('no status line under the link');
      const said: string[] = [];
      new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      fireEvent.click(copy);
      await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
      await vi.advanceTimersByTimeAsync(2000);
      fireEvent.click(copy);
      await vi.waitFor(() => expect(said.filter((text) => text === 'Copied')).toHaveLength(2));
      // Silence came between the two, so the second is a change a screen reader reads out.
      expect(said.slice(said.indexOf('Copied') + 1)).toContain('');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(status.textContent, JSON.stringify(said)).toBe('Copied');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves out progress it cannot show, with one line, and keeps the panel working', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lots = { type: 'credit', currency: 'USD', earned: 'lots' as unknown as number, pending: 0 } as const;
    renderPanel({}, { ...stats, rewards: [lots] });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^\[referkit\] Could not show the progress: "lots" is not an amount/,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    warn.mockRestore();
  });

  it('leaves out the progress of another code, with one line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderPanel({}, { ...stats, code: 'BOB-8JK3PQ', displayName: 'Bob', friendsJoined: 99 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[referkit] Could not read /api/ambassadors/ALEX-7HC2QK/stats: it is about BOB-8JK3PQ. Answer about ALEX-7HC2QK, with displayName as text.',
    );
    expect(screen.queryByRole('heading', { name: 'Your progress' })).toBeNull();
    warn.mockRestore();
  });

  it.each([
    ['friends joined', { friendsJoined: -1 }],
    ['shares done', { target: { ...stats.target, done: -2 } as AmbassadorPublicStats['target'] }],
    [
      'points',
      { rewards: [{ type: 'points', currency: 'USD', earned: -50, pending: 0 }] as AmbassadorPublicStats['rewards'] },
    ],
  ])('leaves out progress with a negative count of %s, with one line', async (_, wrong) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderPanel({}, { ...stats, ...wrong });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[referkit\] Could not show the progress: -\d+ is not an amount/);
    expect(screen.queryByText(/-\d/)).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    warn.mockRestore();
  });

  it('selects the link and says how to copy it when copying fails', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    document.execCommand = () => false;
    const { emit } = renderPanel();
    const copy = screen.getByRole('button', { name: 'Copy link' });
    fireEvent.click(copy);
    await waitFor(() => expect(saidUnder(copy)).toBe(en.copyFailed));
    const field = screen.getByRole('textbox', { name: 'Your link' }) as HTMLInputElement;
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(emit).not.toHaveBeenCalled();
  });

  it('tracks a channel share with its channel', async () => {
    const { events, emit } = renderPanel();
    const whatsapp = screen.getByRole('link', { name: 'Share via WhatsApp' });
    whatsapp.addEventListener('click', (event) => event.preventDefault());
    fireEvent.click(whatsapp);
    await waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'whatsapp' }]));
    expect(emit).toHaveBeenCalledWith('referkit:share', expect.objectContaining({ channel: 'whatsapp' }));
  });

  it('counts each channel once per page view, so repeated clicks do not meet a target', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { events, emit } = renderPanel();
    const whatsapp = screen.getByRole('link', { name: 'Share via WhatsApp' });
    whatsapp.addEventListener('click', (event) => event.preventDefault());
    for (let click = 0; click < 3; click++) {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      fireEvent.click(whatsapp);
    }
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(emit).toHaveBeenCalledTimes(6));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event) => event.channel).sort()).toEqual(['copy', 'whatsapp']);
  });

  it('counts a channel once per page view across panels of one client: a header and a footer, a panel mounted again', async () => {
    const { events, client, emit } = renderPanel();
    const again = () => (
      <SharePanel client={client} code="ALEX-7HC2QK" terms={terms} text={en} locale="en" emit={emit} />
    );
    render(again());
    cleanup();
    render(again());
    render(again());
    for (const whatsapp of screen.getAllByRole('link', { name: 'Share via WhatsApp' })) {
      whatsapp.addEventListener('click', (event) => event.preventDefault());
      fireEvent.click(whatsapp);
    }
    await waitFor(() => expect(emit).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event) => event.channel)).toEqual(['whatsapp']);
  });

  it('tracks a channel opened with a middle click, which opens it in a new tab with no click event', async () => {
    const { events, emit } = renderPanel();
    const whatsapp = screen.getByRole('link', { name: 'Share via WhatsApp' });
    whatsapp.addEventListener('auxclick', (event) => event.preventDefault());
    // A right click is no share: it opens a menu.
    fireEvent(whatsapp, new MouseEvent('auxclick', { bubbles: true, button: 2 }));
    fireEvent(whatsapp, new MouseEvent('auxclick', { bubbles: true, button: 1 }));
    await waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'whatsapp' }]));
    expect(emit).toHaveBeenCalledTimes(1);
  });

  it('moves the target once a share is recorded, without a reload, and says so in a live region', async () => {
    const { events } = renderPanel({}, stats);
    await screen.findByText('2 of 3 shares this week');
    // From now on the backend counts the shares it records.
    vi.mocked(fetch).mockImplementation(async (input, init) => {
      const url = String(input);
      if (url.endsWith('/referrals/events')) {
        events.push(JSON.parse(String(init?.body)));
        return Response.json({ status: 'recorded' }, { status: 201 });
      }
      return Response.json({ ...stats, target: { ...stats.target, done: 2 + events.length, reached: true } });
    });
    const whatsapp = screen.getByRole('link', { name: 'Share via WhatsApp' });
    whatsapp.addEventListener('click', (event) => event.preventDefault());
    // The live region was there, saying the count before the share, so the change is what a screen reader
    // reads out, whole.
    const goal = screen.getByText('2 of 3 shares this week');
    expect([goal.getAttribute('aria-live'), goal.getAttribute('aria-atomic')]).toEqual(['polite', 'true']);
    fireEvent.click(whatsapp);
    expect(await screen.findByText('3 of 3 shares this week · Target reached')).toBe(goal);
    expect(screen.getAllByRole('status')).not.toContain(goal);
  });

  it("drops another endpoint's stats at once and shows the new endpoint's, after a second init", async () => {
    const { rerender, panel } = renderPanel({}, stats);
    await screen.findByText('4 friends joined');
    // The new program's backend answers once the test lets it.
    let answer = (_response: Response) => {};
    vi.mocked(fetch).mockImplementation(
      (input) =>
        new Promise((resolve) => {
          expect(String(input)).toBe('/other/ambassadors/ALEX-7HC2QK/stats');
          answer = resolve;
        }),
    );
    rerender(panel({ endpoint: '/other' }));
    expect(screen.queryByText('4 friends joined')).toBeNull();
    answer(Response.json({ ...stats, friendsJoined: 9 }));
    expect(await screen.findByText('9 friends joined')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("never shows an earlier endpoint's stats that arrive after a second init's", async () => {
    const answers: ((response: Response) => void)[] = [];
    const { rerender, panel } = renderPanel();
    vi.mocked(fetch).mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    rerender(panel({ endpoint: '/first' }));
    rerender(panel({ endpoint: '/second' }));
    answers[1]?.(Response.json({ ...stats, friendsJoined: 9 }));
    await screen.findByText('9 friends joined');
    answers[0]?.(Response.json(stats));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('4 friends joined')).toBeNull();
    expect(screen.getByText('9 friends joined')).toBeTruthy();
  });

  it('reads the stats again when the ambassador comes back to the page, so a new week or new friends show', async () => {
    renderPanel({}, stats);
    await screen.findByText('4 friends joined');
    vi.mocked(fetch).mockImplementation(async () =>
      Response.json({ ...stats, friendsJoined: 5, target: { ...stats.target, done: 0 } }),
    );
    const hidden = vi.spyOn(document, 'hidden', 'get');
    // Hidden (another tab, the screen locked over the weekend): nothing asked. Browsers fire it at the
    // document, bubbling to the window.
    hidden.mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    expect(fetch).toHaveBeenCalledTimes(1);
    hidden.mockReturnValue(false);
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    expect(await screen.findByText('5 friends joined')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  // A failed first read gives back the room kept for the progress (widget-share-progress-room.test.ts); a
  // failed read on coming back keeps the progress the panel shows.
  it('keeps the progress it shows when reading the stats again fails', async () => {
    renderPanel({}, stats);
    await screen.findByText('4 friends joined');
    vi.mocked(fetch).mockImplementation(async () => new Response('', { status: 503 }));
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('4 friends joined')).toBeTruthy();
  });

  it('links each channel to its share intent with the channel in the link', () => {
    renderPanel();
    const href = screen.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href') ?? '';
    expect(decodeURIComponent(href)).toContain('https://shop.example/?ref=ALEX-7HC2QK&rk_ch=whatsapp');
    expect(href.startsWith('https://wa.me/?text=')).toBe(true);
  });

  it("fits a long message into X's post beside the link, the disclosure kept whole, and leaves other channels the whole of it", () => {
    renderPanel({ terms: { ...terms, channels: ['x', 'whatsapp'] } });
    const words = 'Acme roasts the best beans I have tried in years, and the subscription is easy to pause. '
      .repeat(4)
      .trim();
    fireEvent.input(screen.getByRole('textbox', { name: 'Your message' }), {
      target: { value: `${words}\n\nI get $10 credit if you order with my link.` },
    });
    const said = (name: string) => {
      const href = screen.getByRole('link', { name: `Share via ${name}` }).getAttribute('href') ?? '';
      return new URL(href).searchParams.get('text') ?? '';
    };
    const onX = said('X');
    expect(onX.length).toBeLessThanOrEqual(256);
    expect(onX.endsWith('…\n\nI get $10 credit if you order with my link.')).toBe(true);
    expect(said('WhatsApp').startsWith(`${words}\n\nI get $10 credit`)).toBe(true);
  });

  it('prefills the message with the disclosure line', () => {
    renderPanel();
    const message = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(message.value).toBe(
      'I love Acme. Here is 15% off your first order with my link.\n\nI get $10 credit if you order with my link.',
    );
  });

  it('words the offer with its first-order limit in the message, as the banner does, and without it for every order', () => {
    renderPanel();
    const message = () => (screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement).value;
    expect(message()).toContain('Here is 15% off your first order with my link.');
    cleanup();
    renderPanel({ terms: { ...terms, firstOrderOnly: false } });
    expect(message()).toContain('Here is 15% off with my link.');
  });

  it("fills {reward} in the disclosure and the template with this panel's reward, and keeps that line", () => {
    const influencer = {
      ...terms,
      ambassadorReward: { basis: 'percent', type: 'cash', percent: 10 },
      disclosure: { text: 'I get {reward} if you order with my link.' },
      shareMessage: '{brand} pays me {reward}.',
    } as const;
    renderPanel({ terms: influencer });
    const field = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Acme pays me 10% of each order.\n\nI get 10% of each order if you order with my link.');
    fireEvent.input(field, { target: { value: 'Best shop in town!' } });
    const note = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe(
      'This line is added to what you share: I get 10% of each order if you order with my link.',
    );
    const href = screen.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href') ?? '';
    expect(decodeURIComponent(href)).toContain(
      'Best shop in town!\n\nI get 10% of each order if you order with my link.',
    );
  });

  it('shares a placeholder the disclosure does not know as written, though Object has a property of its name', () => {
    const disclosure = { text: 'I get {reward} {constructor} {toString} {__proto__} {valueOf}.' };
    renderPanel({ terms: { ...terms, disclosure, shareMessage: '{brand}: {constructor}' } });
    const field = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Acme: {constructor}\n\nI get $10 credit {constructor} {toString} {__proto__} {valueOf}.');
  });

  it('names the email channel in lower case inside the Spanish sentence, and with a capital on its own', () => {
    renderPanel({ text: { ...en, ...es }, locale: 'es' });
    expect(screen.getByRole('link', { name: 'Compartir por correo' }).textContent).toBe('Correo');
  });

  it('says once that terms rewarding the ambassador have no disclosure, and says nothing of terms without a reward', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { disclosure: _, ...undisclosed } = terms;
    const { ambassadorReward: __, ...unrewarded } = undisclosed;
    renderPanel({ terms: unrewarded });
    expect(warn).not.toHaveBeenCalled();
    cleanup();
    renderPanel({ terms: undisclosed });
    fireEvent.input(screen.getByRole('textbox', { name: 'Your message' }), { target: { value: 'Best shop in town!' } });
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not disclose the reward in shared messages: the terms have no disclosure. Set disclosure: { text }.',
      ],
    ]);
    warn.mockRestore();
  });

  it('gives two panels on one page ids of their own, so each field and region keeps its own label', async () => {
    const { client } = renderPanel({}, stats);
    render(<SharePanel client={client} code="ALEX-7HC2QK" terms={terms} endpoint="/api" text={en} locale="en" />);
    await waitFor(() => expect(screen.getAllByRole('progressbar')).toHaveLength(2));
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(screen.getAllByRole('textbox', { name: 'Your link' })).toHaveLength(2);
    expect(screen.getAllByRole('textbox', { name: 'Your message' })).toHaveLength(2);
    expect(screen.getAllByRole('region', { name: 'Invite friends to Acme' })).toHaveLength(2);
    expect(screen.getAllByRole('progressbar', { name: '2 of 3 shares this week' })).toHaveLength(2);
  });

  it('follows new terms in the prefilled message until the ambassador edits it', () => {
    const { client } = renderPanel();
    const panel = (offer: number) => (
      <SharePanel
        client={client}
        code="ALEX-7HC2QK"
        terms={{ ...terms, friendOffer: { kind: 'percent', percent: offer } }}
        text={en}
        locale="en"
      />
    );
    cleanup();
    const { rerender } = render(panel(15));
    rerender(panel(25));
    const message = () => (screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement).value;
    expect(message()).toContain('Here is 25% off your first order with my link.');
    expect(screen.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href')).toContain('25%25%20off');
    fireEvent.input(screen.getByRole('textbox', { name: 'Your message' }), { target: { value: 'My own words' } });
    rerender(panel(30));
    expect(message()).toBe('My own words');
  });

  it('puts back a deleted disclosure in what is shared and says so', () => {
    renderPanel();
    fireEvent.input(screen.getByRole('textbox', { name: 'Your message' }), { target: { value: 'Best shop in town!' } });
    expect(
      screen.getByRole('textbox', {
        name: 'Your message',
        description: 'This line is added to what you share: I get $10 credit if you order with my link.',
      }),
    ).toBeTruthy();
    const href = screen.getByRole('link', { name: 'Share via Email' }).getAttribute('href') ?? '';
    expect(decodeURIComponent(href)).toContain('Best shop in town!\r\n\r\nI get $10 credit if you order with my link.');
  });

  it('says that a deleted disclosure is kept in a live region that was there before it', () => {
    renderPanel();
    const field = screen.getByRole('textbox', { name: 'Your message' });
    const note = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect([note?.getAttribute('aria-live'), note?.textContent]).toEqual(['polite', '']);
    fireEvent.input(field, { target: { value: 'Best shop in town!' } });
    expect(note?.textContent).toBe('This line is added to what you share: I get $10 credit if you order with my link.');
  });

  it('carries the disclosure on every channel that takes text, Reddit included', () => {
    renderPanel({ terms: { ...terms, channels: undefined } });
    const names = ['WhatsApp', 'X', 'Telegram', 'Reddit', 'Email', 'SMS'];
    for (const name of names) {
      const href = screen.getByRole('link', { name: `Share via ${name}` }).getAttribute('href') ?? '';
      expect(decodeURIComponent(href), name).toContain('I get $10 credit if you order with my link.');
    }
  });

  it('shows a name with markup as those characters', () => {
    renderPanel({ name: '<img src=x onerror=alert(1)>', terms: { ...terms, shareMessage: 'From {name}' } });
    const message = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    expect(message.value.startsWith('From <img src=x onerror=alert(1)>')).toBe(true);
    expect(document.querySelector('img')).toBeNull();
  });

  it('draws the QR code when asked and hides it again', async () => {
    const { events } = renderPanel();
    const toggle = screen.getByRole('button', { name: 'Show QR code' });
    fireEvent.click(toggle);
    // The QR encoder is a chunk loaded on demand: a loaded machine may take longer than the default second.
    expect(await screen.findByRole('img', { name: 'QR code of your link' }, { timeout: 5000 })).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'qr' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Hide QR code' }));
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows no QR code and reports no share once removed while the QR chunk was on its way', async () => {
    const { events, emit } = renderPanel();
    const setState = vi.spyOn(SharePanel.prototype, 'setState');
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    cleanup();
    // What the click itself did (the button busy, what was said cleared) is done; nothing may happen after.
    setState.mockClear();
    await import('./qr.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([events, emit.mock.calls, setState.mock.calls]).toEqual([[], [], []]);
  });

  it('shows the disclosure beside the QR code, which carries only the link to the friend who scans it', async () => {
    renderPanel({ terms: { ...terms, disclosure: { text: 'I get {reward} if you order with my link.' } } });
    const disclosure = () => screen.queryByText('I get $10 credit if you order with my link.');
    expect(disclosure()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    const code = await screen.findByRole('img', { name: 'QR code of your link' }, { timeout: 5000 });
    expect(code.parentElement?.nextElementSibling?.textContent).toBe('I get $10 credit if you order with my link.');
    fireEvent.click(screen.getByRole('button', { name: 'Hide QR code' }));
    expect(disclosure()).toBeNull();
  });

  it('draws the QR code of the link as it is now, when a second init changes the base', async () => {
    const { rerender, panel } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    const drawing = async () =>
      (await screen.findByRole('img', { name: 'QR code of your link' }, { timeout: 5000 })).innerHTML;
    const before = await drawing();
    rerender(panel({ terms: { ...terms, base: 'https://shop.example/b' } }));
    const { qrPath } = await import('./qr.js');
    const expected = qrPath('https://shop.example/b?ref=ALEX-7HC2QK&rk_ch=qr');
    expect(await drawing()).not.toBe(before);
    expect(screen.getByRole('img', { name: 'QR code of your link' }).querySelector('path')?.getAttribute('d')).toBe(
      expected.d,
    );
  });

  it('shows a channel named twice in the terms once', () => {
    renderPanel({ terms: { ...terms, channels: ['whatsapp', 'email', 'whatsapp'] } });
    expect(screen.getAllByRole('link', { name: 'Share via WhatsApp' })).toHaveLength(1);
  });

  it('says the QR code failed, and throws nothing, for a link too long for one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender, panel } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    await screen.findByRole('img', { name: 'QR code of your link' }, { timeout: 5000 });
    // A second init whose base has a long query: the QR code shown cannot follow it, and closes.
    rerender(panel({ terms: { ...terms, base: `https://shop.example/p?campaign=${'x'.repeat(3000)}` } }));
    const toggle = screen.getByRole('button', { name: 'Show QR code' });
    await waitFor(() => expect(saidUnder(toggle)).toBe('The QR code could not load.'));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show QR code' }).getAttribute('aria-expanded')).toBe('false');
    expect(warn.mock.calls).toEqual([
      ['[referkit] Could not show the QR code: the link is too long for a QR code. Shorten the base.'],
    ]);
    // Asked again, it stays closed and throws nothing (the same line is not logged twice on a page).
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show QR code' }).getAttribute('aria-expanded')).toBe('false');
    warn.mockRestore();
  });

  it('closes a shown QR code quietly when a second init leaves no link to draw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender, panel } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    await screen.findByRole('img', { name: 'QR code of your link' }, { timeout: 5000 });
    rerender(panel({ terms: { ...terms, base: 'ftp://shop.example/' } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No link, no panel; and nothing said about a QR code that was never the problem.
    expect(screen.queryByRole('img')).toBeNull();
    rerender(panel());
    expect(screen.getByRole('button', { name: 'Show QR code' }).getAttribute('aria-expanded')).toBe('false');
    // A status is said a tenth of a second after it is set (share-panel.tsx, `_say`).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(said()).toEqual([]);
    warn.mockRestore();
  });

  it('offers the native share sheet only where the browser has one', () => {
    renderPanel();
    expect(screen.queryByRole('button', { name: 'Share…' })).toBeNull();
  });
});

describe('SharePanel with the Web Share API', () => {
  it('shares the message and the native link through the share sheet and tracks it', async () => {
    const share = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, share });
    const { events } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'native' }]));
    expect(share).toHaveBeenCalledWith({
      text: 'I love Acme. Here is 15% off your first order with my link.\n\nI get $10 credit if you order with my link.',
      url: 'https://shop.example/?ref=ALEX-7HC2QK&rk_ch=native',
    });
  });

  it('offers no share sheet where the browser says it cannot share this text and link', () => {
    const canShare = vi.fn(() => false);
    vi.stubGlobal('navigator', { ...navigator, share: vi.fn(), canShare });
    renderPanel();
    expect(screen.queryByRole('button', { name: 'Share…' })).toBeNull();
    expect(canShare).toHaveBeenCalledWith({
      text: 'I love Acme. Here is 15% off your first order with my link.\n\nI get $10 credit if you order with my link.',
      url: 'https://shop.example/?ref=ALEX-7HC2QK&rk_ch=native',
    });
  });

  it.each(['NotAllowedError', 'DataError'])(
    'copies the message and link when the share sheet is refused with %s, and says so, fires and tracks it as a copy',
    async (name) => {
      const share = vi.fn(async () => Promise.reject(new DOMException('Refused', name)));
      const writeText = vi.fn(async () => {});
      vi.stubGlobal('navigator', { ...navigator, share, clipboard: { writeText } });
      const { events, emit } = renderPanel();
      const more = screen.getByRole('button', { name: 'Share…' });
      fireEvent.click(more);
      await waitFor(() => expect(saidUnder(more)).toBe('Copied: Your message · Your link'));
      // The link of the channel it is tracked as: a friend's landing is credited to the copy, not to a share sheet.
      const link = 'https://shop.example/?ref=ALEX-7HC2QK';
      expect(writeText).toHaveBeenCalledWith(
        `I love Acme. Here is 15% off your first order with my link.\n\nI get $10 credit if you order with my link. ${link}`,
      );
      expect(emit.mock.calls).toEqual([['referkit:copy', { code: 'ALEX-7HC2QK', channel: 'copy', link }]]);
      await waitFor(() => expect(events).toMatchObject([{ type: 'share', channel: 'copy' }]));
    },
  );

  it("says what a refused share sheet copied in the panel's language, with its fields' labels", async () => {
    const share = vi.fn(async () => Promise.reject(new DOMException('Refused', 'NotAllowedError')));
    vi.stubGlobal('navigator', { ...navigator, share, clipboard: { writeText: vi.fn(async () => {}) } });
    renderPanel({ text: { ...en, ...ar }, locale: 'ar' });
    const more = screen.getByRole('button', { name: 'مشاركة…' });
    fireEvent.click(more);
    await waitFor(() => expect(saidUnder(more)).toBe('تم النسخ: رسالتك، رابطك'));
  });

  it('says the message could not be copied, and tracks nothing, when the refused share sheet leaves no copy either', async () => {
    const share = vi.fn(async () => Promise.reject(new DOMException('Refused', 'NotAllowedError')));
    const writeText = vi.fn(async () => Promise.reject(new DOMException('Refused', 'NotAllowedError')));
    vi.stubGlobal('navigator', { ...navigator, share, clipboard: { writeText } });
    const { events, emit } = renderPanel();
    const more = screen.getByRole('button', { name: 'Share…' });
    fireEvent.click(more);
    await waitFor(() => expect(saidUnder(more)).toBe(en.messageNotCopied));
    expect(emit).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('copies, says and tracks nothing when a second tap meets the share sheet the first opened (InvalidStateError)', async () => {
    const share = vi.fn(async () =>
      Promise.reject(new DOMException('An earlier share has not yet completed.', 'InvalidStateError')),
    );
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, share, clipboard: { writeText } });
    const { events, emit } = renderPanel();
    const more = screen.getByRole('button', { name: 'Share…' });
    fireEvent.click(more);
    await waitFor(() => expect(share).toHaveBeenCalled());
    // A status is said a tenth of a second after it is set (share-panel.tsx, `_say`).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saidUnder(more)).toBe('');
    expect(writeText).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('adds the share sheet to a server-rendered panel once hydrated, each channel keeping its own link', async () => {
    const client = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: backend().fetch });
    const panel = <SharePanel client={client} code="ALEX-7HC2QK" terms={terms} text={en} locale="en" />;
    const page = document.body.appendChild(document.createElement('div'));
    // The server's HTML: a server has no share sheet to know of.
    page.innerHTML = renderToString(panel);
    vi.stubGlobal('navigator', { ...navigator, share: vi.fn() });
    hydrate(panel, page);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Share…' })).toBeTruthy());
    expect(screen.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\//,
    );
    expect(screen.getByRole('link', { name: 'Share via Email' }).getAttribute('href')).toMatch(/^mailto:/);
    expect(screen.getByRole('textbox', { name: 'Your message' })).toBeTruthy();
    page.remove();
  });

  it('tracks nothing when the share sheet is dismissed', async () => {
    const share = vi.fn(async () => Promise.reject(new DOMException('Share canceled', 'AbortError')));
    vi.stubGlobal('navigator', { ...navigator, share });
    const { events, emit } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(share).toHaveBeenCalled());
    expect(events).toEqual([]);
    expect(emit).not.toHaveBeenCalled();
  });
});
