/**
 * The SDK's consent-respecting key/value store: localStorage plus, for the referral, a first-party
 * cookie (`SameSite=Lax`, `Secure` on https, `path=/`, an optional `domain`), all under the `rk_` prefix.
 * What cannot or may not be persisted (consent pending or denied, storage disabled or throwing,
 * server rendering) is kept in memory for the page's life, quietly: private modes throw on access,
 * and that must not put errors in the host page's console. Nothing here runs at import time.
 */
import type { ConsentState } from './consent.js';
import { quietly } from './quietly.js';

/** A small key/value store; values are strings. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /**
   * The keys it holds (the outbox lists its events by a prefix), those that are not `kept` first: the
   * page sends their events first as it goes, since they go with it.
   */
  keys(): string[];
  /** Whether the device keeps the key past the page's life; without this method, nothing is known to be kept. */
  kept?: ((key: string) => boolean) | undefined;
}

/** The SDK's store: also mirrors a key to a cookie, and follows consent changes. */
export interface ConsentStore extends KeyValueStore {
  /**
   * Stores a value. The referral (`ref`) is mirrored to a first-party cookie that lasts as long as it
   * counts (until its `expiresAt`), so a checkout on a sibling subdomain sees it.
   */
  set(key: string, value: string): void;
  /**
   * Applies a consent change (`granted` persists what was held in memory, `denied` clears what was
   * stored) and returns the state now in force; without an argument it only returns it.
   */
  consent(state?: ConsentState): ConsentState;
}

/** Where the SDK's store keeps things. */
export interface StorageOptions {
  /** The cookie's domain, so a checkout on a sibling subdomain sees the referral (e.g. `shop.example`). */
  domain?: string | undefined;
}

/** The prefix of every localStorage key and cookie name the SDK writes. */
export const STORAGE_PREFIX = 'rk_';

/** How the referral's cookie starts in `document.cookie`: the one key kept in a cookie. */
const REF_COOKIE = `${STORAGE_PREFIX}ref=`;

/** Reads a JSON text (a stored value); `undefined` when absent or unreadable. */
export const readJson = (text: string | null) => quietly(() => JSON.parse(text!));

/**
 * Reconciles a value held in memory while consent was pending with the one a previous page left on
 * the device, when consent is granted; returns what to keep.
 */
export type MergeHeld = (key: string, held: string, stored: string) => string;

const CONSENT_STATES: readonly unknown[] = ['pending', 'granted', 'denied'];

/**
 * `state` when it is one of the three consent states, else `fallback` with one line: a typo
 * ('pendng') must not pass for a state, nor be reported back by `consent()` as one.
 */
const knownConsent = (state: unknown, fallback: ConsentState): ConsentState => {
  if (CONSENT_STATES.includes(state)) return state as ConsentState;
  console.warn(
    `[referkit] Could not use consent ${JSON.stringify(state)}: use ${CONSENT_STATES.join(', ')}. Using ${fallback}.`,
  );
  return fallback;
};

