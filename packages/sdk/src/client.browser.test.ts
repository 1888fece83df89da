import { parseEvent } from '@referkit/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { createReferkit, type ReferkitOptions } from './client.js';
import { listen } from './spa.js';
import { queued } from './testing/queued.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';
let posted: string[];

function wipe() {
  localStorage.clear();
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0];
    // biome-ignore lint/suspicious/noDocumentCookie: the test clears what the SDK wrote the way it wrote it.
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
}

beforeEach(async () => {
  posted = [];
  wipe();
  // Each test is a new page: the landing lock an earlier test's capture holds (a few seconds, as a tab
  // holds it for the others) must have ended, or this test's landing of that code is a second view.
  await expect
    .poll(async () => (await navigator.locks.query()).held?.some((lock) => lock.name?.startsWith('rk_landing:')), {
      timeout: 5000,
      interval: 100,
    })
    .toBe(false);
});
afterEach(wipe);

function aClient(options: Partial<ReferkitOptions> = {}) {
  return createReferkit({
    program: 'spring-2026',
    endpoint: '/api',
    fetch: async (_url, init) => {
      posted.push(String(init?.body));
      return Response.json({ status: 'recorded' }, { status: 201 });
    },
    ...options,
  });
}

describe('the SDK in Chromium', () => {
  it('sets the attribution from ?ref= and reports one landing', async () => {
    const client = aClient();
    const referral = client.capture(LINK);
    client.capture(LINK);
    expect(referral).toMatchObject({ code: 'ALEX-7HC2QK', channel: 'whatsapp' });
    expect(JSON.parse(localStorage.getItem('rk_ref') ?? '{}').code).toBe('ALEX-7HC2QK');
    expect(document.cookie).toContain('rk_ref=');
    await client.flush();
    const landings = posted.map((body) => JSON.parse(body)).filter((event) => event.type === 'landing');
    expect(landings).toHaveLength(1);
    expect(parseEvent(landings[0]).ok).toBe(true);
  });

  it('writes nothing to localStorage or document.cookie while consent is pending', async () => {
    const client = aClient({ consent: 'pending' });
    expect(client.capture(LINK)?.code).toBe('ALEX-7HC2QK');
    client.storage.set('dismissed', '1');
    await client.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
    // The landing is decided under a lock the tabs share, and may go after the redemption.
    await client.flush();
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(posted.map((body) => JSON.parse(body).type).sort()).toEqual(['landing', 'redemption']);
  });

  it('leaves the referral cookie visible on a sibling path', async () => {
    aClient().capture(LINK);
    const frame = document.createElement('iframe');
    frame.src = '/sibling/path/page.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
    document.body.append(frame);
    await loaded;
    expect(frame.contentWindow?.location.pathname).toBe('/sibling/path/page.html');
    expect(frame.contentDocument?.cookie).toContain('rk_ref=');
    frame.remove();
  });

  it('cleans the address bar only once consent is granted', () => {
    const before = location.href;
    history.replaceState(history.state, '', '?ref=alex-7hc2qk&rk_ch=sms&page=2');
    try {
      const client = aClient({ consent: 'pending', cleanUrl: true });
      expect(client.capture()?.code).toBe('ALEX-7HC2QK');
      expect(location.search).toBe('?ref=alex-7hc2qk&rk_ch=sms&page=2');
      client.setConsent('granted');
      expect(location.search).toBe('?page=2');
      expect(client.referral()?.code).toBe('ALEX-7HC2QK');
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('writes the referral cookie again when consent is granted after a denial', () => {
    const client = aClient();
    client.capture(LINK);
    client.setConsent('denied');
    expect(document.cookie).not.toContain('rk_ref=');
    client.setConsent('granted');
    expect(document.cookie).toContain('rk_ref=');
    expect(localStorage.getItem('rk_ref')).toContain('ALEX-7HC2QK');
  });

  it('writes the referral cookie when localStorage is full', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const client = aClient();
    try {
      client.capture(LINK);
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(document.cookie).toContain('rk_ref=');
    const next = aClient();
    expect(next.referral()?.code).toBe('ALEX-7HC2QK');
    // Nothing left under way to write to the next test's storage.
    await Promise.all([client.flush(), next.flush()]);
  });

  it.each([
    ['last_touch', 'BOB-7HC2QK'],
    ['first_touch', 'ALEX-7HC2QK'],
  ] as const)(
    'takes the back button in a single-page app for a second view of the earlier landing, under %s',
    async (model, credited) => {
      const before = location.href;
      history.replaceState(history.state, '', '?ref=alex-7hc2qk');
      const client = aClient({ attribution: { model } });
      const stop = listen(client);
      try {
        client.capture();
        history.pushState(history.state, '', '?ref=bob-7hc2qk');
        const popped = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
        history.back();
        await popped;
        expect(location.search).toBe('?ref=alex-7hc2qk');
      } finally {
        stop();
        history.replaceState(history.state, '', before);
      }
      await client.flush();
      const landings = posted.map((body) => JSON.parse(body)).filter((event) => event.type === 'landing');
      expect(landings.map((event) => event.code)).toEqual(['ALEX-7HC2QK', 'BOB-7HC2QK']);
      expect(client.referral()?.code).toBe(credited);
    },
  );

  it('keeps a referral on a later page load of the same site', () => {
    aClient().capture(LINK);
    expect(aClient().referral()?.code).toBe('ALEX-7HC2QK');
  });
  it('keeps a redemption whose endpoint redirects, rather than taking the page it lands on for a verdict', async () => {
    // The real fetch, against an endpoint of the test server that answers 301 to its home page.
    const client = createReferkit({
      program: 'spring-2026',
      endpoint: '/moved',
      consent: 'granted',
      retry: { limit: 1 },
    });
    client.capture(LINK);
    const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
    await expect(client.redeem({ orderId: '1001', order })).resolves.toMatchObject({
      ok: false,
      queued: true,
      error: { code: 'redirected' },
    });
    expect(queued(client.storage).map((body) => JSON.parse(body).type)).toContain('redemption');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('rk_outbox:'))).not.toEqual([]);
  });
});

describe('a page restored from the back/forward cache', () => {
  it('delivers what it queued, on the pageshow of its restoring', async () => {
    const client = JSON.stringify(new URL('./client.ts', import.meta.url).pathname);
    // Runs in a fresh page of its own (see evaluateAcrossPages in vite.config.ts), from its source.
    const queue = async ({ createReferkit }: typeof import('./client.js')) => {
      const page = window as unknown as { posts: string[]; restored: boolean };
      page.posts = [];
      addEventListener('pageshow', (event) => {
        page.restored = event.persisted;
      });
      const referkit = createReferkit({
        program: 'spring-2026',
        endpoint: '/api',
        retry: { limit: 1 },
        // The network is down for the first attempt only; the send as the page goes gets through, but
        // that one is fire-and-forget: the event stays queued.
        fetch: async (_url, init) => {
          page.posts.push(init?.keepalive ? 'pagehide' : 'attempt');
          if (page.posts.length === 1) throw new TypeError('Failed to fetch');
          return Response.json({ status: 'recorded' }, { status: 201 });
        },
      });
      await referkit.redeem({
        orderId: '1001',
        order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
        referral: { code: 'ALEX-7HC2QK' },
      });
    };
    const back = async () => {
      const page = window as unknown as { posts: string[]; restored: boolean };
      const outbox = () => Object.keys(localStorage).filter((key) => key.startsWith('rk_outbox:'));
      for (let wait = 0; wait < 20 && outbox().length; wait++) await new Promise((done) => setTimeout(done, 50));
      return { restored: page.restored, posts: page.posts, outbox: outbox() };
    };
    const site = `http://www.shop.localhost:${location.port}`;
    const seen = await commands.evaluateAcrossPages(
      [[`${site}/`, `import(${client}).then(${queue})`], [`${site}/away`]],
      `(${back})()`,
    );
    expect(seen).toEqual({ restored: true, posts: ['attempt', 'pagehide', 'attempt'], outbox: [] });
  });
});

// ALEX's link, then a link on that page to BOB's, then the back button: the page of ALEX's link again,
// restored from the back/forward cache (its scripts do not run again) or loaded again (a back_forward
// navigation). A second view of ALEX's landing either way: no landing, and the credit stays where it was.
describe("a return by back/forward to a landing page after another code's landing", () => {
  it.each([
    ['last_touch', 'restored from the back/forward cache', false, 'BOB-7HC2QK'],
    ['last_touch', 'loaded again', true, 'BOB-7HC2QK'],
    ['first_touch', 'restored from the back/forward cache', false, 'ALEX-7HC2QK'],
    ['first_touch', 'loaded again', true, 'ALEX-7HC2QK'],
  ] as const)('under %s, %s, reports no landing and keeps the credit', async (model, _how, noStore, credited) => {
    type Page = { referkit?: ReturnType<typeof createReferkit> };
    // What each page's own script does once it has loaded. The events go to the site's storage, where
    // every page of the journey sees them.
    const load = async (sdk: typeof import('./client.js'), model: 'last_touch' | 'first_touch') => {
      const page = window as Page;
      page.referkit = sdk.createReferkit({
        program: 'spring-2026',
        endpoint: '/api',
        attribution: { model },
        fetch: async (_url, init) => {
          localStorage.posted = `${localStorage.posted ?? ''}${init?.body}\n`;
          return Response.json({ status: 'recorded' }, { status: 201 });
        },
      });
      page.referkit.capture();
      await page.referkit.flush();
    };
    const back = async (loadAgain: () => Promise<void>) => {
      const page = window as Page;
      const restored = !!page.referkit;
      if (!restored) await loadAgain();
      await page.referkit!.flush();
      const events = (localStorage.posted as string)
        .trim()
        .split('\n')
        .map((body) => JSON.parse(body));
      // By event id, as the ledger counts them: a later page's flush may send a queued landing again.
      const landings = new Map(
        events.filter((event) => event.type === 'landing').map((event) => [event.id, event.code]),
      );
      return {
        restored,
        navigation: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type,
        landings: [...landings.values()],
        credited: page.referkit!.referral()?.code,
      };
    };
    // Run in pages of their own, from the source, as the test's own module cannot be.
    const loadScript = `import(${JSON.stringify(new URL('./client.ts', import.meta.url).pathname)}).then((sdk) => (${load})(sdk, ${JSON.stringify(model)}))`;
    const site = `http://www.shop.localhost:${location.port}`;
    const seen = await commands.evaluateAcrossPages(
      [
        [`${site}/p?ref=ALEX-7HC2QK`, loadScript],
        [`${site}/q?ref=BOB-7HC2QK`, loadScript],
      ],
      `(${back})(() => ${loadScript})`,
      noStore,
    );
    expect(seen).toEqual({
      restored: !noStore,
      navigation: noStore ? 'back_forward' : 'navigate',
      landings: ['ALEX-7HC2QK', 'BOB-7HC2QK'],
      credited,
    });
  });
});

describe('tabs of one site, one of which denies consent', () => {
  type Tab = {
    referkit: ReturnType<typeof createReferkit>;
    down: boolean;
    recorded: { type: string; orderId?: string }[];
  };
  // Each tab's own script: a client whose receiver answers 503 while the tab says it is down.
  // One receiver for the site, down or not in every tab alike: each tab stands in for it with its own fetch.
  const open = (sdk: typeof import('./client.js'), link?: string, down = false) => {
    const tab = window as unknown as Tab;
    tab.down = down;
    tab.recorded = [];
    tab.referkit = sdk.createReferkit({
      program: 'spring-2026',
      endpoint: '/api',
      retry: { limit: 1 },
      fetch: async (_url, init) => {
        if (tab.down) return Response.json({ error: { code: 'store_unavailable', message: 'down' } }, { status: 503 });
        tab.recorded.push(JSON.parse(String(init?.body)));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    if (link) tab.referkit.capture(link);
  };
  const script = (link?: string, down = false) =>
    `import(${JSON.stringify(new URL('./client.ts', import.meta.url).pathname)}).then((sdk) => (${open})(sdk, ${JSON.stringify(link)}, ${down}))`;
  const site = `http://www.shop.localhost:${location.port}/`;
  const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 };

  it('delivers the orders one tab queued after another denied and closed while the receiver was down', async () => {
    const queue = async (order: object) => {
      const tab = window as unknown as Tab;
      tab.down = true;
      for (const orderId of ['b-0', 'b-1', 'b-2'])
        await tab.referkit.redeem({ orderId, order: order as never, referral: { code: 'BOB-7HC2QK' } });
    };
    const deliver = async () => {
      const tab = window as unknown as Tab;
      // The denial reaches the other tabs as a message, through the browser: a moment later, not at once.
      for (let waited = 0; tab.referkit.consent() !== 'denied' && waited < 5000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      tab.down = false;
      await tab.referkit.flush();
      return tab.recorded.flatMap((event) => (event.type === 'redemption' ? [event.orderId] : [])).sort();
    };
    const results = await commands.evaluateInTabs(site, [
      [1, script()],
      [1, `(${queue})(${JSON.stringify(order)})`],
      // The receiver is still down as the second tab opens: its load's flush of the queued orders fails too.
      [0, script(undefined, true)],
      [0, `window.referkit.setConsent('denied')`],
      [0],
      [1, `(${deliver})()`],
    ]);
    expect(results.at(-1)).toEqual(['b-0', 'b-1', 'b-2']);
  });

  it('writes nothing more in a tab still open, and keeps its referral there', async () => {
    const after = async (order: object) => {
      const tab = window as unknown as Tab;
      // The denial reaches the other tabs as a message, a task later.
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A single-page app's route changes: one without a code, then the landing's own address again.
      const referral = tab.referkit.capture(`${location.origin}/cart`)?.code;
      tab.referkit.capture(`${location.origin}/p?ref=BOB-7HC2QK`);
      tab.down = true;
      const redeemed = await tab.referkit.redeem({ orderId: 'b-1', order: order as never });
      return {
        referral,
        redeemed: redeemed.ok || redeemed.queued,
        stored: Object.keys(localStorage).filter((key) => key.startsWith('rk_')),
        cookie: document.cookie.includes('rk_'),
      };
    };
    const results = await commands.evaluateInTabs(site, [
      [0, script(`${site}p?ref=ALEX-7HC2QK`)],
      [1, script(`${site}p?ref=BOB-7HC2QK`)],
      [0, `window.referkit.setConsent('denied')`],
      [1, `(${after})(${JSON.stringify(order)})`],
    ]);
    expect(results.at(-1)).toEqual({ referral: 'BOB-7HC2QK', redeemed: true, stored: [], cookie: false });
  });
});

describe('two programs on one page', () => {
  it("reports a landing on program B's link to program B, though program A's client captured it first", async () => {
    const sent: string[] = [];
    const client = (program: string, endpoint: string) =>
      aClient({
        program,
        endpoint,
        fetch: async (url, init) => {
          const { type, code } = JSON.parse(String(init?.body));
          sent.push(`${new URL(String(url), location.href).pathname} ${type} ${program} ${code}`);
          return Response.json({ status: 'recorded' }, { status: 201 });
        },
      });
    const ambassadors = client('ambassadors', '/api-a');
    const leaders = client('leaders', '/api-b');
    // Both decide the landing under the Web Locks the site's tabs share, one right after the other.
    for (const referkit of [ambassadors, leaders]) referkit.capture('https://shop.example/p?ref=MAYA-7HC2QK');
    await Promise.all([ambassadors.flush(), leaders.flush()]);
    expect(sent.sort()).toEqual([
      '/api-a/referrals/events landing ambassadors MAYA-7HC2QK',
      '/api-b/referrals/events landing leaders MAYA-7HC2QK',
    ]);
  });
});

describe('two brands on one site, under one program id', () => {
  type Tab = { referkit: ReturnType<typeof createReferkit>; posted: string[] };
  // A brand's page: its client posts to the brand's own receiver, which is down for brand A and, for
  // brand B, refuses brand A's code for good (`unknown_code`), as a receiver that does not know it does.
  const open = (sdk: typeof import('./client.js'), brand: string) => {
    const tab = window as unknown as Tab;
    tab.posted = [];
    tab.referkit = sdk.createReferkit({
      program: 'spring',
      endpoint: `/${brand}/api`,
      retry: { limit: 1 },
      fetch: async (url, init) => {
        tab.posted.push(`${url} ${JSON.parse(String(init?.body)).orderId}`);
        return brand === 'brand-a'
          ? Response.json({ error: { code: 'store_unavailable', message: 'down' } }, { status: 503 })
          : Response.json({ error: { code: 'unknown_code', message: 'No such code' } }, { status: 422 });
      },
    });
  };
  const script = (brand: string) =>
    `import(${JSON.stringify(new URL('./client.ts', import.meta.url).pathname)}).then((sdk) => (${open})(sdk, ${JSON.stringify(brand)}))`;

  it("leaves brand A's queued redemption to brand A when brand B's page flushes the outbox", async () => {
    const redeem = (order: object) =>
      (window as unknown as Tab).referkit.redeem({
        orderId: 'A-1',
        order: order as never,
        referral: { code: 'ALEX-7HC2QK' },
      });
    const flush = async () => {
      const tab = window as unknown as Tab;
      await tab.referkit.flush();
      return { posted: tab.posted, outbox: Object.keys(localStorage).filter((key) => key.startsWith('rk_outbox:')) };
    };
    const results = await commands.evaluateInTabs(`http://www.shop.localhost:${location.port}/`, [
      [0, script('brand-a')],
      [0, `(${redeem})(${JSON.stringify({ currency: 'USD', subtotal: 5000, discount: 500, total: 4500 })})`],
      [1, script('brand-b')],
      [1, `(${flush})()`],
    ]);
    expect(results[1]).toMatchObject({ ok: false, queued: true });
    expect(results.at(-1)).toMatchObject({ posted: [], outbox: [expect.any(String)] });
  });
});
