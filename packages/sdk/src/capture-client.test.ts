import { parseEvent } from '@referkit/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureClient } from './capture-client.js';
import { createReferkit } from './client.js';
import { installPage } from './testing/fake-page.js';
import { aShareBody } from './testing/queued.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';
let posted: string[];
const receiver = async (_url: RequestInfo | URL, init?: RequestInit) => {
  posted.push(String(init?.body));
  return Response.json({ status: 'recorded' }, { status: 201 });
};

beforeEach(() => {
  posted = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('createCaptureClient', () => {
  it('captures, reports the landing and a share, and has no redeem', async () => {
    installPage(LINK);
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    await expect(client.trackShare('alex-7hc2qk', 'sms')).resolves.toMatchObject({ ok: true, status: 201 });
    await client.flush();
    const events = posted.map((body) => JSON.parse(body));
    expect(events.map((event) => event.type).sort()).toEqual(['landing', 'share']);
    expect(events.every((event) => parseEvent(event).ok)).toBe(true);
    expect('redeem' in client).toBe(false);
  });

  it('shares its storage with createReferkit, so a checkout redeems what a storefront captured', async () => {
    installPage(LINK);
    createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver }).capture();
    const checkout = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
    await expect(checkout.redeem({ orderId: '1001', order })).resolves.toMatchObject({ ok: true });
    const redemption = posted.map((body) => JSON.parse(body)).find((event) => event.type === 'redemption');
    expect(redemption).toMatchObject({ code: 'ALEX-7HC2QK', attribution: { channel: 'whatsapp' } });
  });
});

