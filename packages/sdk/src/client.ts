/**
 * `createReferkit`: the browser client a storefront and its checkout use. Capture the referral when
 * a friend lands, read it at checkout, report the redemption after the order — through the outbox,
 * so a flaky network or a closing tab neither loses nor doubles it. Nothing runs until it is called:
 * the module imports cleanly during server rendering. Budget: ≤ 1,500 B brotli (`npm run size`).
 */
import type { Channel, Currency } from '@referkit/events';
import { normalizeCode } from '@referkit/events/code';
import { type AttributionOptions, attribution, type Referral } from './attribution.js';
import type { ConsentState } from './consent.js';
import { type Delivery, postOf } from './delivery.js';
import { hashEmail } from './email-hash.js';
import { buildShareLink, CHANNEL_PARAM, type LinkResult, readReferral, type Utm } from './link.js';
import { createOutbox, type RetryOptions } from './outbox.js';
import { createStorage, type KeyValueStore, type StorageOptions } from './storage.js';

/**
 * A new event id: `evt_` and 128 random bits as four decimal numbers. getRandomValues works on plain
 * http pages too, where `crypto.randomUUID` is missing, and costs a fraction of nanoid's bytes.
 */
const eventId = () => `evt_${crypto.getRandomValues(new Uint32Array(4)).join('_')}`;

/** Options of {@link createReferkit}. */
export interface ReferkitOptions {
  /** The program's slug, e.g. `spring-2026`. */
  program: string;
  /** The brand's API base (e.g. `/api`); events go to `${endpoint}/referrals/events`. */
  endpoint: string;
  /** The query parameter that carries the code. @default 'ref' */
  param?: string;
  attribution?: AttributionOptions;
  /** What may be stored on the device; change it later with `setConsent`. @default 'granted' */
  consent?: ConsentState;
  storage?: StorageOptions;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Remove the code from the address bar after capturing it (`history.replaceState`). @default false */
  cleanUrl?: boolean;
}

/** The order a redemption reports, in integer minor units. */
export interface RedeemOrder {
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
}

/** What {@link ReferkitClient.redeem} needs. */
export interface RedeemInput {
  /** The brand's order id: one order redeems once. */
  orderId: string;
  order: RedeemOrder;
  /** The email is hashed here (see `hashEmail`); it never leaves the page readable. */
  customer?: { id?: string; email?: string; firstOrder?: boolean };
  /** The referral to credit. @default the captured one (`referral()`); on a server, from `readLandingCookie`. */
  referral?: Pick<Referral, 'code'> & Partial<Referral>;
  /**
   * The event's id (`evt_` and 8–64 of `A-Za-z0-9_-`). A server that may report one order again, say
   * after a restart, passes one made from the order (`evt_${orderId}`) with the order's time, so the
   * same order always makes the same event. @default a random id
   */
  id?: string;
  /** When the order was placed, as an ISO time. @default now */
  occurredAt?: string;
}

/** What {@link ReferkitClient.shareLink} needs; `base` defaults to the site's home page. */
export interface ClientShareLinkInput {
  base?: string;
  code: string;
  channel?: Channel;
  utm?: Utm;
}

/** The Referkit client. */
export interface ReferkitClient {
  /** Reads a referral from the URL (default: the address bar), stores it and reports the landing in the background. */
  capture(url?: string | URL): Referral | null;
  /** The current referral, `null` when none or expired. */
  referral(): Referral | null;
  setConsent(state: ConsentState): void;
  consent(): ConsentState;
  shareLink(input: ClientShareLinkInput): LinkResult;
  /** Reports that an ambassador shared their link on a channel. */
  trackShare(code: string, channel: Channel): Promise<Delivery>;
  /** Reports an order placed with the referral. Resolves, never rejects. */
  redeem(input: RedeemInput): Promise<Delivery>;
  /** Delivers every event still in the outbox. */
  flush(): Promise<void>;
  /** Forgets the referral (events already in the outbox are still delivered). */
  clear(): void;
  /** A consent-respecting key/value store (the widget remembers a dismissed banner here). Keys `ref`, `seen`, `outbox` are the SDK's own. */
  storage: KeyValueStore;
}

