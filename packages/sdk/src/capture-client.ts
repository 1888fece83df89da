/**
 * `createCaptureClient`: the part of the browser client a storefront page needs — capture the
 * referral when a friend lands, read it, follow consent, build share links and report shares —
 * without redemptions and their email hashing. `createReferkit` is this client plus `redeem`; the
 * widget's script tag, which never redeems, imports this one and leaves the rest out of its bundle.
 * Nothing runs until it is called: the module imports cleanly during server rendering.
 */
import type { Channel } from '@referkit/events';
import { EVENT_ID_PATTERN, normalizeCode, SLUG_PATTERN } from '@referkit/events/code';
import {
  type AttributionMemory,
  type AttributionOptions,
  attribution,
  type Referral,
  wellFormed,
} from './attribution.js';
import type { ConsentState } from './consent.js';
import { type Delivery, postOf } from './delivery.js';
import {
  apiUrl,
  buildShareLink,
  CHANNEL_PARAM,
  fetchableUrl,
  type LinkResult,
  pageOrigin,
  readReferral,
  type Utm,
  withoutParams,
} from './link.js';
import { createOutbox, type RetryOptions } from './outbox.js';
import { quietly } from './quietly.js';
import { createStorage, type KeyValueStore, type StorageOptions } from './storage.js';

/** Options of {@link createCaptureClient} and `createReferkit`. */
export interface ReferkitOptions {
  /** The program's slug, e.g. `spring-2026`; without one, every event is refused at once (`invalid_program`). */
  program: string;
  /**
   * The brand's API base (e.g. `/api`); events go to `${endpoint}/referrals/events`. One that is not an
   * http(s) URL fetchable on the page (or not text) refuses every event at once (`invalid_endpoint`).
   */
  endpoint: string;
  /** The query parameter that carries the code. @default 'ref' */
  param?: string | undefined;
  attribution?: AttributionOptions | undefined;
  /** What may be stored on the device; change it later with `setConsent`. @default 'granted' */
  consent?: ConsentState | undefined;
  storage?: StorageOptions | undefined;
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  retry?: RetryOptions | undefined;
  /**
   * Remove the code from the address bar after capturing it (`history.replaceState`), once consent is
   * granted (at capture, or when `setConsent('granted')` comes later): while it is pending or denied
   * the address is the one place the referral survives a reload.
   * @default false
   */
  cleanUrl?: boolean | undefined;
}

/** What {@link CaptureClient.shareLink} needs; `base` defaults to the site's home page. */
export interface ClientShareLinkInput {
  base?: string | undefined;
  code: string;
  channel?: Channel | undefined;
  utm?: Utm | undefined;
}

/** The client without redemptions. */
export interface CaptureClient {
  /** Reads a referral from the URL (default: the address bar), stores it and reports the landing in the background. */
  capture(url?: string | URL): Referral | null;
  /** The current referral, `null` when none or expired. */
  referral(): Referral | null;
  setConsent(state: ConsentState): void;
  consent(): ConsentState;
  shareLink(input: ClientShareLinkInput): LinkResult;
  /** Reports that an ambassador shared their link on a channel. */
  trackShare(code: string, channel: Channel): Promise<Delivery>;
  /** Delivers every event still in the outbox. */
  flush(): Promise<void>;
  /** Forgets the referral (events already in the outbox are still delivered). */
  clear(): void;
  /** A consent-respecting key/value store (the widget remembers a dismissed banner here). The key `ref` and those starting `seen` or `outbox` are the SDK's own. */
  storage: KeyValueStore;
}

/** Puts an event in the outbox: its type, the code it credits (normalised here, junk refused), its own fields. */
export type SendEvent = (
  type: string,
  code: string,
  fields: object,
  id?: string,
  occurredAt?: string,
) => Promise<Delivery>;

/**
 * A capture client and the parts `createReferkit` builds `redeem` from. A tuple, not an object: its
 * names would be spelled out in every bundle, and it never leaves the SDK.
 */
export type ClientParts = [client: CaptureClient, send: SendEvent, memory: AttributionMemory];

/** A delivery refused before any request, with the reason. */
export const refuse = async (code: string, message: string): Promise<Delivery> => ({
  ok: false,
  queued: false,
  error: { code, message },
});

/**
 * A new event id: `evt_` and 128 random bits as four decimal numbers. getRandomValues works on plain
 * http pages too, where `crypto.randomUUID` is missing, and costs a fraction of nanoid's bytes.
 */
const eventId = () => `evt_${crypto.getRandomValues(new Uint32Array(4)).join('_')}`;

/**
 * An address without its fragment: an in-page link changes only that, and not every browser keeps it
 * in a navigation entry's name.
 */
const pageOf = (address: string | URL) => `${address}`.split('#')[0]!;

