/** When the outbox sends: junk it skips, a Retry-After an earlier page or another tab stored, and its default backoff with full jitter. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutbox } from './outbox.js';
import type { KeyValueStore } from './storage.js';
import { aShareBody } from './testing/queued.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const answering = (status: number, body: unknown) => (async () => Response.json(body, { status })) as typeof fetch;

/** A store with only the methods every KeyValueStore has (no `kept()`), as a page may hand one over. */
function mapStore(entries: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(entries));
  return {
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe("the outbox's timing", () => {
  it('sends only the events it stored, never the other keys of its store', async () => {
    const fetch = vi.fn(answering(201, { status: 'recorded' }));
    const store = mapStore({
      ref: '{"code":"ALEX-7HC2QK","landedAt":"x","expiresAt":"y"}',
      seen: 'ALEX-7HC2QK 1',
      'outbox:a': aShareBody('evt_a'),
    });
    await createOutbox(store, { url: 'https://r.example/e', fetch }).flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.get('ref')).toBeDefined();
  });
  it('skips junk stored under an outbox key when it sends for one program', async () => {
    const fetch = vi.fn(answering(201, { status: 'recorded' }));
    const store = mapStore({ 'outbox:junk': 'not json', 'outbox:a': aShareBody('evt_a') });
    await expect(
      createOutbox(store, { url: 'https://r.example/e', fetch, program: 'spring-2026' }).flush(),
    ).resolves.toHaveLength(1);
  });
  it('hands over the bodies at pagehide during a Retry-After from a store without kept()', () => {
    const store = mapStore({ 'outbox-after': String(Date.now() + 60_000), 'outbox:a': aShareBody('evt_a') });
    expect(() => createOutbox(store, { url: 'https://r.example/e', fetch: answering(201, {}) }).bodies()).not.toThrow();
  });
  it('sends an event held by a Retry-After an earlier page stored, when the wait ends (no other retry in flight)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
    const fetch = vi.fn(answering(201, { status: 'recorded' }));
    const store = mapStore({ 'outbox-after': String(Date.now() + 5000) });
    const sleeping: (() => void)[] = [];
    const outbox = createOutbox(
      store,
      { url: 'https://r.example/e', fetch },
      { sleep: () => new Promise((wake) => sleeping.push(wake)) },
    );
    await expect(outbox.add(aShareBody('evt_a'))).resolves.toMatchObject({
      queued: true,
      error: { code: 'retry_after' },
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(sleeping).toHaveLength(1);
    vi.setSystemTime(Date.now() + 5000);
    sleeping[0]!();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });
  it("waits again when another tab moved the Retry-After's end later", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
    const fetch = vi.fn(answering(201, { status: 'recorded' }));
    const store = mapStore({ 'outbox-after': String(Date.now() + 5000) });
    const waits: number[] = [];
    const sleeping: (() => void)[] = [];
    const outbox = createOutbox(
      store,
      { url: 'https://r.example/e', fetch },
      {
        sleep: (ms) => {
          waits.push(ms);
          return new Promise((wake) => sleeping.push(wake));
        },
      },
    );
    await outbox.add(aShareBody('evt_a'));
    // another tab's 429 moves the end 20 s later
    store.set('outbox-after', String(Date.now() + 20_000));
    vi.setSystemTime(Date.now() + 5000);
    sleeping[0]!();
    await vi.waitFor(() => expect(waits).toHaveLength(2));
    expect(waits[1]).toBeGreaterThan(14_000);
    expect(fetch).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + 15_000);
    sleeping[1]!();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });
  it('backs off by default with setTimeout and full jitter: random 0.5 → 500 ms, then 1000 ms', async () => {
    vi.useFakeTimers();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fetch = vi.fn(answering(503, {}));
    const outbox = createOutbox(mapStore(), { url: 'https://r.example/e', fetch }, { limit: 3 });
    const done = outbox.add(aShareBody('evt_a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    await expect(done).resolves.toMatchObject({ queued: true });
    random.mockRestore();
  });
  it('waits out a Retry-After exactly as long as the cap, rather than leaving it to the next flush', async () => {
    const waits: number[] = [];
    let n = 0;
    const fetch = (async () =>
      ++n === 1
        ? new Response(null, { status: 503, headers: { 'retry-after': '30' } })
        : Response.json({ status: 'recorded' }, { status: 201 })) as typeof globalThis.fetch;
    const outbox = createOutbox(
      mapStore(),
      { url: 'https://r.example/e', fetch },
      { sleep: async (ms) => void waits.push(ms) },
    );
    await expect(outbox.add(aShareBody('evt_a'))).resolves.toMatchObject({ ok: true });
    expect(waits).toEqual([30_000]);
  });
});
