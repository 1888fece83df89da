import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReferkit } from './client.js';
import type { Transport } from './delivery.js';
import { createOutbox } from './outbox.js';
import type { KeyValueStore } from './storage.js';
import { installPage } from './testing/fake-page.js';
import { aShareBody, queued } from './testing/queued.js';

afterEach(() => vi.unstubAllGlobals());

const URL = 'https://shop.example/api/referrals/events';
const offline: Transport = { url: URL, fetch: () => Promise.reject(new TypeError('Failed to fetch')) };

/**
 * One localStorage shared by tabs, as Chromium runs it: each tab reads and writes a copy of its own,
 * and what one tab writes reaches the others only later (`sync()`), the last write to a key winning.
 */
function sharedStorage() {
  const shared = new Map<string, string>();
  const writes: [key: string, value: string | null][] = [];
  const copies: Map<string, string>[] = [];
  return {
    tab(): KeyValueStore {
      const copy = new Map(shared);
      copies.push(copy);
      const write = (key: string, value: string | null) => {
        if (value === null) copy.delete(key);
        else copy.set(key, value);
        writes.push([key, value]);
      };
      return {
        get: (key) => copy.get(key) ?? null,
        set: write,
        remove: (key) => write(key, null),
        keys: () => [...copy.keys()],
      };
    },
    sync() {
      for (const [key, value] of writes.splice(0)) {
        if (value === null) shared.delete(key);
        else shared.set(key, value);
      }
      for (const copy of copies) {
        copy.clear();
        for (const [key, value] of shared) copy.set(key, value);
      }
    },
  };
}

describe('two tabs sharing one outbox', () => {
  it('keeps both events when each tab queues one at the same moment', async () => {
    const storage = sharedStorage();
    const [a, b] = [storage.tab(), storage.tab()].map((tab) => createOutbox(tab, offline, { limit: 1 }));
    // Each tab reads the outbox before the other's write reaches it, then writes.
    await Promise.all([a?.add(aShareBody('evt_tab_a_0001')), b?.add(aShareBody('evt_tab_b_0001'))]);
    storage.sync();
    expect(createOutbox(storage.tab(), offline).bodies().sort()).toEqual([
      aShareBody('evt_tab_a_0001'),
      aShareBody('evt_tab_b_0001'),
    ]);
  });

  it('keeps an event one tab queued while the other removed one it delivered', async () => {
    const storage = sharedStorage();
    const first = storage.tab();
    await createOutbox(first, offline, { limit: 1 }).add(aShareBody('evt_delivered_1'));
    storage.sync();
    const online: Transport = { url: URL, fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }) };
    const [a, b] = [storage.tab(), storage.tab()];
    await createOutbox(b, offline, { limit: 1 }).add(aShareBody('evt_queued_0001'));
    await createOutbox(a, online).flush();
    storage.sync();
    expect(createOutbox(storage.tab(), offline).bodies()).toEqual([aShareBody('evt_queued_0001')]);
  });
});

