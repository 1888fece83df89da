import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReferkit, type ReferkitClient, type ReferkitOptions } from './client.js';
import { installPage } from './testing/fake-page.js';
import { queued } from './testing/queued.js';
import { CODE, ENDPOINT, EVENTS_URL, networkWithReceiver } from './testing/receiver.js';

const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
const referral = { code: CODE, landedAt: '2026-11-21T09:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' };
let network: Awaited<ReturnType<typeof networkWithReceiver>> | undefined;

afterEach(() => {
  network?.server.close();
  network = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/**
 * The receiver behind a page of the shop, at 10:00 on a clock that moves only when the test says so,
 * whose first answer is `status` with a Retry-After of `seconds`; every later request passes.
 */
async function firstAnswered(status: 429 | 503, seconds: number, href = 'https://shop.example/checkout') {
  network = await networkWithReceiver();
  const page = installPage(href);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
  network.setChaos((n) =>
    n === 1 ? new HttpResponse(null, { status, headers: { 'retry-after': String(seconds) } }) : 'pass',
  );
  return { network, page };
}

/** A client whose waits are recorded, not slept: retries run in virtual time. */
function aClient(options: Partial<ReferkitOptions> = {}) {
  const waits: number[] = [];
  const client = createReferkit({
    program: 'spring-2026',
    endpoint: ENDPOINT,
    retry: { timeout: 10, sleep: async (ms) => void waits.push(ms) },
    ...options,
  });
  return { client, waits };
}

/** Flushes until the outbox is empty; a Retry-After the receiver named runs on the wall clock, and is waited out. */
async function drain(client: ReferkitClient) {
  for (let round = 0; round < 200 && queued(client.storage).length; round++) {
    await client.flush();
    if (queued(client.storage).length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('delivery over a real receiver', () => {
  it('records a redemption and resolves with both sides of the rewards', async () => {
    network = await networkWithReceiver();
    const { client } = aClient();
    const delivery = await client.redeem({ orderId: '1001', order, referral });
    expect(delivery).toMatchObject({ ok: true, status: 201, rewards: { friend: { discount: 900, currency: 'USD' } } });
    expect(network.requests).toHaveLength(1);
    expect(queued(client.storage)).toEqual([]);
  });

  it('retries a redemption after a 503, honouring Retry-After in seconds', async () => {
    network = await networkWithReceiver();
    network.setChaos((n) =>
      n === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': '7' } }) : 'pass',
    );
    const { client, waits } = aClient();
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ ok: true, status: 201 });
    expect(waits).toEqual([7000]);
    expect(network.requests).toHaveLength(2);
  });

  it('retries at once on Retry-After: 0, and backs off on a value that is not delay-seconds', async () => {
    network = await networkWithReceiver();
    const values = ['0', '1e3', '0x10'];
    network.setChaos((n) =>
      n <= values.length
        ? new HttpResponse(null, { status: 503, headers: { 'retry-after': values[n - 1] as string } })
        : 'pass',
    );
    const waits: number[] = [];
    const { client } = aClient({ retry: { timeout: 10, base: 100, sleep: async (ms) => void waits.push(ms) } });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ ok: true });
    expect(waits[0]).toBe(0);
    // Full-jitter backoff steps (base 100: up to 400, then 800), not 1,000 or 16 seconds.
    expect(waits[1]).toBeLessThanOrEqual(400);
    expect(waits[2]).toBeLessThanOrEqual(800);
  });

  it('honours a Retry-After given as an HTTP-date on a 429', async () => {
    network = await networkWithReceiver();
    const at = new Date(Date.now() + 20_000).toUTCString();
    network.setChaos((n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': at } }) : 'pass',
    );
    const { client, waits } = aClient();
    await client.redeem({ orderId: '1001', order, referral });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(17_000);
    expect(waits[0]).toBeLessThanOrEqual(20_000);
  });

  it('backs off with full jitter under a cap', async () => {
    network = await networkWithReceiver();
    network.setChaos(() => 'drop');
    const waits: number[] = [];
    const { client } = aClient({
      retry: { limit: 8, base: 100, cap: 1000, timeout: 25, sleep: async (ms) => void waits.push(ms) },
    });
    const delivery = await client.redeem({ orderId: '1001', order, referral });
    expect(delivery).toMatchObject({ ok: false, queued: true, error: { code: 'network_error' } });
    expect(network.requests).toHaveLength(8);
    expect(waits).toHaveLength(7);
    for (const [index, wait] of waits.entries())
      expect(wait).toBeLessThanOrEqual(Math.min(1000, 100 * 2 ** (index + 1)));
  });

  it('treats a request without an answer as a timeout and retries it', async () => {
    network = await networkWithReceiver();
    network.setChaos((n) => (n === 1 ? 'hang' : 'pass'));
    const { client } = aClient();
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ ok: true });
    expect(network.requests).toHaveLength(2);
  });

  it('keeps and retries a redemption the endpoint redirects, never taking where it lands for a verdict', async () => {
    network = await networkWithReceiver();
    // Followed, a 301 turns the POST into a GET of a page that answers 200: the event would be dropped unsent.
    network.setChaos((n) =>
      n === 1 ? new HttpResponse(null, { status: 301, headers: { location: 'https://brand.example/' } }) : 'pass',
    );
    const { client } = aClient({ retry: { limit: 1, timeout: 10 } });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({
      ok: false,
      queued: true,
      error: { code: 'http_301' },
    });
    expect(queued(client.storage)).toEqual([expect.stringContaining('"orderId":"1001"')]);
    await client.flush();
    expect(queued(client.storage)).toEqual([]);
    expect(network.requests).toHaveLength(2);
    expect([...network.recorded.values()]).toEqual([1]);
  });

  it.each([
    ['a single-page app’s fallback page with 200', () => HttpResponse.html('<!doctype html><title>Shop</title>')],
    ['a proxy with 204', () => new HttpResponse(null, { status: 204 })],
    ['another service with 200 JSON', () => HttpResponse.json({ ok: true })],
  ])('keeps and retries a redemption answered by %s, never taking it for a verdict', async (_, answer) => {
    network = await networkWithReceiver();
    network.setChaos((n) => (n === 1 ? answer() : 'pass'));
    const { client } = aClient({ retry: { limit: 1, timeout: 10 } });
    const delivery = await client.redeem({ orderId: '1001', order, referral });
    expect(delivery).toMatchObject({
      ok: false,
      queued: true,
      error: { code: expect.stringMatching(/^http_20[04]$/) },
    });
    expect(queued(client.storage)).toEqual([expect.stringContaining('"orderId":"1001"')]);
    await client.flush();
    expect(queued(client.storage)).toEqual([]);
    expect(network.requests).toHaveLength(2);
    expect([...network.recorded.values()]).toEqual([1]);
  });

  it("keeps a redemption stamped by a fast device clock and delivers it once the server's clock passes the stamp", async () => {
    // The device is 10 minutes ahead of the brand's server; the receiver allows 5.
    let server = new Date('2026-11-22T10:00:00.000Z');
    network = await networkWithReceiver({ now: () => server });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:10:00.000Z') });
    try {
      const { client } = aClient();
      await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({
        ok: false,
        queued: true,
        error: { code: 'future_timestamp', issues: [{ path: ['occurredAt'], code: 'future_timestamp' }] },
      });
      // Not retried at once: seconds later the stamp is still ahead.
      expect(network.requests).toHaveLength(1);
      expect(queued(client.storage)).toHaveLength(1);
      server = new Date('2026-11-22T10:06:00.000Z');
      await client.flush();
      expect(network.recorded.get('1001')).toBe(1);
      expect(new Set(network.requests.map((request) => request.body)).size).toBe(1);
      expect(queued(client.storage)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a refusal for a future time beside another problem as a verdict', async () => {
    network = await networkWithReceiver();
    const issue = (code: string) => ({ path: ['occurredAt'], code, message: code });
    network.setChaos(() =>
      HttpResponse.json(
        {
          error: {
            code: 'invalid_event',
            message: 'Not a valid event',
            issues: [issue('future_timestamp'), issue('too_big')],
          },
        },
        { status: 400 },
      ),
    );
    const { client } = aClient();
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'invalid_event' },
    });
    expect(queued(client.storage)).toEqual([]);
  });

  it('does not retry a 4xx verdict and reports it', async () => {
    network = await networkWithReceiver();
    const { client } = aClient();
    const delivery = await client.redeem({ orderId: '1001', order, referral: { code: 'NOBODY-222222' } });
    expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'unknown_code' } });
    expect(network.requests).toHaveLength(1);
    expect(queued(client.storage)).toEqual([]);
  });

  it('sends the same body on every attempt', async () => {
    network = await networkWithReceiver();
    network.setChaos((n) => (n < 3 ? 'drop-after' : 'pass'));
    const { client } = aClient();
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ ok: true, status: 200 });
    expect(new Set(network.requests.map((request) => request.body)).size).toBe(1);
    expect(network.recorded.get('1001')).toBe(1);
  });

  it('delivers 1,000 redemptions exactly once through drops, 503s, 429s, timeouts and an outage', async () => {
    network = await networkWithReceiver();
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const fates = { pass: 0, failed: 0 };
    network.setChaos((n) => {
      // An outage: every request between the 1,500th and the 1,900th finds no network.
      const roll = n > 1500 && n <= 1900 ? 0 : random();
      if (roll >= 0.5) {
        fates.pass++;
        return 'pass';
      }
      fates.failed++;
      if (n > 1500 && n <= 1900) return 'drop';
      if (roll < 0.15) return 'drop';
      if (roll < 0.3) return 'drop-after';
      if (roll < 0.37) return new HttpResponse(null, { status: 503, headers: { 'retry-after': '1' } });
      if (roll < 0.44)
        return new HttpResponse(null, {
          status: 429,
          headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() },
        });
      return roll < 0.47 ? 'hang' : 'hang-after';
    });
    const { client } = aClient();
    const deliveries = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => client.redeem({ orderId: `order-${index}`, order, referral })),
    );
    expect(deliveries.every((delivery) => delivery.ok || delivery.queued)).toBe(true);
    await drain(client);

    expect(await network.ledgerRedemptions()).toBe(1000);
    expect(network.recorded.size).toBe(1000);
    expect([...network.recorded.values()].every((times) => times === 1)).toBe(true);
    expect(queued(client.storage)).toEqual([]);
    // Every request was one of the 1,000 first tries or a retry of a failed one, no more.
    expect(network.requests).toHaveLength(fates.pass + fates.failed);
    expect(fates.pass).toBeGreaterThanOrEqual(1000);
    expect(fates.failed).toBeGreaterThan(700);
  }, 30_000);

  it('delivers once when the tab closes mid-delivery and the next page load sends it again', async () => {
    network = await networkWithReceiver();
    const page = installPage('https://shop.example/checkout');
    // The first attempt reaches the receiver, but the tab closes before its answer.
    network.setChaos((n) => (n === 1 ? 'hang-after' : 'pass'));
    const first = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, retry: { timeout: 60_000 } });
    void first.redeem({ orderId: '1001', order, referral });
    await vi.waitFor(() => expect(network?.requests).toHaveLength(1));
    page.events.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(network?.requests).toHaveLength(2));
    expect(network.requests[1]?.keepalive).toBe(true);

    // The next page load, with the same storage and fresh modules, flushes what is still in the outbox.
    vi.resetModules();
    const nextPage = await import('./client.js');
    const second = nextPage.createReferkit({ program: 'spring-2026', endpoint: ENDPOINT });
    await second.flush();
    expect(network.requests).toHaveLength(3);
    expect(network.recorded.get('1001')).toBe(1);
    expect(await network.ledgerRedemptions()).toBe(1);
    expect(queued(second.storage)).toEqual([]);
  });

  it('waits out a Retry-After past the cap across page loads: nothing at pagehide or on the next load', async () => {
    network = await networkWithReceiver();
    const page = installPage('https://shop.example/checkout');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
    const busy = () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } });
    network.setChaos((n) => (n === 1 ? busy() : 'pass'));
    const first = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT });
    await expect(first.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ queued: true });
    page.events.dispatchEvent(new Event('pagehide'));
    /** A page load with the same storage and fresh modules, which flushes what is in the outbox. */
    const load = async () => {
      vi.resetModules();
      await (await import('./client.js')).createReferkit({ program: 'spring-2026', endpoint: ENDPOINT }).flush();
    };
    vi.setSystemTime(new Date('2026-11-22T10:01:59.000Z'));
    await load();
    expect(network.requests).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-22T10:02:00.000Z'));
    await load();
    expect(network.requests).toHaveLength(2);
    expect(network.recorded.get('1001')).toBe(1);
  });

  it('sends nothing a flush or `online` finds while a Retry-After runs, even what only memory holds', async () => {
    const { network, page } = await firstAnswered(429, 60);
    // Consent pending: the outbox is the page's memory, as a server's always is.
    const client = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, consent: 'pending' });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ queued: true });
    await client.flush();
    page.events.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(network.requests).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-22T10:01:01.000Z'));
    await client.flush();
    expect(network.recorded.get('1001')).toBe(1);
  });

  it('sends at pagehide, within a Retry-After, the events that only the page’s memory holds', async () => {
    network = await networkWithReceiver();
    const page = installPage('https://shop.example/checkout');
    network.setChaos((n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } }) : 'pass',
    );
    const client = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, consent: 'pending' });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ queued: true });
    page.events.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(network?.recorded.get('1001')).toBe(1));
    expect(network.requests[1]?.keepalive).toBe(true);
  });

  /**
   * A client whose first redemption met a 503 with a 10 s Retry-After, each wait ending when the test
   * says so: `endWait()` moves the clock to the moment the outbox stored and wakes every sleeper.
   */
  async function duringRetryAfter() {
    const { network } = await firstAnswered(503, 10);
    const sleeping: (() => void)[] = [];
    const sleep = () => new Promise<void>((wake) => sleeping.push(wake));
    const client = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, retry: { sleep } });
    const first = client.redeem({ orderId: '1001', order, referral });
    await vi.waitFor(() => expect(sleeping).toHaveLength(1));
    const endWait = () => {
      vi.setSystemTime(Number(localStorage.getItem(`rk_outbox-after ${EVENTS_URL}`)));
      for (const wake of sleeping) wake();
    };
    return { network, client, first, sleeping, endWait };
  }

  it('holds a redemption made while a Retry-After runs, and sends it as the wait ends', async () => {
    const { network, client, first, endWait } = await duringRetryAfter();
    await expect(client.redeem({ orderId: '1002', order, referral })).resolves.toEqual({
      ok: false,
      queued: true,
      error: { code: 'retry_after', message: 'Waiting out a Retry-After' },
    });
    expect(network.requests).toHaveLength(1);
    endWait();
    await expect(first).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => expect(network.recorded.get('1002')).toBe(1));
    expect(network.recorded.get('1001')).toBe(1);
    expect(network.requests).toHaveLength(3);
  });

  it('sends the events made while a Retry-After runs with one flush as the wait ends, not one flush each', async () => {
    const { network, client, first, sleeping, endWait } = await duringRetryAfter();
    const channels = ['sms', 'email', 'whatsapp', 'x', 'copy', 'qr', 'telegram', 'reddit'] as const;
    for (const channel of channels) await client.trackShare(CODE, channel);
    // The retry's own wait, and one flush at the wait's end for the eight shares.
    expect(sleeping).toHaveLength(2);
    endWait();
    await expect(first).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() =>
      expect(network.requests.filter((request) => JSON.parse(request.body).type === 'share')).toHaveLength(8),
    );
  });

  it('sends an event held by a Retry-After when a retry that met another one moved the wait’s end', async () => {
    const { network, client, first, sleeping } = await duringRetryAfter();
    // The first order's retry meets a second 503, which moves the end; every other request passes.
    network.setChaos((n) =>
      n <= 2 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': '10' } }) : 'pass',
    );
    await expect(client.redeem({ orderId: '1002', order, referral })).resolves.toMatchObject({
      error: { code: 'retry_after' },
    });
    expect(sleeping).toHaveLength(2);
    const end = () => Number(localStorage.getItem(`rk_outbox-after ${EVENTS_URL}`));
    const firstEnd = end();
    vi.setSystemTime(firstEnd);
    // The retry's wait ends first, and its 503 is stored before the held order's flush comes.
    sleeping[0]?.();
    await vi.waitFor(() => expect(end()).toBeGreaterThan(firstEnd));
    sleeping[1]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(network.recorded.get('1002')).toBeUndefined();
    // The new end: the held order goes, and the first with its next retry.
    vi.setSystemTime(end());
    for (const wake of sleeping.slice(2)) wake();
    await vi.waitFor(() => expect(network.recorded.get('1002')).toBe(1));
    await expect(first).resolves.toMatchObject({ ok: true });
  });

  it('waits once for a Retry-After when the clock does not move, as a test’s frozen clock does not', async () => {
    await firstAnswered(503, 10, 'https://shop.example/');
    const { client, waits } = aClient();
    await client.redeem({ orderId: '1001', order, referral });
    await expect(client.trackShare(CODE, 'sms')).resolves.toMatchObject({ error: { code: 'retry_after' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first order's retry, and the held share's one wait: then a flush, which finds nothing due yet.
    expect(waits).toEqual([10_000, 10_000]);
  });

  it('holds a share made while a Retry-After past the cap runs, for a flush after it', async () => {
    const { network } = await firstAnswered(429, 120, 'https://shop.example/');
    const client = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({ queued: true });
    await expect(client.trackShare(CODE, 'sms')).resolves.toMatchObject({
      queued: true,
      error: { code: 'retry_after' },
    });
    await client.flush();
    expect(network.requests).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-22T10:02:00.000Z'));
    await client.flush();
    expect(network.requests.map((request) => JSON.parse(request.body).type)).toEqual([
      'redemption',
      'redemption',
      'share',
    ]);
  });

  it('flushes the outbox when the browser comes back online', async () => {
    network = await networkWithReceiver();
    const page = installPage();
    network.setChaos((n) => (n <= 1 ? 'drop' : 'pass'));
    const client = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, retry: { limit: 1 } });
    await expect(client.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({
      ok: false,
      queued: true,
    });
    page.events.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(network?.recorded.get('1001')).toBe(1));
    expect(network.requests).toHaveLength(2);
  });
});
