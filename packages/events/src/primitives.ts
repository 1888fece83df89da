/** The small zod types that programs, ambassadors and events are built from. */
import { z } from 'zod';
import { CODE_PATTERN, SLUG_PATTERN } from './code.js';
import { CURRENCIES } from './currency.js';

/** Money in integer minor units (cents), never negative, never past 2^53. */
export const minorUnits = z.int().min(0).describe('Integer amount in minor units (e.g. cents).');

/** An ISO 4217 currency code. */
export const currency = z.enum(CURRENCIES);

/** The pattern behind {@link timestamp}, shared with the fast event guard. */
export const TIMESTAMP_PATTERN = z.regexes.datetime({ offset: true });

/** An ISO 8601 date-time with `Z` or an offset, e.g. `2026-11-22T10:00:00.000Z`. */
export const timestamp = z.iso.datetime({ offset: true });

// Patterns below bound their own length ({1,64}), so one check does the work of two: a long
// string fails at the first character past the bound.
// A slug's pattern lives in code.ts, which the browser packages import without zod.
export { SLUG_PATTERN };
/** A lower-case slug such as `spring-2026`. */
export const slug = z.string().regex(SLUG_PATTERN, 'Expected a slug of a–z, 0–9 and dashes');

/** A normalised referral code (`ALEX-7HC2QK`); normalise what people type with `normalizeCode`. */
export const referralCode = z.string().regex(CODE_PATTERN, 'Expected a code like ALEX-7HC2QK');

/** The pattern of an email hash: 64 lower-case hex digits. */
export const EMAIL_HASH_PATTERN = /^[0-9a-f]{64}$/;
/**
 * SHA-256 of an email address normalised as `@referkit/sdk`'s `normalizeEmail` does (trimmed, Unicode
 * NFC, lower-cased, the domain in ASCII without a trailing dot, no `+tag`, no Gmail dots), as 64
 * lower-case hex digits.
 */
export const emailHash = z.string().regex(EMAIL_HASH_PATTERN, 'Expected 64 lower-case hex digits');

/** The pattern of an id from another system: 1–128 printable ASCII characters. */
export const EXTERNAL_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;
/** An identifier from another system (order, customer): printable ASCII without spaces. */
export const externalId = z
  .string()
  .regex(EXTERNAL_ID_PATTERN, 'Expected 1–128 printable ASCII characters without spaces');

/**
 * The pattern of well-formed Unicode: no lone surrogate (half of an emoji cut in two), which UTF-8 cannot
 * encode and PostgreSQL's `jsonb` refuses (`invalid input syntax for type json`), so one store would take
 * what another throws on.
 */
export const WELL_FORMED_PATTERN = /^\P{Cs}*$/u;
/** Text of any characters, as long as it is well-formed Unicode: a display name, which removes its controls after. */
export const wellFormedText = z
  .string()
  .regex(WELL_FORMED_PATTERN, 'Expected well-formed Unicode text, without a lone surrogate');

/**
 * The pattern of text without control characters but tab, line feed and carriage return (a message has
 * lines, written on any system). U+0000 is one PostgreSQL's `jsonb` cannot hold (22P05), so one store
 * would take what another throws on; the others (an escape, a bell, DEL, C1) no brand or message means.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
export const NO_CONTROL_PATTERN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
/** Free text a brand writes (its name, a disclosure, a message): well-formed Unicode without control characters. */
export const text = wellFormedText.regex(
  NO_CONTROL_PATTERN,
  'Expected text without control characters (tab and line breaks are fine)',
);

/** Where a share was made or a landing came from. */
export const channel = z.enum([
  'copy',
  'native',
  'whatsapp',
  'x',
  'facebook',
  'linkedin',
  'telegram',
  'reddit',
  'email',
  'sms',
  'qr',
  'other',
]);
/** A share channel, e.g. `whatsapp` or `qr`. */
export type Channel = z.infer<typeof channel>;

/** How a referral is credited when a friend followed more than one link. */
export const attributionModel = z.enum(['last_touch', 'first_touch']);
/** `last_touch` (the latest link wins) or `first_touch` (the first link keeps the credit). */
export type AttributionModel = z.infer<typeof attributionModel>;

// Printable ASCII only (browsers percent-encode the rest), so that string lengths count the
// same in zod (UTF-16) and JSON Schema (code points).
/** The pattern of an absolute http or https URL of printable ASCII. */
export const WEB_URL_PATTERN = /^https?:\/\/[\x21\x22\x24-\x2e\x30-\x3e\x41-\x7e]+(?:[/?#][\x21-\x7e]*)?$/;
/**
 * An absolute http or https URL; `javascript:` and `data:` are refused. A pattern rather than
 * `z.url()`, so that the JSON Schema carries the same protocol rule.
 */
export const webUrl = z.string().max(2048).regex(WEB_URL_PATTERN, 'Expected an absolute http or https URL');

/** The roles an ambassador can hold. */
export const role = z.enum(['ambassador', 'community_leader', 'influencer']);
/** An ambassador's role: `ambassador`, `community_leader` or `influencer`. */
export type Role = z.infer<typeof role>;

/** An influencer's audience tier: nano (<1k), micro (1k–100k), macro (>100k). */
export const audienceTier = z.enum(['nano', 'micro', 'macro']);
/** An influencer's audience tier: `nano`, `micro` or `macro`. */
export type AudienceTier = z.infer<typeof audienceTier>;
