/**
 * The outbox: every event is stored before it is sent and removed only on a verdict (2xx or a final
 * 4xx), so a flaky network, a 503 or a closing tab cannot lose it. Retries reuse the very same body,
 * whose event `id` (and, for a redemption, `program + orderId`) is the receiver's idempotency key,
 * so a retry of a request that did arrive is answered `duplicate`, never counted twice.
 * Each event is stored under a key of its own, `outbox:<event id> <events URL>`, added and removed on
 * its own: tabs share localStorage without a lock, and one list that each tab read and wrote whole let
 * a write from one tab erase an event another had just queued.
 */
import { attempt, type Delivery, type Transport } from './delivery.js';
import { type KeyValueStore, readJson } from './storage.js';

/** Retry policy, as plain data. */
export interface RetryOptions {
  /** Attempts per delivery before it resolves `queued` and waits for the next flush. @default 5 */
  limit?: number | undefined;
  /** The first backoff step in ms; attempt n then waits a random time up to `base * 2^n` (full jitter). @default 500 */
  base?: number | undefined;
  /**
   * The longest wait between attempts in ms; a `Retry-After` longer than this ends the run as `queued`,
   * and what is queued meanwhile waits for a flush after it (a page load, `online`). @default 30000
   */
  cap?: number | undefined;
  /** Milliseconds before an attempt is abandoned. @default 10000 */
  timeout?: number | undefined;
  /** How to wait between attempts. @default setTimeout */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** A persisted queue of event bodies and the loop that delivers them. */
export interface Outbox {
  /**
   * Stores a body, then delivers it; while the wait a Retry-After named runs, resolves `queued` with
   * `retry_after` at once and sends it when the wait ends.
   */
  add(body: string): Promise<Delivery>;
  /** Delivers every stored body that is due; one already on its way is waited for, not sent again. */
  flush(): Promise<Delivery[]>;
  /** The stored bodies that are due as the page goes (it sends them then), those only its memory holds included. */
  bodies(): string[];
}

/**
 * The delivery under way for each body, so a flush joins it rather than sending the body twice. One
 * map for the page, not one per outbox: the widget's client and a checkout's share the stored
 * outbox, and each flushes it when created. A body holds its event's random id, so two outboxes
 * share an entry only when they share the body itself.
 */
const sending = new Map<string, Promise<Delivery>>();

/**
 * The start of each stored event's key; the rest is the event's id and the URL it is for. The server
 * client reads it to find a redemption its reversal waits behind (behind-redemption.ts).
 */
export const KEY = 'outbox:';

/**
 * The start of the key of the time (ms since the epoch) before which a receiver asked not to be sent to
 * again; the rest is its URL. Alone, an earlier version's wait for every endpoint.
 */
const AFTER = 'outbox-after';

/** The key of the text of an earlier version's single list last moved to keys of their own. */
const MOVED = 'outbox-moved';

/**
 * Creates the outbox of one client over its store. It sends only the events queued for its URL and,
 * with `program`, of that program: clients of two programs, or of two brands with one program id, share
 * a site's storage and each sends to its own endpoint, so one that sent the other's events there had
 * them refused (`unknown_program`, `unknown_code`, final) and lost. A Retry-After is the URL's: one
 * endpoint's 429 holds every event for it, whichever program's, and no other endpoint's.
 */
export function createOutbox(
  store: KeyValueStore,
  transport: Transport & { program?: string },
  {
    limit = 5,
    base = 500,
    cap = 3e4,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }: RetryOptions = {},
): Outbox {
  // An event's key ends with the URL it is for: an event for another endpoint goes there with its own client.
  const { url, program } = transport;
  const at = ` ${url}`;
  // How long the receiver still asked to be left alone (a Retry-After, stored with the outbox so that
  // a reload honours it), in ms; none when not above 0. It is the endpoint's, for every client that
  // posts there: two programs' clients on one receiver each met its 429 once.
  const after = AFTER + at;
  // An earlier version's wait, for every program under one key, still holds after an upgrade.
  const wait = () => Math.max(+store.get(after)!, +store.get(AFTER)!) - Date.now();
  // The keys of the stored events. An outbox an earlier version kept as one list (`outbox`) is moved
  // to keys of their own first, so nothing queued before an upgrade is lost. The list is left where it
  // is, and its text noted as moved: a tab of that version still open adds to the list by writing it
  // back whole, and tabs see each other's writes late, the last to a key winning, so removing the list
  // could erase an event that tab had just added. A list written since is moved again (events of it
  // already delivered come back as duplicates, never as a second count). Storage is the page's to write
  // too: anything under that key but event bodies in a list is junk, never sent. Junk, or no list, leaves
  // nothing to move and no tab of that version adding to it: it goes, and the note of its move with it, so
  // that neither takes the quota for good.
  const keys = (going?: boolean) => {
    const list = store.get('outbox');
    const bodies = readJson(list);
    if (!Array.isArray(bodies)) {
      store.remove('outbox');
      store.remove(MOVED);
    } else if (list !== store.get(MOVED)) {
      for (const body of bodies) {
        const id = readJson(body)?.id;
        if (id) store.set(KEY + id, body);
      }
      store.set(MOVED, list!);
    }
    // Before the time a Retry-After named, no body is due: the flush at the wait's end, or a later one,
    // sends it. Only as the page goes is one that only its memory holds (consent pending, storage
    // refused) due all the same, or it would be lost with the page.
    const waiting = wait() > 0;
    // A key without a URL (an event id has no space) is an earlier version's, or from its list: sent, as
    // then, by the first client of its program to find it. Kept for one endpoint, it could wait for ever.
    // With a program, only its events: another program's go to its own endpoint, with its own client.
    // What is no event of any program (not JSON, a list, `null`) no client sends: it is removed here.
    return store.keys().filter((key) => {
      if (!key.startsWith(KEY)) return false;
      const event = readJson(store.get(key));
      if (typeof event?.program !== 'string') {
        store.remove(key);
        return false;
      }
      return (
        (key.endsWith(at) || !key.includes(' ')) &&
        (!program || event.program === program) &&
        !(waiting && (!going || store.kept?.(key)))
      );
    });
  };
  const run = async (key: string, body: string): Promise<Delivery> => {
    for (let step = 1; ; step++) {
      const [result, wait] = await attempt(body, transport);
      // The receiver's own wait outlives the page: a reload within it must not send again at once. Not a
      // future_timestamp's (Infinity): that event is sent again at the next load.
      if ((wait as number) < Infinity) store.set(after, Date.now() + wait! + '');
      const done = result.ok || !result.queued;
      // Only if the key still holds this body: an event given the same id since is another delivery's.
      if (done && store.get(key) === body) store.remove(key);
      // A Retry-After past the cap is honoured by not retrying now: the next flush comes later.
      if (done || step >= limit || wait! > cap) {
        sending.delete(body);
        return result;
      }
      await sleep(wait! >= 0 ? wait! : Math.random() * Math.min(cap, base * 2 ** step));
    }
  };
  const deliver = (key: string, body: string) => sending.get(body) ?? sending.set(body, run(key, body)).get(body)!;
  // Starting a request costs the page ~0.5 ms in Chromium before a byte leaves, so a day offline's
  // 1,000 events, all started in one task, held the page ~0.6 s: the flush lets the page run after each
  // 20 ms of starting requests. An event delivered meanwhile (by another tab) is not sent again. Not in a
  // hidden page: no one waits on it, and the browser runs its timers once a second, or a minute.
  const flush = async () => {
    const deliveries: Promise<Delivery>[] = [];
    let since = Date.now();
    for (const key of keys()) {
      if (Date.now() - since > 20 && !globalThis.document?.hidden) {
        await new Promise((resume) => setTimeout(resume));
        since = Date.now();
      }
      const body = store.get(key);
      if (body) deliveries.push(deliver(key, body));
    }
    return Promise.all(deliveries);
  };
  /** When the flush that ends a Retry-After wait is due, once one is set. */
  let flushAt = 0;
  // The flush at a wait's end. A retry that met another 429 or 503 meanwhile moved the end later: it waits
  // again (what it holds would not be due yet, and with no later flush it would wait for the next page).
  // Only for a later end, so that a clock that does not move (a test's) cannot keep it waiting for ever.
  const due = (): unknown => {
    const left = wait();
    const end = Date.now() + left;
    if (!(left > 0 && left <= cap && end > flushAt + 99)) return flush();
    flushAt = end;
    return sleep(left).then(due);
  };
  return {
    async add(body) {
      const key = KEY + readJson(body)?.id + at;
      store.set(key, body);
      const left = wait();
      if (!(left > 0)) return deliver(key, body);
      // Sent now, it would meet the 429 or 503 whose Retry-After is running: it waits with the others
      // and goes with a flush when the wait ends, or, for a wait past the cap, with a later one. One
      // flush at that end for all of them (another if a later Retry-After moves it): one each, each
      // reading every stored event, blocked the page for seconds. The end is read again at each add, a few
      // ms apart on one clock: within 99 ms it is the same end.
      if (left <= cap && Date.now() + left > flushAt + 99) due();
      return { ok: false, queued: true, error: { code: 'retry_after', message: 'Waiting out a Retry-After' } };
    },
    flush,
    bodies: () => keys(true).map((key) => store.get(key)!),
  };
}