/** Creates the store of one client; memory is per client, so server rendering never shares it between requests. */
export function createStorage(
  initial: ConsentState,
  { domain }: StorageOptions = {},
  merge: MergeHeld = (_key, held) => held,
): ConsentStore {
  // Set below, through consent(): a client created `denied` clears what an earlier page stored, as
  // setConsent('denied') does. Pending is the safe reading of an unknown state: nothing touches the
  // device until consent is given.
  let state: ConsentState = 'pending';
  // What was not persisted.
  const memory = new Map<string, string>();
  // The keys localStorage holds under the prefix, without it.
  const storedKeys = () =>
    (quietly(() => Object.keys(localStorage)) ?? []).flatMap((key) =>
      key.startsWith(STORAGE_PREFIX) ? [key.slice(STORAGE_PREFIX.length)] : [],
    );
  // The referral's cookie comes first: it is the one a sibling subdomain shares. Of several copies
  // (host-only and for a domain, left before `storage.domain` was added or changed) the last is read:
  // browsers list earlier-created cookies first (RFC 6265 §5.4), so it is the newest. Split, not a
  // pattern: a pattern that finds the last match backtracks over a long cookie string on every miss.
  const copies = () => document.cookie.split('; ').filter((pair) => pair.startsWith(REF_COOKIE));
  const stored = (key: string) =>
    (key === 'ref' && quietly(() => decodeURIComponent(copies().pop()!.slice(REF_COOKIE.length)))) ||
    quietly(() => localStorage.getItem(STORAGE_PREFIX + key));
  // Sets the referral's cookie for a domain (host-only without one) for `seconds`; by default, expires it.
  const cookie = (to?: string, value = '', seconds = 0) => {
    // biome-ignore lint/suspicious/noDocumentCookie: document.cookie is the cookie API every supported browser has, and it is synchronous.
    document.cookie = `${REF_COOKIE}${encodeURIComponent(value)};path=/;max-age=${seconds};samesite=lax${
      location.protocol === 'https:' ? ';secure' : ''
    }${to ? `;domain=${to}` : ''}`;
  };
  // Writes a value to the device, or removes it without one, and returns what reads back. The referral's cookie lasts what is left
  // of its window, read from the referral itself, so that it comes back whole whenever the referral is
  // written again (consent granted after a denial); a removal expires it. localStorage and the cookie
  // are written each on its own: a full localStorage (its quota) must not keep the referral from its cookie.
  const write = (key: string, value?: string) => {
    quietly(() => {
      if (value) localStorage.setItem(STORAGE_PREFIX + key, value);
      else localStorage.removeItem(STORAGE_PREFIX + key);
    });
    if (key === 'ref')
      quietly(() => {
        // Every copy an earlier page could have written is expired first: host-only, then for the host and
        // each parent domain in turn (`storage.domain` may have been added or changed since), until none is
        // left. Left behind, an old copy would outlive a denial, or be read for a newer one. No further:
        // Firefox logs an error for each domain it refuses (`com`, an IP address's `0.1`), at every landing.
        for (const to of ['', ...location.hostname.split('.').map((_, at, labels) => labels.slice(at).join('.'))])
          copies()[0] && cookie(to);
        if (value) cookie(domain, value, Math.round((Date.parse(JSON.parse(value).expiresAt) - Date.now()) / 1e3) || 0);
      });
    return stored(key);
  };
  // The site's other tabs: a denial in one is the person's for the site, so each open tab is told, stops
  // writing, and keeps in memory what the denying tab took off the device (the referral, queued events).
  // Made with the store, never at import time, and only in a page; none where the browser lacks it.
  const tabs = globalThis.document && quietly(() => new BroadcastChannel('referkit'));
  let heard: unknown;
  if (tabs) {
    // Node has one too, under a test suite's DOM globals (global-jsdom): unreferenced, it never keeps
    // the process alive, where it kept a `node --test` or mocha run from exiting. Browsers have no unref.
    (tabs as { unref?: () => void }).unref?.();
    tabs.onmessage = ({ data }) => {
      for (const [key, value] of data) memory.has(key) || memory.set(key, value);
      heard = 1;
      store.consent('denied');
      heard = 0;
    };
  }
  const store: ConsentStore = {
    // Reading the device needs consent as much as writing to it does (ePrivacy art. 5(3)).
    get: (key) => memory.get(key) ?? ((state === 'granted' && stored(key)) || null),
    set(key, value) {
      memory.set(key, value);
      // Kept in memory unless it reads back: a browser that blocks cookies (a setting, a third-party
      // frame) drops a cookie write without a word, and refuses localStorage as well.
      if (state === 'granted' && write(key, value) === value) memory.delete(key);
    },
    remove(key) {
      memory.delete(key);
      // While pending the device is not touched at all; denied has already cleared it.
      if (state === 'granted') write(key);
    },
    // What only memory holds comes first (see KeyValueStore.keys).
    keys: () => [...new Set([...memory.keys(), ...(state === 'granted' ? storedKeys() : [])])],
    // What was stored left memory once it read back: what memory still holds goes with the page.
    kept: (key) => !memory.has(key),
    consent(asked = state) {
      const next = knownConsent(asked, state);
      // Only a change clears: reading the state (`consent()`) must not wipe what another tab stores.
      if (next === 'denied' && state !== 'denied') {
        // The cookie holds only the referral; localStorage holds every key under the prefix.
        const taken: string[][] = [];
        for (const key of ['ref', ...storedKeys()]) {
          // The page keeps what it knew for its own life; only the device forgets. Events an earlier
          // page queued are taken along to be sent from memory: a report of an order placed is owed
          // to the friend and the ambassador, and clearing it would lose a reward, not a trace.
          const value = store.get(key) ?? (key.startsWith('outbox') ? stored(key) : null);
          write(key);
          if (value) taken.push([key, value]) && memory.set(key, value);
        }
        heard || tabs?.postMessage(taken);
      }
      if (next === 'granted' && state !== 'granted') {
        state = next;
        // A previous page may have left a referral (or an event) on the device: merge, never overwrite.
        for (const [key, value] of memory) {
          const before = stored(key);
          store.set(key, (before && quietly(() => merge(key, value, before))) || value);
        }
      }
      state = next;
      return state;
    },
  };
  store.consent(initial);
  return store;
}