/**
 * Whether `page` is the address this document was reloaded at or came back to by back/forward
 * (Navigation Timing): a second view of a landing, not a new one. Runtimes without the method (some
 * edge workers) have no navigation to go by.
 */
const revisited = (page: string) => {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return !!entry && pageOf(entry.name) === page && /^(reload|back_forward)$/.test(entry.type);
};

/**
 * The page's send as it goes, shared by every client of the page: the pagehide it is for, the bodies
 * sent at it, and their bytes against the one keepalive quota. Clients of one program (a widget
 * initialised again, a checkout's own) list the same stored events, and each sent them all.
 */
let leaving: Event | undefined;
let sentAsLeaving: Set<string>;
let bytesAsLeaving: number;

/** Builds a capture client and hands out its parts; see {@link createCaptureClient}. */
export const clientParts = (given: ReferkitOptions): ClientParts => {
  // Own properties only: an old library's enumerable `Object.prototype.param` (or `cleanUrl`, `consent`)
  // would be read for an option the brand did not set. `__proto__: null`: no prototype to read through.
  const options = { __proto__: null, ...given } as ReferkitOptions;
  // An option given as `null` (a setting read from JSON, a form) is absent, as `undefined` is: its
  // default applies (`??`, `|| {}` below), and no property of it is read.
  const { program, endpoint } = options;
  const param = options.param ?? 'ref';
  // The receiver takes events of a program only: without one, or with one that is no slug, every event
  // is refused here, at once, rather than queued to be refused there for good.
  const known = typeof program === 'string' && SLUG_PATTERN.test(program);
  const store = createStorage(options.consent ?? 'granted', options.storage || {}, (key, held, stored) =>
    // Under first touch a stored referral still inside its window keeps the credit. Events queued
    // before consent have keys of their own: they join those a previous page left.
    key === 'ref' && memory.model === 'first_touch' && wellFormed(JSON.parse(stored)) ? stored : held,
  );
  // Text only: a number or an object made text (`42`, `[object Object]`) reads as a path on the page. No
  // URL (''): every event is refused, as for an endpoint that is no http(s) URL.
  const url = typeof endpoint === 'string' ? apiUrl(endpoint, '/referrals/events') : '';
  // Whose landings: each program reports one to its own receiver, as its events go there (outbox.ts).
  const scope = ` ${program} ${url}`;
  const memory = attribution(store, options.attribution || {}, scope);
  // Looked up at each call, so a fetch mocked or polyfilled after creation is the one used; async, so a
  // fetch that throws (a refused keepalive) rejects instead.
  const post: typeof fetch = async (...args) => (options.fetch ?? fetch)(...args);
  const outbox = createOutbox(
    store,
    { url, fetch: post, timeout: options.retry?.timeout, program },
    options.retry || {},
  );
  // A code passed in (from a server cookie, a form) is read as a link's is; junk is refused here, not at the
  // receiver. So is an id passed in (a redemption's, made from the order) that is no event id: the receiver
  // would refuse it for good, and the outbox, which keys each event by its id, would keep one of two
  // events given the same bad id.
  const send: SendEvent = (type, code, fields, id = eventId(), occurredAt = new Date().toISOString()) => {
    const normal = normalizeCode(code);
    // fetch reads a relative endpoint against the document's base URL (an about:blank or srcdoc frame's is
    // its parent's), or a worker's location. With none (server rendering, a script in Node), one that is
    // not http(s), or an http one the browser blocks from an https page, no attempt can ever arrive: a
    // mistake of setup, refused at once (`invalid_endpoint`, in the server entry too), not retried as
    // network trouble and queued.
    return !(url && fetchableUrl(url, globalThis.document?.baseURI ?? place?.href))
      ? refuse('invalid_endpoint', `Not an http(s) URL fetchable here: ${url || endpoint}`)
      : !known
        ? refuse('invalid_program', `Not a program's slug: ${program}`)
        : !EVENT_ID_PATTERN.test(id)
          ? refuse('invalid_id', `Not an event id: ${id}`)
          : normal
            ? outbox.add(JSON.stringify({ v: 1, id, type, program, code: normal, occurredAt, ...fields }))
            : refuse('invalid_code', 'Not a referral code');
  };
  const place = globalThis.location;
  // With `cleanUrl`, the code leaves the address bar once it may be stored: until then the address is
  // the one place the referral survives a reload.
  const cleanAddress = () => {
    if (options.cleanUrl && place && store.consent() === 'granted' && readReferral(place.href, param)) {
      // An absolute address: a path like `//host/x` read as relative would name another origin.
      history.replaceState(history.state, '', withoutParams(place.href, [param, CHANNEL_PARAM]));
    }
  };

  // The addresses with a referral this document has been at. A single-page app that comes back to one
  // (the back button fires popstate, not a navigation) shows it again: a second view, as a reload is.
  const visited = new Set<string>();
  // The last landing's decision: a flush waits for it, so `capture()` then `flush()` sends the landing.
  let deciding: Promise<void> | undefined;

  const client: CaptureClient = {
    capture(url) {
      // A page the browser prerenders (a link hovered, the address bar's guess) is not a landing until
      // the person views it, and may never be: it waits until then, and holds what was held before.
      // The address is read then: the page shown may have another query (No-Vary-Search). Only `true`
      // says so: an element named "prerendering" (`<img name>`) is the document's property of that name.
      if ((globalThis.document as { prerendering?: unknown } | undefined)?.prerendering === true) {
        document.addEventListener('prerenderingchange', () => client.capture(url), { once: true });
        return memory.read();
      }
      const input = url ?? place?.href;
      const found = readReferral(input!, param);
      if (found) {
        const page = pageOf(input!);
        const revisit = visited.has(page) || revisited(page);
        memory.land(found, revisit);
        // No `url` in the event: the landing page's query may carry personal data, and the code says
        // whose link it was.
        const report = () => {
          // A client without a program records no landing of its own (`seen undefined …`).
          if (known && memory.landing(found.code, revisit))
            void send('landing', found.code, { channel: found.channel });
        };
        const locks = globalThis.navigator?.locks;
        // Two tabs opening one link at once each read "not seen" before the other's note reached its
        // storage, and each reported a landing. The browser's lock manager sees every tab at once: the
        // tab that takes the code's lock reports, and holds it a few seconds, until its note is in
        // the others' storage; a tab that finds it taken is a second view of that landing. A lock per
        // program too, as the record is: another program's client on the page holds its own.
        deciding = new Promise<void>((decided) => {
          if (!locks) return decided(report());
          locks
            .request(`rk_landing:${found.code}${scope}`, { ifAvailable: true }, (lock) => {
              if (lock) report();
              decided();
              return lock && new Promise((end) => setTimeout(end, 3e3));
            })
            // An opaque origin (a sandboxed frame) may hold no lock: its storage is its own anyway.
            .catch(() => decided(report()));
        });
        // The address bar's own address, as text or as a URL object.
        if (`${input}` === place?.href) {
          visited.add(page);
          cleanAddress();
        }
      }
      return memory.read();
    },
    referral: memory.read,
    setConsent(next) {
      // Bodies a previous page left become visible only now: send them now, not on the next load.
      if (store.consent(next) === 'granted') {
        cleanAddress();
        void client.flush();
      }
    },
    consent: () => store.consent(),
    shareLink: (input) => buildShareLink({ param, ...input, base: input.base ?? `${pageOrigin()}/` }),
    trackShare: (code, channel) => send('share', code, { channel }),
    // Whatever became of the landing's decision, the outbox is flushed: a flush never rejects into the page.
    flush: () =>
      Promise.resolve(deciding)
        .then(outbox.flush, outbox.flush)
        .then(() => {}),
    clear: memory.clear,
    storage: store,
  };

  if (typeof window === 'object') {
    addEventListener('online', client.flush);
    // The page may be gone before an answer: `keepalive` outlives it, and sendBeacon stands in where
    // keepalive is refused or missing. An event that arrives twice is a duplicate. Both share one quota,
    // 64 KiB of bodies in flight for the whole page (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch),
    // and a send past it fails: so this stops short of it, the events only the page's memory holds
    // first (the store lists them first), since they go with the page; what the device keeps waits for
    // the next load. 60,000 B leaves room for keepalive requests the page still has in flight: the host
    // page's own, or ours from an earlier pagehide when it left, came back from the back/forward cache
    // and leaves again.
    addEventListener('pagehide', (event) => {
      if (leaving !== event) {
        leaving = event;
        sentAsLeaving = new Set();
        bytesAsLeaving = 0;
      }
      // Each body once, whichever client of the page lists it first.
      for (const body of outbox.bodies().filter((body) => !sentAsLeaving.has(body) && sentAsLeaving.add(body))) {
        const blob = new Blob([body], { type: 'application/json' });
        bytesAsLeaving += blob.size;
        if (bytesAsLeaving > 6e4) break;
        // Without sendBeacon (jsdom), or with one that throws, nothing is thrown into the page: the event
        // stays queued, as after any send that failed.
        post(url, postOf(body, true)).catch(() => quietly(() => navigator.sendBeacon(url, blob)));
      }
    });
    // A page restored from the back/forward cache fires no load, and its script does not run again.
    addEventListener('pageshow', (event) => event.persisted && client.flush());
    // What a previous page left in the outbox.
    void client.flush();
  }
  return [client, send, memory];
};

/**
 * Creates a client that captures, remembers and shares referrals but does not redeem them.
 * @example
 * const referkit = createCaptureClient({ program: 'spring-2026', endpoint: '/api' });
 * referkit.capture();
 */
export const createCaptureClient = (options: ReferkitOptions): CaptureClient => clientParts(options)[0];
