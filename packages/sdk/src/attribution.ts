/**
 * Attribution: which ambassador a friend's order is credited to, and until when.
 * `last_touch` credits the latest referral link. `first_touch` keeps the first one until its window
 * ends, and a link followed meanwhile is not remembered, as a first-touch cookie is not overwritten: once
 * the first expires, the next link the friend follows is the referral.
 * Expiry is checked on every read, so an expired referral is never returned nor redeemed.
 */
import type { AttributionModel, Channel } from '@referkit/events';
import { EARLIEST_EVENT_TIME, normalizeCode } from '@referkit/events/code';
import { CHANNEL_PATTERN, type LinkReferral } from './link.js';
import { quietly } from './quietly.js';
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
  model?: AttributionModel | undefined;
  /** How long a referral counts after the landing, in days (more than 0, less than 100,000). @default 30 */
  windowDays?: number | undefined;
}

/** The parts of a client that remember the referral. */
export interface AttributionMemory {
  /** How landings are credited. */
  model: AttributionModel;
  /** The current referral, or `null` when there is none or it has expired (and is then forgotten). */
  read(): Referral | null;
  /**
   * Remembers a referral link's referral as the model says. `revisit`: the page was reloaded or
   * reached by back/forward, which is always a repeat view.
   */
  land(found: LinkReferral, revisit?: boolean): void;
  /**
   * Whether a view of `code` is a new landing to report (and notes it as seen), `false` for a repeat
   * view. Asked after {@link AttributionMemory.land}, by the tab that holds the code's landing lock.
   */
  landing(code: string, revisit?: boolean): boolean;
  /** Forgets the referral, and the landings the device remembers of every program. */
  clear(): void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The time of an ISO instant written as `toISOString` writes it, from 2000 on, else NaN: the receiver
 * refuses a landing before 2000, and a date alone, a time without its offset, a year of six digits or
 * `Date#toString()`'s text, all of which Date reads. Throws for an object whose `toString` is no function.
 */
const instant = (time: string) => {
  const at = Date.parse(time);
  return at >= EARLIEST_EVENT_TIME && iso(at) === time ? at : NaN;
};

/**
 * Whether a referral read back from the device or a request's cookie is one the SDK writes, its expiry
 * after its landing and after `now`. Storage and cookies are the page's and the visitor's to write too: a
 * code or channel no link could carry, or a time the receiver would refuse, is junk, and a redemption
 * carrying it would be refused for good (`invalid_event`) and the order lost. A field that is not text
 * (`{"toString":1}`) is junk too, where reading it as text threw into the page. A landing ahead of `now` is
 * no junk: a fast clock stamped it, and its readers take it as landed now.
 */
export const wellFormed = (referral: Referral, now = Date.now()): boolean =>
  !!quietly(
    // Destructured inside `quietly`, where a stored `null` throws. No channel passes as a channel (`x`) would.
    ({ code, channel = 'x', landedAt, expiresAt } = referral) =>
      normalizeCode(code) === code &&
      typeof channel === 'string' &&
      CHANNEL_PATTERN.test(channel) &&
      Math.max(instant(landedAt), now) < instant(expiresAt),
  );

/**
 * The attribution window in days. A window that is NaN, not above 0, or too long for a Date would
 * make every capture throw in the host page (or a cookie expire at once): one line, and the default of 30.
 */
export const usableWindow = (windowDays: number): number => {
  if (windowDays > 0 && windowDays < 1e5) return windowDays;
  console.warn('[referkit] Could not use attribution.windowDays: not a number of days below 100000. Using 30.');
  return 30;
};

/**
 * Creates the referral memory of one client over its store. `scope` sets whose landings it keeps apart:
 * a client passes ` <program> <events URL>`, so that each program (and each brand's endpoint) on a site
 * reports a landing once, while the referral stays the site's. @default '' (one record for the site)
 */
export function attribution(
  store: ConsentStore,
  { model = 'last_touch', windowDays = 30 }: AttributionOptions = {},
  scope = '',
): AttributionMemory {
  windowDays = usableWindow(windowDays);
  // This scope's record of landings (see `seen`).
  const own = `seen${scope}`;
  const keep = (referral: Referral) => store.set('ref', JSON.stringify(referral));
  const read = (): Referral | null => {
    const stored = store.get('ref');
    const referral: Referral = readJson(stored);
    const now = Date.now();
    // Drops the landings past their half hour from every record on the device: another program's too,
    // whose client may be on other pages only, and an earlier version's.
    records(seen);
    // Anything but a referral as the SDK writes it is junk, forgotten (see wellFormed).
    if (wellFormed(referral, now)) {
      // A landing cannot have happened after the moment it is read at: a device clock that ran fast at
      // capture, and was corrected since, stamped it ahead, and a redemption carrying that time would be
      // refused (future_timestamp) until the clock caught up, days later. Its window runs from then too,
      // and the reading is kept: a landing a year fast held the referral, first touch's too, for a year.
      const landed = Date.parse(referral.landedAt);
      if (landed > now) {
        referral.expiresAt = iso(now + Date.parse(referral.expiresAt) - landed);
        referral.landedAt = iso(now);
        keep(referral);
      }
      return referral;
    }
    if (stored) store.remove('ref');
    return null;
  };
  // The landings of the last half hour, the last five at most, newest first: `CODE time CODE time …`. An
  // earlier version kept the last alone, `CODE time`, which reads the same. Five are enough for a person
  // going back and forth between a few links, and the record stays small. A landing is kept for that half
  // hour only, not until newer ones push it out: older ones are dropped at each read (a page without a
  // link reads the referral), and the record with the last of them. One record per scope (`seen <program>
  // <events URL>`): two programs' clients on a page each capture the link, and under one record for the
  // site the first to report it (to its own receiver, which may not know the code) left none to the other.
  const seen = (key = own) => {
    const record = store.get(key) ?? '';
    // A code and its time go together: `at | 1` is the time's place for either (none: NaN, dropped).
    const fresh = record.split(' ').filter((_, at, all) => Date.now() - +all[at | 1]! < 18e5);
    const kept = fresh.join(' ');
    if (record !== kept) kept ? store.set(key, kept) : store.remove(key);
    return fresh;
  };
  // Calls `each` with the key of every record of landings the device holds, every scope's and an earlier version's.
  const records = (each: (key: string) => unknown) => {
    for (const key of store.keys()) if (key.startsWith('seen')) each(key);
  };
  // Views of the same code within half an hour (the usual web analytics session) are one landing,
  // whatever other codes' links came between, and a reload of the landing page or a return to it by
  // back/forward is never a new one, whenever it comes and whether or not the device could keep the
  // first view. An earlier version's one record for the site (`seen`) counts for every scope until its
  // half hour ends: a landing reported just before an upgrade is not reported again.
  const repeat = (code: string, revisit?: boolean) => !!revisit || [...seen(), ...seen('seen')].includes(code);
  return {
    model,
    read,
    land({ code, channel }, revisit) {
      const now = Date.now();
      const current = read();
      // A revisit is no new touch: it keeps the referral there is (another tab's newer landing
      // included), and makes one only when there is none: nothing could be stored (consent pending: the
      // page's memory went with it), or the window has ended. The device keeps no record of a landing past
      // its half hour, so a tab left open past the window and reloaded refers from then, with no landing
      // reported. A repeat view, under last touch, keeps the landing's time.
      if (!current || (model === 'last_touch' && !revisit && (!repeat(code) || current.code !== code))) {
        keep({ code, channel, landedAt: iso(now), expiresAt: iso(now + windowDays * 864e5) });
      }
    },
    landing(code, revisit) {
      const now = Date.now();
      const fresh = !repeat(code, revisit);
      if (fresh) store.set(own, [code, now, ...seen()].slice(0, 10).join(' '));
      return fresh;
    },
    clear() {
      store.remove('ref');
      // Every program's landings with it: the referral they name is the site's.
      records(store.remove);
    },
  };
}