describe('the send as the page goes', () => {
  /** Clients of one program made one after another (a widget re-initialised, a checkout's own), offline until the page goes. */
  const clientsOfOnePage = (count: number, kept: string[]) =>
    Array.from({ length: count }, () =>
      createCaptureClient({
        program: 'spring-2026',
        endpoint: '/api',
        retry: { limit: 1 },
        fetch: async (url, init) => {
          if (!init?.keepalive) throw new TypeError('Failed to fetch');
          kept.push(String(init.body));
          return receiver(url, init);
        },
      }),
    );

  it('sends what only the page holds first, and stops short of the 64 KiB keepalive quota', async () => {
    const page = installPage();
    // An earlier page left 500 shares on the device, some 70 KB: more than the page may send as it goes.
    for (let n = 0; n < 500; n++) page.storage.setItem(`rk_outbox:evt_stored_${n}`, aShareBody(`evt_stored_${n}`));
    const kept: string[] = [];
    const client = clientsOfOnePage(1, kept)[0]!;
    await client.flush();
    // localStorage is full: two shares live only in the page's memory.
    page.setItem.mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await client.trackShare('ALEX-7HC2QK', 'sms');
    await client.trackShare('ALEX-7HC2QK', 'email');
    page.events.dispatchEvent(new Event('pagehide'));
    expect(kept.slice(0, 2).map((body) => JSON.parse(body).channel)).toEqual(['sms', 'email']);
    const bytes = kept.reduce((sum, body) => sum + new Blob([body]).size, 0);
    expect(bytes).toBeLessThanOrEqual(60_000);
    // It stops where one more would pass 60,000 B; the rest wait on the device for the next load.
    expect(bytes + new Blob([aShareBody('evt_stored_499')]).size).toBeGreaterThan(60_000);
    expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_outbox:'))).toHaveLength(500);
  });

  it('sends each queued event once however many clients the page made', async () => {
    const page = installPage();
    page.storage.setItem('rk_outbox:evt_stored_1', aShareBody('evt_stored_1'));
    const kept: string[] = [];
    const clients = clientsOfOnePage(3, kept);
    await Promise.all(clients.map((client) => client.flush()));
    page.events.dispatchEvent(new Event('pagehide'));
    expect(kept).toEqual([aShareBody('evt_stored_1')]);
    // The page comes back from the back/forward cache and goes again: what is still queued goes again, once.
    page.events.dispatchEvent(new Event('pagehide'));
    expect(kept).toEqual([aShareBody('evt_stored_1'), aShareBody('evt_stored_1')]);
  });

  // jsdom has no sendBeacon, and a browser's throws for a body it will not queue.
  it.each([
    ['has no sendBeacon', {}],
    [
      'has a sendBeacon that throws',
      {
        sendBeacon: () => {
          throw new TypeError('Beacon refused');
        },
      },
    ],
  ])('throws nothing into the page as it goes offline where the navigator %s', async (_case, navigator) => {
    const page = installPage();
    vi.stubGlobal('navigator', navigator);
    const rejections: unknown[] = [];
    const unhandled = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', unhandled);
    try {
      const client = createCaptureClient({
        program: 'spring-2026',
        endpoint: '/api',
        retry: { limit: 1 },
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      });
      await client.trackShare('ALEX-7HC2QK', 'sms');
      page.events.dispatchEvent(new Event('pagehide'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(rejections).toEqual([]);
      // It waits on the device for the next load.
      expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_outbox:'))).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('keeps every client of the page within the one 64 KiB keepalive quota as it goes', async () => {
    const page = installPage();
    const kept: string[] = [];
    const [first, second] = clientsOfOnePage(2, kept);
    // localStorage is full: each client holds 300 shares, some 54 KB, in its memory alone.
    page.setItem.mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    for (let n = 0; n < 300; n++) await Promise.all([first, second].map((c) => c?.trackShare('ALEX-7HC2QK', 'sms')));
    page.events.dispatchEvent(new Event('pagehide'));
    expect(kept.reduce((sum, body) => sum + new Blob([body]).size, 0)).toBeLessThanOrEqual(60_000);
  });
});

describe('a landing of a page that is not a plain visit', () => {
  /** A landing page the browser prerenders: `document.prerendering`, and `view` to fire its `prerenderingchange`. */
  const prerenderedPage = () => {
    const page = installPage(LINK);
    const view = new EventTarget();
    const document = Object.assign(page.cookies, {
      prerendering: true,
      addEventListener: view.addEventListener.bind(view),
    });
    return { page, document, view };
  };

  it('waits for a prerendered page to be viewed, and reports nothing for one never viewed', async () => {
    const { page, document, view } = prerenderedPage();
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    // Prerendered: nothing stored, nothing sent, no referral yet.
    expect(client.capture()).toBeNull();
    await client.flush();
    expect([posted, Object.keys(page.storage)]).toEqual([[], []]);
    // The person opens it: the landing is reported once.
    document.prerendering = false;
    view.dispatchEvent(new Event('prerenderingchange'));
    await client.flush();
    expect(client.referral()?.code).toBe('ALEX-7HC2QK');
    expect(posted.map((body) => JSON.parse(body).type)).toEqual(['landing']);
  });

  it('reads the address the person views, which may have another query than the one prerendered', async () => {
    const { document, view } = prerenderedPage();
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    client.capture();
    // Served from the prerender under No-Vary-Search, the page shown carries another link's code.
    (location as unknown as URL).href = 'https://shop.example/p?ref=bob-7hc2qk&rk_ch=sms';
    document.prerendering = false;
    view.dispatchEvent(new Event('prerenderingchange'));
    expect(client.referral()).toMatchObject({ code: 'BOB-7HC2QK', channel: 'sms' });
  });

  it('flushes the landing once its decision under the lock is made', async () => {
    installPage(LINK);
    // A lock granted a little later, as a browser grants one after asking the other tabs.
    const request = (name: string, _options: unknown, granted: (lock: unknown) => unknown) =>
      new Promise((resolve) => setTimeout(() => resolve(granted({ name })), 20));
    vi.stubGlobal('navigator', { locks: { request } });
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    client.capture();
    await client.flush();
    expect(posted.map((body) => JSON.parse(body).type)).toEqual(['landing']);
  });

  it("reports no landing where another tab holds the code's landing lock, and keeps the referral", async () => {
    installPage(LINK);
    // Another tab opened the same link at the same moment and took the lock: the browser answers null.
    const request = vi.fn((_name: string, _options: unknown, granted: (lock: unknown) => unknown) =>
      Promise.resolve(granted(null)),
    );
    vi.stubGlobal('navigator', { locks: { request } });
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    expect(request).toHaveBeenCalledWith(
      'rk_landing:ALEX-7HC2QK spring-2026 /api/referrals/events',
      { ifAvailable: true },
      expect.any(Function),
    );
    await client.flush();
    expect(posted).toEqual([]);
  });

  it('decides the landing once the lock is taken, so one another tab noted meanwhile is not reported again', async () => {
    const page = installPage(LINK);
    const waiting: ((lock: unknown) => unknown)[] = [];
    const request = (name: string, _options: unknown, granted: (lock: unknown) => unknown) => {
      waiting.push(() => granted({ name }));
      return Promise.resolve();
    };
    vi.stubGlobal('navigator', { locks: { request } });
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    client.capture();
    // Another tab's landing of the same link, noted before this tab took the lock.
    page.storage.setItem('rk_seen spring-2026 /api/referrals/events', `ALEX-7HC2QK ${Date.now()}`);
    for (const granted of waiting) granted(null);
    await client.flush();
    expect(posted).toEqual([]);
  });

  it('reports the landing without a lock where the origin may hold none (a sandboxed frame)', async () => {
    installPage(LINK);
    const refused = () => Promise.reject(new DOMException('The origin is opaque.', 'SecurityError'));
    vi.stubGlobal('navigator', { locks: { request: refused } });
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    client.capture();
    await vi.waitFor(() => expect(posted.map((body) => JSON.parse(body).type)).toEqual(['landing']));
  });
});

describe('two programs on one site', () => {
  it('reports a landing to each program whose client captures it, once, whichever captured first', async () => {
    installPage('https://shop.example/p?ref=maya-7hc2qk');
    const sent: string[] = [];
    const endpoint = (path: string) => async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { type, program, code } = JSON.parse(String(init?.body));
      sent.push(`${path} ${type} ${program} ${code}`);
      return Response.json({ status: 'recorded' }, { status: 201 });
    };
    // A page with two programs' clients, the first of which does not know the code; then the next
    // page of the visit, opened from the same link, with both again.
    for (let page = 0; page < 2; page++) {
      for (const [program, path] of [
        ['ambassadors', '/a'],
        ['leaders', '/b'],
      ] as const) {
        const client = createCaptureClient({ program, endpoint: path, fetch: endpoint(path) });
        expect(client.capture()?.code).toBe('MAYA-7HC2QK');
        await client.flush();
      }
    }
    expect(sent).toEqual(['/a landing ambassadors MAYA-7HC2QK', '/b landing leaders MAYA-7HC2QK']);
  });

  it('waits out a Retry-After an earlier version stored for every program, after the upgrade', async () => {
    const page = installPage();
    // An earlier version queued a share and stored the receiver's ten minutes under its one key.
    page.storage.setItem('rk_outbox:evt_stored_1', aShareBody('evt_stored_1'));
    page.storage.setItem('rk_outbox-after', String(Date.now() + 600_000));
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    await client.flush();
    expect(posted).toEqual([]);
  });

  it("sends each program's queued events to its own endpoint only, whichever client flushes", async () => {
    installPage();
    const sent: string[] = [];
    let down = true;
    const endpoint = (path: string) => async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { program } = JSON.parse(String(init?.body));
      sent.push(`${path} ${program}`);
      // Each endpoint knows only its own program, as two receivers do.
      if (program !== (path === '/a' ? 'spring-2026' : 'evergreen'))
        return Response.json({ error: { code: 'unknown_program', message: 'No such program' } }, { status: 422 });
      if (down && path === '/a') return new Response(null, { status: 503, headers: { 'retry-after': '120' } });
      return Response.json({ status: 'recorded' }, { status: 201 });
    };
    const retry = { limit: 1 };
    const a = createCaptureClient({ program: 'spring-2026', endpoint: '/a', fetch: endpoint('/a'), retry });
    await a.trackShare('ALEX-7HC2QK', 'sms');
    // Program A's endpoint asked for two minutes: program B's events are not held by it.
    const b = createCaptureClient({ program: 'evergreen', endpoint: '/b', fetch: endpoint('/b'), retry });
    await expect(b.trackShare('BEAA-4XYZ7W', 'sms')).resolves.toMatchObject({ ok: true });
    await b.flush();
    expect(sent).toEqual(['/a spring-2026', '/b evergreen']);
    // A's event is still queued for A, and goes there once A's endpoint is back.
    down = false;
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 121_000);
    await a.flush();
    expect(sent).toEqual(['/a spring-2026', '/b evergreen', '/a spring-2026']);
    vi.restoreAllMocks();
  });
});