describe('a flush of many events', () => {
  it('does not send again an event it queued that another tab delivered meanwhile', async () => {
    const storage = sharedStorage();
    let up = false;
    const sent: string[] = [];
    const receiver: Transport = {
      url: URL,
      fetch: async (_url, init) => {
        if (!up) throw new TypeError('Failed to fetch');
        sent.push(String(init?.body));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    };
    const outbox = createOutbox(storage.tab(), receiver, { limit: 1 });
    await outbox.add(aShareBody('evt_queued_0001'));
    storage.sync();
    // Another tab's outbox delivered it and took it off the device. (A denial there hands what it takes
    // off the device to the other tabs' stores over the consent channel instead: storage.ts.)
    storage.tab().remove(`outbox:evt_queued_0001 ${URL}`);
    storage.sync();
    up = true;
    await outbox.flush();
    expect(sent).toEqual([]);
  });

  it('does not send an event another tab delivered while it let the page run', async () => {
    const store = sharedStorage().tab();
    for (let n = 10; n < 50; n++) store.set(`outbox:evt_many_${n}`, aShareBody(`evt_many_${n}`));
    const sent: string[] = [];
    const outbox = createOutbox(store, {
      url: URL,
      fetch: async (_url, init) => {
        sent.push(JSON.parse(String(init?.body)).id);
        // Each request holds the thread 2 ms, as starting one does in a browser: the flush lets the
        // page run before the 40th, and meanwhile the other tab delivers and removes the last event.
        const until = Date.now() + 2;
        while (Date.now() < until);
        if (sent.length === 1) setTimeout(() => store.remove('outbox:evt_many_49'));
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    await outbox.flush();
    expect(sent).toHaveLength(39);
    expect(sent).not.toContain('evt_many_49');
  });

  it('starts every request at once in a hidden page, whose timers the browser holds back', async () => {
    // A hidden tab's timers run at most once a second, after five minutes once a minute (Chromium's
    // throttling): a flush that waited on them between slices would take minutes for a day's events,
    // and no one is looking at the page it would keep responsive.
    vi.stubGlobal('document', { hidden: true });
    const store = sharedStorage().tab();
    for (let n = 10; n < 50; n++) store.set(`outbox:evt_many_${n}`, aShareBody(`evt_many_${n}`));
    let started = 0;
    let startedBeforeATimer: number | undefined;
    setTimeout(() => {
      startedBeforeATimer = started;
    });
    const outbox = createOutbox(store, {
      url: URL,
      fetch: async () => {
        started++;
        const until = Date.now() + 2;
        while (Date.now() < until);
        return Response.json({ status: 'recorded' }, { status: 201 });
      },
    });
    await outbox.flush();
    await new Promise((timer) => setTimeout(timer));
    expect(startedBeforeATimer).toBe(40);
  });
});

describe('an outbox stored by an earlier version', () => {
  it('is delivered from its single list once, the list left for tabs of that version still open', async () => {
    const page = installPage();
    page.storage.setItem('rk_outbox', JSON.stringify([aShareBody('evt_before_upgrade_1'), 42, 'not json']));
    const posted: string[] = [];
    const aClient = () =>
      createReferkit({
        program: 'spring-2026',
        endpoint: 'https://shop.example/api',
        fetch: async (_url, init) => {
          posted.push(String(init?.body));
          return Response.json({ status: 'recorded' }, { status: 201 });
        },
      });
    await aClient().flush();
    // The next page load finds the list as it was moved, and sends nothing again.
    await aClient().flush();
    expect(posted).toEqual([aShareBody('evt_before_upgrade_1')]);
    expect(Object.keys(page.storage).filter((key) => key.startsWith('rk_outbox:'))).toEqual([]);
    expect(page.storage.getItem('rk_outbox')).toContain('evt_before_upgrade_1');
  });

  it('keeps an event a tab of that version adds to the list while another tab moves it', async () => {
    const storage = sharedStorage();
    storage.tab().set('outbox', JSON.stringify([aShareBody('evt_before_upgrade_1')]));
    storage.sync();
    const [older, newer] = [storage.tab(), storage.tab()];
    // The older tab adds an event and writes its list back whole; the newer one, which has not seen
    // that write yet, moves the list it read. Its writes reach the others last.
    older.set('outbox', JSON.stringify([aShareBody('evt_before_upgrade_1'), aShareBody('evt_older_tab_01')]));
    createOutbox(newer, offline).bodies();
    storage.sync();
    expect(createOutbox(storage.tab(), offline).bodies().sort()).toEqual([
      aShareBody('evt_before_upgrade_1'),
      aShareBody('evt_older_tab_01'),
    ]);
  });

  it('loses nothing when two tabs move it at once', async () => {
    const storage = sharedStorage();
    storage
      .tab()
      .set('outbox', JSON.stringify([aShareBody('evt_before_upgrade_1'), aShareBody('evt_before_upgrade_2')]));
    storage.sync();
    const [a, b] = [createOutbox(storage.tab(), offline), createOutbox(storage.tab(), offline)];
    expect(a.bodies()).toEqual(b.bodies());
    storage.sync();
    expect(createOutbox(storage.tab(), offline).bodies().sort()).toEqual([
      aShareBody('evt_before_upgrade_1'),
      aShareBody('evt_before_upgrade_2'),
    ]);
  });
});

describe('clients of one site posting to their own endpoints', () => {
  /** A receiver that records what it knows (its own brand's code) and refuses any other code for good. */
  const brand = (url: string, sent: string[], code = 'ALEX-7HC2QK', down = false): Transport => ({
    url,
    fetch: async (_url, init) => {
      sent.push(`${url} ${JSON.parse(String(init?.body)).id}`);
      if (down) return Response.json({ error: { code: 'store_unavailable', message: 'down' } }, { status: 503 });
      return JSON.parse(String(init?.body)).code === code
        ? Response.json({ status: 'recorded' }, { status: 201 })
        : Response.json({ error: { code: 'unknown_code', message: 'No such code' } }, { status: 422 });
    },
  });

  it("leaves an event queued for one brand's endpoint to that brand, though another's names the same program", async () => {
    const store = sharedStorage().tab();
    const sent: string[] = [];
    const program = 'spring-2026';
    await createOutbox(store, { ...brand('/brand-a/api', sent, 'ALEX-7HC2QK', true), program }, { limit: 1 }).add(
      aShareBody('evt_brand_a_0001'),
    );
    await createOutbox(store, { ...brand('/brand-b/api', sent, 'BOBB-7HC2QK'), program }).flush();
    expect(sent).toEqual(['/brand-a/api evt_brand_a_0001']);
    // Brand A's endpoint is back: the next flush of brand A's client records it.
    await expect(createOutbox(store, { ...brand('/brand-a/api', sent), program }).flush()).resolves.toEqual([
      { ok: true, status: 201 },
    ]);
  });

  it('sends an event an earlier version stored without its endpoint, as any client of its program did', async () => {
    const store = sharedStorage().tab();
    store.set('outbox:evt_before_upgrade_1', aShareBody('evt_before_upgrade_1'));
    const sent: string[] = [];
    await createOutbox(store, { ...brand('/brand-a/api', sent), program: 'spring-2026' }).flush();
    expect(sent).toEqual(['/brand-a/api evt_before_upgrade_1']);
    expect(queued(store)).toEqual([]);
  });

  it("holds every program's events during the Retry-After their shared endpoint gave one of them", async () => {
    const store = sharedStorage().tab();
    const sent: string[] = [];
    const busy: Transport = {
      url: URL,
      fetch: async (_url, init) => {
        sent.push(JSON.parse(String(init?.body)).program);
        return Response.json(
          { error: { code: 'rate_limited', message: 'Slow down' } },
          { status: 429, headers: { 'retry-after': '120' } },
        );
      },
    };
    const leaders = JSON.stringify({ ...JSON.parse(aShareBody('evt_leaders_01')), program: 'leaders' });
    await expect(
      createOutbox(store, { ...busy, program: 'spring-2026' }).add(aShareBody('evt_ambassador_1')),
    ).resolves.toMatchObject({ queued: true, error: { code: 'rate_limited' } });
    await expect(createOutbox(store, { ...busy, program: 'leaders' }).add(leaders)).resolves.toMatchObject({
      queued: true,
      error: { code: 'retry_after' },
    });
    expect(sent).toEqual(['spring-2026']);
  });
});