/**
 * Creates a Referkit client.
 * @example
 * const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api' });
 * referkit.capture();
 * await referkit.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
 */
export function createReferkit(options: ReferkitOptions): ReferkitClient {
  const { program, param = 'ref', retry = {} } = options;
  const firstTouch = options.attribution?.model === 'first_touch';
  const store = createStorage(options.consent ?? 'granted', options.storage, (key, held, stored) =>
    // Events queued before consent join those a previous page left; under first touch a stored
    // referral still inside its window keeps the credit.
    key === 'outbox'
      ? JSON.stringify([...new Set([...JSON.parse(stored), ...JSON.parse(held)])])
      : key === 'ref' && firstTouch && Date.parse(JSON.parse(stored).expiresAt) > Date.now()
        ? stored
        : held,
  );
  const memory = attribution(store, options.attribution);
  const url = `${options.endpoint}/referrals/events`;
  // Looked up at each call, so a fetch mocked or polyfilled after creation is the one used; async, so a
  // fetch that throws (a refused keepalive) rejects instead.
  const post: typeof fetch = async (...args) => (options.fetch ?? fetch)(...args);
  const outbox = createOutbox(store, { url, fetch: post, timeout: retry.timeout ?? 1e4 }, retry);
  const send = (type: string, code: string, fields: object, id = eventId(), occurredAt = new Date().toISOString()) =>
    outbox.add(JSON.stringify({ v: 1, id, type, program, code, occurredAt, ...fields }));
  const refuse = async (code: string, message: string): Promise<Delivery> => ({
    ok: false,
    queued: false,
    error: { code, message },
  });
  const place = globalThis.location;

  const client: ReferkitClient = {
    capture(input = place?.href) {
      const found = readReferral(input!, param);
      if (found) {
        // No `url`: the landing page's query may carry personal data, and the code says whose link it was.
        if (memory.land(found)) void send('landing', found.code, { channel: found.channel });
        if (options.cleanUrl && input === place?.href) {
          const clean = new URL(input!);
          for (const name of [param, CHANNEL_PARAM]) clean.searchParams.delete(name);
          history.replaceState(history.state, '', clean);
        }
      }
      return memory.read();
    },
    referral: memory.read,
    setConsent(next) {
      // Bodies a previous page left become visible only now: send them now, not on the next load.
      if (store.consent(next) === 'granted') void client.flush();
    },
    consent: () => store.consent(),
    shareLink: (input) => buildShareLink({ param, ...input, base: input.base ?? `${place?.origin}/` }),
    trackShare(code, channel) {
      const normal = normalizeCode(code);
      return normal ? send('share', normal, { channel }) : refuse('invalid_code', 'Not a referral code');
    },
    async redeem({ orderId, order, customer, referral = memory.read() ?? undefined, id, occurredAt }) {
      if (!referral) return refuse('no_referral', 'No referral captured');
      // A code passed in (from a server cookie, a form) is read as a link's is; junk is refused here, not at the receiver.
      const code = normalizeCode(referral.code);
      if (!code) return refuse('invalid_code', 'Not a referral code');
      return send(
        'redemption',
        code,
        {
          orderId,
          order,
          customer: customer && {
            id: customer.id,
            emailHash: customer.email && (await hashEmail(customer.email)),
            firstOrder: customer.firstOrder,
          },
          attribution: referral.landedAt && {
            landedAt: referral.landedAt,
            channel: referral.channel,
            model: options.attribution?.model ?? 'last_touch',
          },
        },
        id,
        occurredAt,
      );
    },
    flush: () => outbox.flush().then(() => {}),
    clear: memory.clear,
    storage: store,
  };

  if (typeof window === 'object') {
    addEventListener('online', client.flush);
    // The page may be gone before an answer: `keepalive` outlives it, and sendBeacon stands in where
    // keepalive is refused (its 64 KiB in-flight quota) or missing. An event that arrives twice is a duplicate.
    addEventListener('pagehide', () => {
      for (const body of outbox.bodies()) {
        post(url, postOf(body, true)).catch(() =>
          navigator.sendBeacon(url, new Blob([body], { type: 'application/json' })),
        );
      }
    });
    // What a previous page left in the outbox.
    void client.flush();
  }
  return client;
}
