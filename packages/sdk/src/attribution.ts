/**
 * Attribution: which ambassador a friend's order is credited to, and until when.
 * `last_touch` credits the latest referral link, `first_touch` the first one still inside its window.
 * Expiry is checked on every read, so an expired referral is never returned nor redeemed.
 */
import type { AttributionModel, Channel } from '@referkit/events';
import type { LinkReferral } from './link.js';
import { type ConsentStore, readJson } from './storage.js';

/** A captured referral; times are ISO strings. */
export interface Referral {
  code: string;
  channel?: Channel;
  landedAt: string;
  expiresAt: string;
}

/** How landings are credited. */
export interface AttributionOptions {
  /** @default 'last_touch' */
  model?: AttributionModel;
  /** How long a referral counts after the landing. @default 30 */
  windowDays?: number;
}

/** The parts of a client that remember the referral. */
export interface AttributionMemory {
  /** How landings are credited. */
  model: AttributionModel;
  /** The current referral, or `null` when there is none or it has expired (and is then forgotten). */
  read(): Referral | null;
  /**
   * Records a referral link's landing; `true` when it is a new landing to report, `false` for a repeat
   * view. `revisit`: the page was reloaded or reached by back/forward, which counts as a repeat view
   * when the device holds no earlier view to compare (consent pending, storage refused).
   */
  land(found: LinkReferral, revisit?: boolean): boolean;
  /** Forgets the referral. */
  clear(): void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Creates the referral memory of one client over its store. */
export function attribution(
  store: ConsentStore,
  { model = 'last_touch', windowDays = 30 }: AttributionOptions = {},
): AttributionMemory {
  const read = (): Referral | null => {
    const referral: Referral | undefined = readJson(store, 'ref');
    if (referral && Date.parse(referral.expiresAt) > Date.now()) return referral;
    if (referral) store.remove('ref');
    return null;
  };
  return {
    model,
    read,
    land({ code, channel }, revisit) {
      const now = Date.now();
      const current = read();
      const [seenCode, seenAt] = (store.get('seen') ?? '').split(' ');
      // Views of the same code within half an hour (the usual web analytics session) are one landing;
      // a repeat view reports nothing and, under last touch, keeps the landing's time. With no view on
      // record, a reload of the landing page is still its second view, not a second landing.
      const repeat = seenCode ? seenCode === code && now - Number(seenAt) < 18e5 : !!revisit;
      if (!current || (model === 'last_touch' && (!repeat || current.code !== code))) {
        const referral: Referral = { code, channel, landedAt: iso(now), expiresAt: iso(now + windowDays * 864e5) };
        store.set('ref', JSON.stringify(referral), windowDays * 86400);
      }
      if (!repeat) store.set('seen', `${code} ${now}`);
      return !repeat;
    },
    clear() {
      store.remove('ref');
      store.remove('seen');
    },
  };
}
