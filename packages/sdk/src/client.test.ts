import { parseEvent } from '@referkit/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReferkit, type ReferkitOptions } from './client.js';
import { listen } from './spa.js';
import { fakeDocument, installPage } from './testing/fake-page.js';
import { queued } from './testing/queued.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
let posted: string[];

beforeEach(() => {
  posted = [];
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A client whose receiver answers 201 to everything and keeps the bodies. */
function aClient(options: Partial<ReferkitOptions> = {}) {
  return createReferkit({
    program: 'spring-2026',
    // Absolute: tests without a page (a worker, Node) have no address to read `/api` against.
    endpoint: 'https://shop.example/api',
    fetch: async (_url, init) => {
      posted.push(String(init?.body));
      return Response.json({ status: 'recorded' }, { status: 201 });
    },
    ...options,
  });
}

const landings = () => posted.map((body) => JSON.parse(body)).filter((event) => event.type === 'landing');

/** Makes the page's Navigation Timing entry say how this document was loaded, and from where. */
function navigation(type: string, name = LINK) {
  const entry = { name, type, entryType: 'navigation', startTime: 0, duration: 0, toJSON: () => ({}) };
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue([entry as PerformanceEntry]);
}

describe('capture', () => {
  it.each([
    ['ends in a slash', 'https://api.shop.example/v1//', 'https://api.shop.example/v1/referrals/events'],
    ['ends in none', 'https://api.shop.example/v1', 'https://api.shop.example/v1/referrals/events'],
    // A function's key in the query (Azure Functions, some gateways): the path goes before it.
    ['carries a query', 'https://fn.example/api/?code=KEY/1', 'https://fn.example/api/referrals/events?code=KEY/1'],
  ])('posts to the events path whether or not the endpoint %s', async (_how, endpoint, expected) => {
    installPage(LINK);
    const urls: string[] = [];
    const client = aClient({
      endpoint,
      fetch: async (url) => {
        urls.push(String(url));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    client.capture();
    await client.flush();
    expect(urls).toEqual([expected]);
  });

  it('stores the referral with its window and reports one valid landing', async () => {
    const page = installPage(LINK);
    const referral = aClient().capture();
    expect(referral).toEqual({
      code: 'ALEX-7HC2QK',
      channel: 'whatsapp',
      landedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2026-12-22T10:00:00.000Z',
    });
    await vi.waitFor(() => expect(landings()).toHaveLength(1));
    expect(parseEvent(landings()[0]).ok).toBe(true);
    expect(page.storage.getItem('rk_ref')).toBe(JSON.stringify(referral));
    expect(page.cookies.writes.at(-1)).toMatch(/^rk_ref=[^;]+;path=\/;max-age=2592000;samesite=lax;secure$/);
  });

  it('reports a landing once, not once per page view', async () => {
    installPage(LINK);
    const client = aClient();
    client.capture();
    client.capture();
    aClient().capture();
    await vi.waitFor(() => expect(posted.length).toBeGreaterThan(0));
    await aClient().flush();
    expect(landings()).toHaveLength(1);
  });

  it('sends an event once when a second client on the page flushes while the first is still sending it', async () => {
    installPage(LINK);
    let answer = (_: Response) => {};
    const fetch = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((resolve) => {
          posted.push(String(init?.body));
          answer = resolve;
        }),
    );
    aClient({ fetch }).capture();
    // The widget's client and a checkout's on one page share the outbox in storage.
    const flushed = aClient({ fetch }).flush();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    answer(Response.json({ status: 'recorded' }, { status: 201 }));
    await flushed;
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('takes a reload or a return to the landing page for a second view when nothing was stored', async () => {
    installPage(LINK);
    // Consent pending: no view is on record, so each page load starts with nothing to compare.
    for (const type of ['reload', 'back_forward']) {
      navigation(type);
      expect(aClient({ consent: 'pending' }).capture()?.code).toBe('ALEX-7HC2QK');
    }
    // The entry's name may lack the fragment an in-page link added since: the same document.
    navigation('reload', LINK.replace(/#.*/, ''));
    aClient({ consent: 'pending' }).capture(`${LINK}#reviews`);
    // The same reload, but of another address than the one captured (a route an app pushed since).
    navigation('reload', 'https://shop.example/');
    aClient({ consent: 'pending' }).capture();
    navigation('navigate');
    aClient({ consent: 'pending' }).capture();
    await vi.waitFor(() => expect(landings().length).toBeGreaterThanOrEqual(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(landings()).toHaveLength(2);
    vi.restoreAllMocks();
  });

  it('takes a reload of the landing page for a second view however late it comes, with consent too', async () => {
    installPage(LINK);
    aClient().capture();
    await vi.waitFor(() => expect(landings()).toHaveLength(1));
    // Past the half hour that makes views of one code one landing: the tab was left open, then reloaded.
    vi.setSystemTime(new Date('2026-11-22T10:31:00.000Z'));
    navigation('reload');
    expect(aClient().capture()?.landedAt).toBe('2026-11-22T10:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.restoreAllMocks();
    // The second client's flush may resend the first landing if it was still in the outbox: the same event.
    expect(new Set(landings().map((event) => event.id)).size).toBe(1);
  });

  it('reports no second landing when the landing page is reloaded after its window ended', async () => {
    installPage(LINK);
    aClient({ attribution: { windowDays: 1 } }).capture();
    await vi.waitFor(() => expect(landings()).toHaveLength(1));
    // The tab was left open past the one-day window, then reloaded (or restored by the browser). The device
    // keeps no record of the landing past its half hour: the address's referral counts from the reload.
    vi.setSystemTime(new Date('2026-11-23T11:00:00.000Z'));
    navigation('reload');
    expect(aClient({ attribution: { windowDays: 1 } }).capture()?.landedAt).toBe('2026-11-23T11:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.restoreAllMocks();
    expect(new Set(landings().map((event) => event.id)).size).toBe(1);
  });

  it("keeps a newer landing's referral when an older tab of another code is reloaded", async () => {
    installPage(LINK);
    aClient().capture();
    const bob = 'https://shop.example/p?ref=BOB-7HC2QK';
    aClient().capture(bob);
    await vi.waitFor(() =>
      expect(new Set(landings().map((event) => event.code))).toEqual(new Set(['ALEX-7HC2QK', 'BOB-7HC2QK'])),
    );
    // Alex's tab, opened first, is reloaded: a second view of Alex's landing, no new touch.
    navigation('reload');
    expect(aClient().capture()?.code).toBe('BOB-7HC2QK');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(new Set(landings().map((event) => event.id)).size).toBe(2);
  });

  it('captures in a runtime without Navigation Timing, as some edge workers are', async () => {
    vi.stubGlobal('performance', { now: () => 0 });
    expect(aClient().capture(LINK)?.code).toBe('ALEX-7HC2QK');
    await vi.waitFor(() => expect(landings()).toHaveLength(1));
  });

  it('keeps the first referral under first_touch and the latest under last_touch', () => {
    installPage();
    const first = aClient({ attribution: { model: 'first_touch' } });
    first.capture(LINK);
    expect(first.capture('https://shop.example/?ref=SAM-222222')?.code).toBe('ALEX-7HC2QK');
    const last = aClient();
    expect(last.capture('https://shop.example/?ref=SAM-222222')?.code).toBe('SAM-222222');
  });

  it('does not remember a link followed while a first_touch referral holds: the next link after it ends counts', () => {
    installPage();
    const client = aClient({ attribution: { model: 'first_touch', windowDays: 30 } });
    client.capture(LINK);
    vi.setSystemTime(new Date('2026-12-12T10:00:00.000Z'));
    expect(client.capture('https://shop.example/?ref=SAM-222222')?.code).toBe('ALEX-7HC2QK');
    // Alex's window has ended: Sam's earlier link is not kept for this moment (a first-touch cookie).
    vi.setSystemTime(new Date('2026-12-27T10:00:00.000Z'));
    expect(client.referral()).toBeNull();
    expect(client.capture('https://shop.example/?ref=SAM-222222')?.code).toBe('SAM-222222');
  });

  it('forgets a referral once its window has passed', () => {
    installPage();
    const client = aClient({ attribution: { windowDays: 7 } });
    client.capture(LINK);
    vi.setSystemTime(new Date('2026-11-29T10:00:01.000Z'));
    expect(client.referral()).toBeNull();
    expect(localStorage.getItem('rk_ref')).toBeNull();
  });

  it('keeps no landing of the code on the device once its half hour is over', async () => {
    const page = installPage();
    const client = aClient();
    client.capture(LINK);
    // Delivered: the landing event leaves the outbox.
    await client.flush();
    expect(page.storage.getItem('rk_seen spring-2026 https://shop.example/api/referrals/events')).toContain(
      'ALEX-7HC2QK',
    );
    // Past the attribution window, a page without a link.
    vi.setSystemTime(new Date('2026-12-23T10:00:00.000Z'));
    expect(aClient().referral()).toBeNull();
    expect(Object.entries(page.storage).filter(([key, value]) => `${key} ${value}`.includes('ALEX'))).toEqual([]);
  });

  it("keeps no other program's landing on the device past its half hour, though only this program's client reads", async () => {
    const page = installPage();
    const leaders = aClient({ program: 'leaders', endpoint: 'https://shop.example/leaders/api' });
    leaders.capture('https://shop.example/p?ref=MAYA-7HC2QK');
    await leaders.flush();
    // Later, a page of the site with only the other program's client, and no link.
    vi.setSystemTime(new Date('2026-11-22T11:00:00.000Z'));
    aClient().referral();
    expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_seen'))).toEqual([]);
  });

  it('ignores and forgets a stored referral whose code or channel no link could carry', () => {
    const page = installPage();
    const stored = { landedAt: '2026-11-22T09:00:00.000Z', expiresAt: '2026-12-22T09:00:00.000Z' };
    for (const junk of [
      { ...stored, code: 'ALEX-7HC2QK', channel: 'evil' },
      { ...stored, code: '<img src=x onerror=alert(1)>' },
      { ...stored, code: 'alex-7hc2qk' },
    ]) {
      page.storage.setItem('rk_ref', JSON.stringify(junk));
      expect(aClient().referral()).toBeNull();
      expect(page.storage.getItem('rk_ref')).toBeNull();
    }
    page.storage.setItem('rk_ref', JSON.stringify({ ...stored, code: 'ALEX-7HC2QK', channel: 'sms' }));
    expect(aClient().referral()?.channel).toBe('sms');
  });

  it('logs one line and keeps 30 days for an attribution window that no date can hold', () => {
    installPage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const windowDays of [Number.NaN, 0, -1, 1e9]) {
      expect(aClient({ attribution: { windowDays } }).capture(LINK)?.expiresAt).toBe('2026-12-22T10:00:00.000Z');
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[referkit\] Could not use attribution\.windowDays/);
    installPage();
    expect(aClient({ attribution: { windowDays: 0.5 } }).capture(LINK)?.expiresAt).toBe('2026-11-22T22:00:00.000Z');
    warn.mockRestore();
  });

  it('removes the code from the address bar when asked', () => {
    installPage(LINK);
    const replaceState = vi.fn();
    vi.stubGlobal('history', { state: null, replaceState });
    aClient({ cleanUrl: true }).capture();
    expect(String(replaceState.mock.calls[0]?.[2])).toBe('https://shop.example/p');
  });

  it('removes the code from the address bar when given the address as a URL object', () => {
    installPage(LINK);
    const replaceState = vi.fn();
    vi.stubGlobal('history', { state: null, replaceState });
    expect(aClient({ cleanUrl: true }).capture(new URL(location.href))?.code).toBe('ALEX-7HC2QK');
    expect(String(replaceState.mock.calls[0]?.[2])).toBe('https://shop.example/p');
  });

  it("leaves the address bar's other parameters and fragment exactly as they were written", () => {
    const cases = [
      [
        'https://shop.example/p?q=a%20b&ref=alex-7hc2qk&flag&rk_ch=sms&sig=x%2Fy#top',
        'https://shop.example/p?q=a%20b&flag&sig=x%2Fy#top',
      ],
      ['https://shop.example/p?ref=alex-7hc2qk&page=2', 'https://shop.example/p?page=2'],
      ['https://shop.example/p?referrer=x&ref=alex-7hc2qk', 'https://shop.example/p?referrer=x'],
      // Names as URLSearchParams reads them: `r%65f` is `ref`, `rk%5Fch` is `rk_ch`.
      ['https://shop.example/p?x=1&r%65f=alex-7hc2qk&rk%5Fch=sms', 'https://shop.example/p?x=1'],
      // A path that, read as a relative address, would name another origin (replaceState would throw).
      ['https://shop.example//evil.example/x?ref=alex-7hc2qk', 'https://shop.example//evil.example/x'],
    ];
    for (const [address, cleaned] of cases) {
      installPage(address);
      const replaceState = vi.fn();
      vi.stubGlobal('history', { state: null, replaceState });
      aClient({ cleanUrl: true }).capture();
      expect(String(replaceState.mock.calls[0]?.[2])).toBe(cleaned);
    }
  });

  it('leaves the code in the address bar while nothing may be stored, so a reload still finds it', () => {
    installPage(LINK);
    const replaceState = vi.fn();
    vi.stubGlobal('history', { state: null, replaceState });
    for (const consent of ['pending', 'denied'] as const) {
      expect(aClient({ cleanUrl: true, consent }).capture()?.code).toBe('ALEX-7HC2QK');
    }
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('cleans the address bar when consent is granted after the capture', () => {
    installPage(LINK);
    const replaceState = vi.fn();
    vi.stubGlobal('history', { state: null, replaceState });
    const client = aClient({ cleanUrl: true, consent: 'pending' });
    client.capture();
    client.setConsent('granted');
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(String(replaceState.mock.calls[0]?.[2])).toBe('https://shop.example/p');
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
  });

  it('captures on pushState and popstate once listening, and stops after', () => {
    const page = installPage();
    const history = {
      state: null,
      pushState(_state: unknown, _title: string, url: string) {
        location.href = url;
      },
    };
    vi.stubGlobal('history', history);
    const client = aClient();
    const stop = listen(client);
    history.pushState(null, '', LINK);
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
    client.clear();
    page.events.dispatchEvent(new Event('popstate'));
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
    stop();
    client.clear();
    history.pushState(null, '', LINK);
    expect(client.referral()).toBeNull();
  });
});

describe('listen', () => {
  it('does nothing where there is no history (server rendering, a worker), and returns a stop', () => {
    expect(typeof globalThis.history).toBe('undefined');
    let calls = 0;
    const stop = listen({ capture: () => calls++ });
    stop();
    expect(calls).toBe(0);
  });

  it("takes the back button to an earlier landing for a second view, keeping the later landing's referral", async () => {
    const page = installPage(LINK);
    const bob = 'https://shop.example/q?ref=BOB-7HC2QK';
    const history = {
      state: null,
      pushState(_state: unknown, _title: string, url: string) {
        location.href = url;
      },
    };
    vi.stubGlobal('history', history);
    const client = aClient();
    const stop = listen(client);
    client.capture();
    history.pushState(null, '', bob);
    // Back: the browser puts the earlier address back and fires popstate.
    location.href = LINK;
    page.events.dispatchEvent(new Event('popstate'));
    stop();
    await client.flush();
    expect(landings().map((event) => event.code)).toEqual(['ALEX-7HC2QK', 'BOB-7HC2QK']);
    expect(client.referral()?.code).toBe('BOB-7HC2QK');
  });

  it('keeps each listener apart when they stop in any order', () => {
    installPage();
    let pushes = 0;
    const history = {
      state: null,
      pushState(_state: unknown, _title: string, url: string) {
        pushes++;
        location.href = url;
      },
    };
    const original = history.pushState;
    vi.stubGlobal('history', history);
    const calls = { a: 0, b: 0 };
    const stopA = listen({ capture: () => calls.a++ });
    const stopB = listen({ capture: () => calls.b++ });
    history.pushState(null, '', 'https://shop.example/one');
    stopA();
    history.pushState(null, '', 'https://shop.example/two');
    stopB();
    history.pushState(null, '', 'https://shop.example/three');
    expect(calls).toEqual({ a: 1, b: 2 });
    expect(pushes).toBe(3);
    expect(history.pushState).toBe(original);
  });

  it('leaves a router that wrapped pushState since in place, and keeps calling it', () => {
    installPage();
    const routed: string[] = [];
    const history = {
      state: null,
      pushState(_state: unknown, _title: string, url: string) {
        location.href = url;
      },
    };
    vi.stubGlobal('history', history);
    let calls = 0;
    const stop = listen({ capture: () => calls++ });
    const ours = history.pushState;
    history.pushState = function (this: typeof history, ...args: [unknown, string, string]) {
      routed.push(args[2]);
      ours.apply(this, args);
    };
    const router = history.pushState;
    stop();
    expect(history.pushState).toBe(router);
    const again = listen({ capture: () => calls++ });
    history.pushState(null, '', 'https://shop.example/after');
    expect([calls, routed, location.pathname]).toEqual([1, ['https://shop.example/after'], '/after']);
    again();
  });
});

describe('listen, when pushState is reset or wrapped again', () => {
  it('wraps it again after a reset, and notifies once through a chain of its own wrappers', () => {
    installPage();
    const history = {
      state: null,
      pushState(_state: unknown, _title: string, url: string) {
        location.href = url;
      },
    };
    const native = history.pushState;
    vi.stubGlobal('history', history);
    let calls = 0;
    const stopA = listen({ capture: () => calls++ });
    // A router wraps on top, our listener leaves (ours stays beneath the router's), then a test or a
    // framework puts the native method back.
    const ours = history.pushState;
    history.pushState = function (this: typeof history, ...args: [unknown, string, string]) {
      ours.apply(this, args);
    };
    stopA();
    history.pushState = native;
    const stopB = listen({ capture: () => calls++ });
    history.pushState(null, '', 'https://shop.example/b');
    expect(calls).toBe(1);
    stopB();
    // Now a router wraps over ours while one listens, and another listener comes: one call each.
    const stopC = listen({ capture: () => calls++ });
    const inner = history.pushState;
    history.pushState = function (this: typeof history, ...args: [unknown, string, string]) {
      inner.apply(this, args);
    };
    const stopD = listen({ capture: () => calls++ });
    history.pushState(null, '', 'https://shop.example/c');
    expect(calls).toBe(3);
    stopC();
    stopD();
  });
});

describe('consent', () => {
  it('writes nothing to localStorage or cookies while pending, yet captures and redeems', async () => {
    const page = installPage(LINK);
    const client = aClient({ consent: 'pending' });
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    await expect(client.redeem({ orderId: '1001', order })).resolves.toMatchObject({ ok: true });
    client.storage.set('dismissed', '1');
    expect(page.setItem).not.toHaveBeenCalled();
    expect(page.cookies.writes).toEqual([]);
    expect(Object.keys(page.storage)).toEqual([]);
  });

  it('persists what it held once consent is granted', () => {
    const page = installPage(LINK);
    const client = aClient({ consent: 'pending' });
    client.capture();
    client.setConsent('granted');
    expect(client.consent()).toBe('granted');
    expect(JSON.parse(page.storage.getItem('rk_ref') as string).code).toBe('ALEX-7HC2QK');
    expect(page.cookies.jar.has('rk_ref')).toBe(true);
  });

  it('reads an unknown consent state as pending, and ignores one passed to setConsent, with a line each', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = installPage(LINK);
    const client = aClient({ consent: 'pendng' as 'pending' });
    expect(client.consent()).toBe('pending');
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    expect(Object.keys(page.storage)).toEqual([]);
    client.setConsent('granted');
    client.setConsent('yes' as 'granted');
    expect(client.consent()).toBe('granted');
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[referkit] Could not use consent "pendng": use pending, granted, denied. Using pending.',
      '[referkit] Could not use consent "yes": use pending, granted, denied. Using granted.',
    ]);
    warn.mockRestore();
  });

  it('clears what was stored when consent is denied, keeping it for this page only', () => {
    const page = installPage(LINK);
    const client = aClient();
    client.capture();
    client.storage.set('dismissed', '1');
    client.setConsent('denied');
    expect(Object.keys(page.storage)).toEqual([]);
    expect(page.cookies.jar.has('rk_ref')).toBe(false);
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
    expect(aClient({ consent: 'denied' }).referral()).toBeNull();
  });

  it('keeps a redemption a previous page queued when consent is granted later', async () => {
    installPage(LINK);
    const offline = aClient({ fetch: async () => Promise.reject(new TypeError('offline')), retry: { limit: 1 } });
    offline.capture();
    await offline.redeem({ orderId: '1001', order });
    expect(queued(offline.storage).map((body) => JSON.parse(body).type)).toEqual(['landing', 'redemption']);

    const next = aClient({ consent: 'pending' });
    next.capture('https://shop.example/p?ref=maya-78fvhh');
    next.setConsent('granted');
    await vi.waitFor(() => expect(posted.map((body) => JSON.parse(body).orderId)).toContain('1001'));
    await vi.waitFor(() => expect(queued(next.storage)).toEqual([]));
  });

  it('keeps a stored first-touch referral when consent is granted after a newer landing', () => {
    const page = installPage(LINK);
    aClient({ attribution: { model: 'first_touch' } }).capture();
    const next = aClient({ consent: 'pending', attribution: { model: 'first_touch' } });
    next.capture('https://shop.example/p?ref=maya-78fvhh');
    next.setConsent('granted');
    expect(JSON.parse(page.storage.getItem('rk_ref') as string).code).toBe('ALEX-7HC2QK');
  });

  it('neither removes nor reads anything on the device while pending', () => {
    const page = installPage(LINK);
    aClient().capture();
    const removeItem = vi.spyOn(page.storage, 'removeItem');
    const client = aClient({ consent: 'pending' });
    client.clear();
    expect(removeItem).not.toHaveBeenCalled();
    expect(page.storage.getItem('rk_ref')).not.toBeNull();
  });

  it('neither reads nor writes the device while pending', () => {
    const page = installPage();
    aClient().capture(LINK);
    const getItem = vi.spyOn(page.storage, 'getItem');
    expect(aClient({ consent: 'pending' }).referral()).toBeNull();
    expect(getItem).not.toHaveBeenCalled();
  });

  it("gives a pending client an earlier visit's referral once consent is granted, as the README says", () => {
    installPage();
    aClient().capture(LINK);
    const client = aClient({ consent: 'pending' });
    expect(client.referral()).toBeNull();
    client.setConsent('granted');
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
  });
});

describe('storage the page wrote over', () => {
  it('ignores an outbox that is not a list of bodies, on load and as the page goes', async () => {
    for (const junk of ['{"not":"an array"}', '"text"', '[1,{"a":2},"{\\"v\\":1}"]', 'not json']) {
      const page = installPage(LINK);
      page.storage.setItem('rk_outbox', junk);
      const client = aClient();
      expect(client.capture()?.code).toBe('ALEX-7HC2QK');
      page.events.dispatchEvent(new Event('pagehide'));
      await client.flush();
    }
    // Only real bodies were ever posted: the landings (the third list's one string has no event id).
    expect(posted.every((body) => typeof JSON.parse(body) === 'object')).toBe(true);
  });
});

describe('storage that throws', () => {
  it('still captures and redeems, in memory, without a console error', async () => {
    installPage(LINK);
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    vi.stubGlobal('document', {
      get cookie(): string {
        return refuse();
      },
      set cookie(_value: string) {
        refuse();
      },
    });
    const client = aClient();
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    const delivery = await client.redeem({
      orderId: '1001',
      order,
      customer: { email: 'Friend@Example.com', firstOrder: true },
    });
    expect(delivery).toMatchObject({ ok: true, status: 201 });
    client.setConsent('denied');
    client.setConsent('granted');
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
  });
});

describe('redeem', () => {
  it('builds a valid redemption with the attribution and a hashed email', async () => {
    installPage(LINK);
    const client = aClient();
    client.capture();
    await client.redeem({
      orderId: '1001',
      order,
      customer: { id: 'c_9', email: ' Friend@Example.com ', firstOrder: true },
    });
    const redemption = posted.map((body) => JSON.parse(body)).find((event) => event.type === 'redemption');
    expect(parseEvent(redemption, { now: new Date() })).toMatchObject({ ok: true });
    expect(redemption).toMatchObject({
      v: 1,
      program: 'spring-2026',
      code: 'ALEX-7HC2QK',
      orderId: '1001',
      order,
      customer: { id: 'c_9', firstOrder: true, emailHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      attribution: { landedAt: '2026-11-22T10:00:00.000Z', channel: 'whatsapp', model: 'last_touch' },
    });
    expect(posted.join('')).not.toContain('example.com');
  });

  it('reads a landing a fast clock stamped ahead as landed now, so its redemption is not refused', async () => {
    installPage(LINK);
    const client = aClient();
    // Two days fast at the landing, then corrected (NTP).
    vi.setSystemTime(new Date('2026-11-24T10:00:00.000Z'));
    client.capture();
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    expect(client.referral()?.landedAt).toBe('2026-11-22T10:00:00.000Z');
    await client.redeem({ orderId: '1001', order });
    const redemption = posted.map((body) => JSON.parse(body)).find((event) => event.type === 'redemption');
    expect(parseEvent(redemption, { now: new Date() })).toMatchObject({ ok: true });
  });

  it("runs a fast clock's landing's window from the moment it is read at, once, under either model", () => {
    for (const model of ['last_touch', 'first_touch'] as const) {
      installPage(LINK);
      const client = aClient({ attribution: { model, windowDays: 30 } });
      // A year fast at the landing, then corrected.
      vi.setSystemTime(new Date('2027-11-22T10:00:00.000Z'));
      client.capture();
      vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
      expect(client.referral()).toMatchObject({
        landedAt: '2026-11-22T10:00:00.000Z',
        expiresAt: '2026-12-22T10:00:00.000Z',
      });
      // Read again later, it is the landing it was: its time kept, its window ending as it did.
      vi.setSystemTime(new Date('2026-12-01T10:00:00.000Z'));
      expect(client.referral()?.landedAt).toBe('2026-11-22T10:00:00.000Z');
      // Its 30 days over, the next link is the referral, under first touch too.
      vi.setSystemTime(new Date('2026-12-23T10:00:00.000Z'));
      expect(client.referral()).toBeNull();
      expect(client.capture('https://shop.example/?ref=SAM-222222')?.code).toBe('SAM-222222');
    }
  });

  it('retries a redemption whose fetch ignores its signal, each attempt ending at the timeout', async () => {
    installPage(LINK);
    let calls = 0;
    const client = aClient({
      // A page's own fetch that answers a landing, but neither settles nor aborts for a redemption.
      fetch: async (_url, init) => {
        if (JSON.parse(String(init?.body)).type === 'landing')
          return Response.json({ status: 'recorded' }, { status: 201 });
        calls++;
        return new Promise<never>(() => {});
      },
      retry: { limit: 2, timeout: 20, sleep: async () => {} },
    });
    client.capture();
    await expect(client.redeem({ orderId: '1001', order })).resolves.toMatchObject({
      ok: false,
      queued: true,
      error: { code: 'timeout' },
    });
    expect(calls).toBe(2);
  });

  it('leaves a blank email out rather than hashing it', async () => {
    installPage(LINK);
    const client = aClient();
    client.capture();
    for (const [index, email] of ['', ' \t ', null].entries()) {
      const delivery = await client.redeem({
        orderId: `blank-${index}`,
        order,
        customer: { email: email as string, firstOrder: true },
      });
      expect(delivery.ok).toBe(true);
    }
    const redemptions = posted.map((body) => JSON.parse(body)).filter((event) => event.type === 'redemption');
    expect(redemptions.map((event) => event.customer)).toEqual([
      { firstOrder: true },
      { firstOrder: true },
      { firstOrder: true },
    ]);
  });

  it('resolves input it cannot read to invalid_event, without a request', async () => {
    installPage(LINK);
    const client = aClient();
    client.capture();
    await vi.waitFor(() => expect(landings()).toHaveLength(1));
    const refused = { ok: false, queued: false, error: { code: 'invalid_event' } };
    await expect(client.redeem(undefined as never)).resolves.toMatchObject(refused);
    await expect(client.redeem(null as never)).resolves.toMatchObject(refused);
    await expect(
      client.redeem({ orderId: '1', order, customer: { email: 42 as unknown as string } }),
    ).resolves.toMatchObject(refused);
    expect(posted).toHaveLength(1);
  });

  it('refuses to redeem without a referral, without a request', async () => {
    installPage();
    await expect(aClient().redeem({ orderId: '1001', order })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'no_referral' },
    });
    expect(posted).toEqual([]);
  });

  it('gives every event its own id', async () => {
    const client = aClient();
    await client.trackShare('ALEX-7HC2QK', 'whatsapp');
    await client.trackShare('ALEX-7HC2QK', 'x');
    const [first, second] = posted.map((body) => JSON.parse(body));
    expect(first.id).toMatch(/^evt_[A-Za-z0-9_-]{8,64}$/);
    expect(first.id).not.toBe(second.id);
    expect(parseEvent(first).ok).toBe(true);
  });

  it('makes the same event from the same stored order when given its id and time', async () => {
    const stored = { orderId: 'ord_1001', order, referral: { code: 'ALEX-7HC2QK' } };
    const again = { ...stored, id: 'evt_ord_1001', occurredAt: '2026-11-21T09:30:00.000Z' };
    await aClient().redeem(again);
    vi.setSystemTime(new Date('2026-11-22T11:00:00.000Z'));
    await aClient().redeem(again);
    await aClient().redeem(stored);
    const [first, , fresh] = posted.map((body) => JSON.parse(body));
    expect(posted[0]).toBe(posted[1]);
    expect(first).toMatchObject({ id: 'evt_ord_1001', occurredAt: '2026-11-21T09:30:00.000Z' });
    expect(parseEvent(first).ok).toBe(true);
    // Without them: a fresh id and the current time.
    expect(fresh.id).not.toBe('evt_ord_1001');
    expect(fresh.occurredAt).toBe('2026-11-22T11:00:00.000Z');
  });

  it('normalises a referral passed in, and refuses one that is not a code without a request', async () => {
    const client = aClient();
    expect(await client.redeem({ orderId: '1002', order, referral: { code: ' alex-7hc2qk ' } })).toMatchObject({
      ok: true,
    });
    expect(JSON.parse(posted[0] ?? '{}').code).toBe('ALEX-7HC2QK');
    expect(parseEvent(JSON.parse(posted[0] ?? '{}')).ok).toBe(true);
    expect(await client.redeem({ orderId: '1003', order, referral: { code: '<junk>' } })).toEqual({
      ok: false,
      queued: false,
      error: { code: 'invalid_code', message: 'Not a referral code' },
    });
    expect(posted).toHaveLength(1);
  });

  it('refuses to track a share for a code that does not normalise', async () => {
    await expect(aClient().trackShare('<b>', 'x')).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'invalid_code' },
    });
    expect(posted).toEqual([]);
  });
});

describe('the endpoint', () => {
  const sends = (client: ReturnType<typeof aClient>) =>
    Promise.all([
      client.redeem({ orderId: '1001', order, referral: { code: 'ALEX-7HC2QK' } }),
      client.trackShare('ALEX-7HC2QK', 'x'),
    ]);

  it('refuses every event at once where a relative endpoint has no address to be read against (Node)', async () => {
    let slept = 0;
    const client = aClient({ endpoint: '/api', retry: { sleep: async () => void slept++ } });
    for (const delivery of await sends(client)) {
      expect(delivery).toEqual({
        ok: false,
        queued: false,
        error: { code: 'invalid_endpoint', message: 'Not an http(s) URL fetchable here: /api/referrals/events' },
      });
    }
    await client.flush();
    expect([posted, slept]).toEqual([[], 0]);
  });

  it('refuses an endpoint that is not http(s) on the page it is read against', async () => {
    for (const [page, endpoint] of [
      ['file:///home/shop/index.html', '/api'],
      ['https://shop.example/', 'ftp://shop.example/api'],
    ] as const) {
      installPage(page);
      const [delivery] = await sends(aClient({ endpoint }));
      expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'invalid_endpoint' } });
    }
    expect(posted).toEqual([]);
  });

  it('refuses an http endpoint on an https page at once and stores nothing, as the browser blocks every request (mixed content)', async () => {
    for (const endpoint of [
      'http://api.shop.example/api',
      'http://shop.example/api',
      'http://10.0.0.7:8787/api',
      // Named like a loopback address, but a domain: only four numbers are an IPv4 address.
      'http://127.shop.example/api',
      'http://localhost.shop.example/api',
    ]) {
      const { storage } = installPage('https://shop.example/checkout');
      let slept = 0;
      const client = aClient({ endpoint, retry: { sleep: async () => void slept++ } });
      for (const delivery of await sends(client)) {
        expect(delivery).toEqual({
          ok: false,
          queued: false,
          error: {
            code: 'invalid_endpoint',
            message: `Not an http(s) URL fetchable here: ${endpoint}/referrals/events`,
          },
        });
      }
      await client.flush();
      expect([Object.keys(storage).filter((key) => key.startsWith('rk_outbox')), slept]).toEqual([[], 0]);
    }
    expect(posted).toEqual([]);
  });

  it("refuses it where the document's origin is https though its address is not (an about:blank frame's)", async () => {
    installPage('about:blank', undefined, Object.assign(fakeDocument(), { baseURI: 'https://shop.example/checkout' }));
    vi.stubGlobal('origin', 'https://shop.example');
    const [delivery] = await sends(aClient({ endpoint: 'http://api.shop.example/api' }));
    expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'invalid_endpoint' } });
    expect(posted).toEqual([]);
  });

  it.each([
    'http://localhost:8787/api',
    'http://LocalHost./api',
    'http://api.shop.localhost/api',
    'http://127.0.0.1:8787/api',
    'http://127.255.3.4/api',
    'http://[::1]:8787/api',
    'http://[0:0:0:0:0:0:0:1]/api',
  ])(
    'sends to %s from an https page: a potentially trustworthy host, which browsers do not block',
    async (endpoint) => {
      installPage('https://shop.example/checkout');
      for (const delivery of await sends(aClient({ endpoint }))) expect(delivery).toMatchObject({ ok: true });
      expect(posted).toHaveLength(2);
    },
  );

  it('sends to an http endpoint from an http page, and to an https one from either', async () => {
    for (const [page, endpoint] of [
      ['http://shop.example/', 'http://api.shop.example/api'],
      ['http://shop.example/', 'https://api.shop.example/api'],
      ['https://shop.example/', 'https://api.shop.example/api'],
      ['https://shop.example/', '/api'],
    ] as const) {
      installPage(page);
      const [delivery] = await sends(aClient({ endpoint }));
      expect(delivery).toMatchObject({ ok: true });
    }
    expect(posted).toHaveLength(8);
  });

  it("reads a relative endpoint against the document's base URL, as fetch does (an about:blank frame's is its parent's)", async () => {
    installPage('about:blank', undefined, Object.assign(fakeDocument(), { baseURI: 'https://shop.example/checkout' }));
    for (const delivery of await sends(aClient({ endpoint: '/api' }))) expect(delivery).toMatchObject({ ok: true });
    expect(posted).toHaveLength(2);
  });
});

describe('shareLink', () => {
  it("builds on the site's home page by default", () => {
    installPage('https://shop.example/account');
    expect(aClient().shareLink({ code: 'ALEX-7HC2QK', channel: 'sms' })).toEqual({
      ok: true,
      value: 'https://shop.example/?ref=ALEX-7HC2QK&rk_ch=sms',
    });
  });

  it('uses the home page when the base is given as undefined', () => {
    installPage('https://shop.example/account');
    expect(aClient().shareLink({ base: undefined, code: 'ALEX-7HC2QK' })).toEqual({
      ok: true,
      value: 'https://shop.example/?ref=ALEX-7HC2QK',
    });
  });
});
