/**
 * Referral codes: `HANDLE-SUFFIX`, e.g. `ALEX-7HC2QK`.
 *
 * This module is imported by the browser packages, so it must stay free of zod and
 * small (≤ 400 B brotli, checked by `npm run size`).
 */
import { customAlphabet } from 'nanoid';

/** The suffix alphabet: A–Z and 2–9 without the look-alikes 0/O and 1/I/L. */
export const CODE_SUFFIX_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * The pattern of an event id: `evt_` and 8–64 URL-safe characters. Here, beside the code's, so that the SDK
 * checks an id it is given without importing the zod schemas. Spelled out, not `\w`: the published JSON
 * Schema carries it, and validators in other languages read `\w` as any Unicode letter (Python's `re`).
 */
export const EVENT_ID_PATTERN = /^evt_[A-Za-z0-9_-]{8,64}$/;

/**
 * The pattern of a slug (a program's id): `a–z`, `0–9` and dashes inside, at most 64 characters, so
 * one check bounds the length too. Here for the SDK, as the event id's is.
 */
export const SLUG_PATTERN = /^[a-z\d]([a-z\d-]{0,62}[a-z\d])?$/;

/**
 * The earliest time an event may carry, 2000-01-01 in ms since the epoch: the receiver refuses an
 * earlier one (`past_timestamp`). Here, beside the event id's pattern, so that the SDK's landing cookie
 * checks the same bound without importing the zod schemas. A literal, not `Date.UTC(2000, 0, 1)`, so
 * that bundlers see no call and leave it out of entries that do not use it.
 */
export const EARLIEST_EVENT_TIME = 946_684_800_000;

/** A normalised code: a handle of 1–12 `A–Z0–9`, a dash, and 6 suffix characters. */
export const CODE_PATTERN = /^[A-Z\d]{1,12}-[2-9A-HJKMNP-Z]{6}$/;

// Pure, so that a bundle importing only normalizeCode leaves nanoid out.
const mintSuffix = /* @__PURE__ */ customAlphabet(CODE_SUFFIX_ALPHABET, 6);

/**
 * Normalises what a person typed or a link carried into the canonical code, or `null`.
 * Trims, applies NFKC, drops whitespace, upper-cases and restores the dash before the suffix.
 * @example normalizeCode(' alex 7hc2qk ') // 'ALEX-7HC2QK'
 */
export function normalizeCode(input: unknown): string | null {
  // A code has at most 19 characters; far longer input is junk, refused before NFKC runs.
  if (typeof input !== 'string' || input.length > 64) return null;
  const folded = input.normalize('NFKC').replace(/\s/g, '');
  // ASCII is checked before upper-casing, so 'ß' → 'SS' and 'ı' → 'I' cannot sneak in;
  // a missing dash before the 6-character suffix is put back.
  const code = /^[a-z\d-]+$/i.test(folded) ? folded.toUpperCase().replace(/^([^-]+)(\w{6})$/, '$1-$2') : '';
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * Mints a new code from an ambassador's name or handle, with a random 6-character suffix.
 * The handle keeps the name's letters and digits without accents, cut to 12; a name with none
 * gets the handle `REF`.
 * @example mintCode("Zoë O'Brien") // 'ZOEOBRIEN-7HC2QK'
 */
export function mintCode(handle?: string): string {
  const letters = (handle ?? '')
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z\d]/g, '')
    .slice(0, 12);
  return `${letters || 'REF'}-${mintSuffix()}`;
}
