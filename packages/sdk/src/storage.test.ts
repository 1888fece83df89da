import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReferkit, type ReferkitOptions } from './client.js';
import { installPage } from './testing/fake-page.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A client whose receiver answers 201 to everything. */
function aClient(options: Partial<ReferkitOptions> = {}) {
  return createReferkit({
    program: 'spring-2026',
    endpoint: '/api',
    fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }),
    ...options,
  });
}

describe('a client created with consent denied', () => {
  it('clears what an earlier page stored, without being asked for its state', () => {
    const page = installPage(LINK);
    const earlier = aClient();
    earlier.capture();
    earlier.storage.set('dismissed', '1');
    expect(page.cookies.jar.has('rk_ref')).toBe(true);

    const next = aClient({ consent: 'denied' });
    expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_'))).toEqual([]);
    expect(page.cookies.jar.has('rk_ref')).toBe(false);
    expect(next.referral()).toBeNull();
  });

  it('still sends, from memory, the events an earlier page left queued', async () => {
    const page = installPage(LINK);
    const offline = createReferkit({
      program: 'spring-2026',
      endpoint: '/api',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      retry: { limit: 1 },
    });
    offline.capture();
    await offline.trackShare('ALEX-7HC2QK', 'whatsapp');
    const queued = Object.keys(page.storage).filter((key) => key.startsWith('rk_outbox'));
    expect(queued.length).toBeGreaterThan(0);

    const posted: string[] = [];
    const next = createReferkit({
      program: 'spring-2026',
      endpoint: '/api',
      consent: 'denied',
      fetch: async (_url, init) => {
        posted.push(String(init?.body));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    await next.flush();
    expect(posted.map((body) => JSON.parse(body).type).sort()).toEqual(['landing', 'share']);
    expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_'))).toEqual([]);
    expect(next.referral()).toBeNull();
  });

  it('does not clear again when its state is only read', () => {
    const page = installPage(LINK);
    const denied = aClient({ consent: 'denied' });
    // Another tab, where the friend has since said yes.
    aClient().capture();
    expect(denied.consent()).toBe('denied');
    expect(page.storage.getItem('rk_ref')).not.toBeNull();
    expect(page.cookies.jar.has('rk_ref')).toBe(true);
  });
});

describe('consent granted again after a denial', () => {
  it('writes the referral to localStorage and the cookie again', () => {
    const page = installPage(LINK);
    const client = aClient();
    client.capture();
    client.setConsent('denied');
    client.setConsent('granted');
    expect(JSON.parse(page.storage.getItem('rk_ref') as string).code).toBe('ALEX-7HC2QK');
    expect(page.cookies.jar.has('rk_ref')).toBe(true);
  });

  it("gives an earlier page's referral a cookie for what is left of its window", () => {
    const page = installPage(LINK);
    aClient().capture();
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const client = aClient();
    client.setConsent('denied');
    client.setConsent('granted');
    // 29 of the window's 30 days are left.
    expect(page.cookies.writes.filter((write) => write.startsWith('rk_ref=')).at(-1)).toMatch(
      /^rk_ref=[^;]+;path=\/;max-age=2505600;/,
    );
    expect(page.cookies.jar.has('rk_ref')).toBe(true);
  });
});

describe('a full localStorage', () => {
  it('still gets the referral its cookie, quietly, and the next page reads it there', () => {
    const page = installPage(LINK);
    vi.spyOn(page.storage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(aClient().capture()?.code).toBe('ALEX-7HC2QK');
    expect(page.cookies.jar.has('rk_ref')).toBe(true);
    expect(aClient().referral()?.code).toBe('ALEX-7HC2QK');
  });
});

describe('the channel to the other tabs', () => {
  // A brand's `node --test` or mocha suite with a DOM's globals (global-jsdom) has Node's BroadcastChannel:
  // a channel left holding the event loop kept that suite from ever exiting.
  it('keeps no Node process alive', () => {
    installPage(LINK);
    const ports = () => process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;
    const before = ports();
    aClient().capture();
    expect(ports()).toBe(before);
  });
});
