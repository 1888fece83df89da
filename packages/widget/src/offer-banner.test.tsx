import { createReferkit } from '@referkit/sdk';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en.js';
import { OfferBanner } from './offer-banner.js';

const terms = { currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } } as const;
const landing = 'https://shop.example/p?ref=ALEX-7HC2QK';

/** A fake brand backend answering the public code lookup with `displayName`, or 404. */
function backend(displayName?: string) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/codes/ALEX-7HC2QK') && displayName) {
      return Response.json({ code: 'ALEX-7HC2QK', displayName, brand: 'Acme', ...terms, firstOrderOnly: true });
    }
    if (url.endsWith('/referrals/events')) return Response.json({ status: 'recorded' }, { status: 201 });
    return Response.json({ error: { code: 'unknown_code', message: 'Unknown code' } }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/**
 * Matches the paragraph that reads `text`: its values are in elements of their own (`<bdi>`), which
 * Testing Library's text match, reading only an element's own text nodes, would not see.
 */
const sentence = (text: string) => (_: string, element: Element | null) =>
  element?.localName === 'p' && element.textContent === text;

function client(consent: 'pending' | 'granted' = 'granted', displayName?: string) {
  const fetch = backend(displayName);
  const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api', consent, fetch });
  referkit.capture(landing);
  return referkit;
}

beforeEach(() => {
  localStorage.clear();
  for (const cookie of document.cookie.split('; ')) {
    // biome-ignore lint/suspicious/noDocumentCookie: the SDK mirrors the referral to a cookie; each test starts without it.
    document.cookie = `${cookie.split('=')[0]}=; max-age=0; path=/`;
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('OfferBanner', () => {
  it('says "A friend" until the code lookup names the ambassador', async () => {
    render(<OfferBanner client={client('granted', 'Alex')} terms={terms} endpoint="/api" text={en} locale="en" />);
    expect(screen.getByText(sentence('A friend gave you 15% off your first order'))).toBeTruthy();
    expect(await screen.findByText(sentence('Alex gave you 15% off your first order'))).toBeTruthy();
  });

  it('keeps saying "A friend" when the backend has no code lookup to answer with', async () => {
    const referkit = client('granted');
    const fetch = vi.fn(async () => new Response('Not Found', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    render(<OfferBanner client={referkit} terms={terms} endpoint="/api" text={en} locale="en" />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/codes/ALEX-7HC2QK', expect.anything()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByText(sentence('A friend gave you 15% off your first order'))).toBeTruthy();
  });

  it('shows nothing once the backend says the code is not one of its own', async () => {
    const referkit = client('granted');
    render(<OfferBanner client={referkit} terms={terms} endpoint="/api" text={en} locale="en" />);
    expect(screen.getByText(sentence('A friend gave you 15% off your first order'))).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole('complementary')).toBeNull());
  });

  /** Renders the banner over a lookup that answers `lookup` for the code. */
  async function bannerAfterLookup(lookup: object) {
    const fetch = vi.fn(async () => Response.json({ code: 'ALEX-7HC2QK', currency: 'USD', ...lookup }));
    vi.stubGlobal('fetch', fetch);
    const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch });
    referkit.capture(landing);
    render(<OfferBanner client={referkit} terms={terms} endpoint="/api" text={en} locale="en" />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/codes/ALEX-7HC2QK', expect.anything()));
  }

  it("takes the offer from the code's lookup over init's", async () => {
    await bannerAfterLookup({ displayName: 'Ines', friendOffer: { kind: 'percent', percent: 20 } });
    expect(await screen.findByText(sentence('Ines gave you 20% off your first order'))).toBeTruthy();
  });

  // The room is laid out under the sentence (styles.ts): laid with the lookup's longer terms, it grew a line
  // of its own after the first paint, where the named sentence fitted the room painted first.
  it("keeps the room for the name laid with the offer painted first, when the lookup's terms say more", async () => {
    await bannerAfterLookup({ displayName: 'Alex', ...terms, firstOrderOnly: true, minimumOrder: 2000 });
    await screen.findByText(sentence('Alex gave you 15% off your first order ($20 minimum)'));
    expect(screen.getByRole('complementary').dataset.r).toBe('Xxxxxxxxx Xxxxxxxxx gave you 15% off your first order');
  });

  it('keeps init’s offer and says "A friend" when the lookup’s offer and name cannot be shown', async () => {
    await bannerAfterLookup({ displayName: '   ', friendOffer: { kind: 'percent', percent: 'abc' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('complementary').textContent).toContain('A friend gave you 15% off your first order');
  });

  it('says "A friend", with one line, when the lookup is about another code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await bannerAfterLookup({ code: 'BOB-8JK3PQ', displayName: 'Bob' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(screen.getByRole('complementary').textContent).toContain('A friend gave you 15% off your first order');
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not read /api/codes/ALEX-7HC2QK: it is about BOB-8JK3PQ. Answer about ALEX-7HC2QK, with displayName as text.',
      ],
    ]);
    warn.mockRestore();
  });

  it('says "A friend", with one line, and throws nothing for a display name that is not text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await bannerAfterLookup({ displayName: 42 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(screen.getByRole('complementary').textContent).toContain('A friend gave you 15% off your first order');
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not read /api/codes/ALEX-7HC2QK: its displayName is not text. Answer about ALEX-7HC2QK, with displayName as text.',
      ],
    ]);
    warn.mockRestore();
  });

  it('reads a lookup that writes the code another way as about the code', async () => {
    await bannerAfterLookup({ code: 'alex 7hc2qk', displayName: 'Alex' });
    expect(await screen.findByText(sentence('Alex gave you 15% off your first order'))).toBeTruthy();
  });

  it('shows the code', () => {
    render(<OfferBanner client={client()} terms={terms} text={en} locale="en" />);
    expect(screen.getByText(sentence('Code ALEX-7HC2QK'))).toBeTruthy();
  });

  it('isolates the name and the code from the sentence around them', async () => {
    render(<OfferBanner client={client('granted', 'Alex')} terms={terms} endpoint="/api" text={en} locale="en" />);
    expect((await screen.findByText('Alex')).localName).toBe('bdi');
    expect(screen.getByText('ALEX-7HC2QK').localName).toBe('bdi');
  });

  it('shows nothing without a captured referral', () => {
    const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: backend() });
    const { container } = render(<OfferBanner client={referkit} terms={terms} text={en} locale="en" />);
    expect(container.innerHTML).toBe('');
  });

  it('waits for the lookup’s terms when init gave none', async () => {
    render(<OfferBanner client={client('granted', 'Alex')} endpoint="/api" text={en} locale="en" />);
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(await screen.findByText(sentence('Alex gave you 15% off your first order'))).toBeTruthy();
  });

  it('shows a name with markup as those characters', async () => {
    render(
      <OfferBanner
        client={client('granted', '<img src=x onerror=alert(1)>')}
        terms={terms}
        endpoint="/api"
        text={en}
        locale="en"
      />,
    );
    expect(
      await screen.findByText(sentence('<img src=x onerror=alert(1)> gave you 15% off your first order')),
    ).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('drops direction overrides from a name, so that the sentence around it keeps its order', async () => {
    await bannerAfterLookup({ displayName: 'Al\u061cex\u202e\u2066' });
    expect(await screen.findByText(sentence('Alex gave you 15% off your first order'))).toBeTruthy();
  });

  it('remembers a dismissal when consent is granted', () => {
    const referkit = client('granted');
    render(<OfferBanner client={referkit} terms={terms} text={en} locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    cleanup();
    render(
      <OfferBanner
        client={createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: backend() })}
        terms={terms}
        text={en}
        locale="en"
      />,
    );
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  describe('a dismissal, on a later page', () => {
    const day = 864e5;
    /** Dismisses the banner of a landing on Alex's link, with consent, at 2026-11-22 10:00 (a 30-day window). */
    function dismissed() {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T10:00:00.000Z') });
      render(<OfferBanner client={client('granted')} terms={terms} text={en} locale="en" />);
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      cleanup();
    }
    /** A later page's banner, `days` after the dismissal: its client captures `link`, or only reads the device. */
    function laterPage(days: number, link?: string) {
      vi.setSystemTime(Date.parse('2026-11-22T10:00:00.000Z') + days * day);
      const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: backend() });
      if (link) referkit.capture(link);
      render(<OfferBanner client={referkit} terms={terms} text={en} locale="en" />);
    }

    it('keeps the banner closed when the same link is followed again within the referral’s window', () => {
      dismissed();
      laterPage(20, landing);
      expect(screen.queryByRole('complementary')).toBeNull();
    });

    it('shows the banner again for the same link followed after the dismissed referral’s window ended', () => {
      dismissed();
      laterPage(400, landing);
      expect(screen.getByRole('complementary')).toBeTruthy();
    });

    it('is forgotten once the referral it dismissed has expired', () => {
      dismissed();
      laterPage(31);
      expect(localStorage.getItem('rk_dismissed:ALEX-7HC2QK')).toBeNull();
    });

    it('is forgotten once another ambassador’s link has replaced the referral it dismissed', () => {
      dismissed();
      laterPage(1, 'https://shop.example/p?ref=BOB-7HC2QK');
      expect(screen.getByRole('complementary').textContent).toContain('BOB-7HC2QK');
      expect(localStorage.getItem('rk_dismissed:ALEX-7HC2QK')).toBeNull();
    });
  });

  it('hides a dismissed banner but stores nothing on the device while consent is pending', () => {
    render(<OfferBanner client={client('pending')} terms={terms} text={en} locale="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});

describe('OfferBanner, twice on one page', () => {
  it('hides every banner of the code when one is dismissed', () => {
    const referkit = client('granted');
    render(
      <div>
        <OfferBanner client={referkit} terms={terms} text={en} locale="en" />
        <OfferBanner client={referkit} terms={terms} text={en} locale="en" />
      </div>,
    );
    expect(screen.getAllByRole('complementary')).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0] as HTMLElement);
    expect(screen.queryAllByRole('complementary')).toHaveLength(0);
  });
});

describe('OfferBanner, dismissed', () => {
  // A shopper typing a card number pays for each callback: a banner that shows nothing has nothing to move.
  it('asks for no animation frame at a focus move or a resize once dismissed', () => {
    render(
      <div>
        <button type="button">Pay now</button>
        <OfferBanner client={client('granted')} terms={terms} text={en} locale="en" />
      </div>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    const asked = vi.spyOn(globalThis, 'requestAnimationFrame');
    screen.getByRole('button', { name: 'Pay now' }).focus();
    dispatchEvent(new Event('resize'));
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('OfferBanner, its page listeners', () => {
  it("leaves none of its listeners on the window once the page's last banner is gone", () => {
    // The window's listeners as the window keeps them, by type: a listener added twice is there once.
    const listening = new Map<string, Set<unknown>>();
    const of = (type: string) => listening.get(type) ?? listening.set(type, new Set()).get(type)!;
    const added = vi
      .spyOn(globalThis, 'addEventListener')
      .mockImplementation((type, listener) => void of(type).add(listener));
    const removed = vi
      .spyOn(globalThis, 'removeEventListener')
      .mockImplementation((type, listener) => void of(type).delete(listener));
    // The banner's (the SDK client has listeners of its own): focus moves, focus gone into a frame, resizes.
    const all = () => ['focusin', 'focusout', 'blur', 'resize'].reduce((count, type) => count + of(type).size, 0);
    const referkit = client('granted');
    const first = render(<OfferBanner client={referkit} terms={terms} text={en} locale="en" />);
    const second = render(<OfferBanner client={referkit} terms={terms} text={en} locale="en" />);
    first.unmount();
    const withOne = all();
    second.unmount();
    const withNone = all();
    added.mockRestore();
    removed.mockRestore();
    expect([withOne, withNone]).toEqual([4, 0]);
  });
});
