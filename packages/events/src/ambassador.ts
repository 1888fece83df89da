/** An ambassador: a person with a code, a role, and a name shown to the friends they refer. */
import { z } from 'zod';
import { audienceTier, emailHash, externalId, referralCode, role, timestamp, wellFormedText } from './primitives.js';

// C0/C1 controls, the direction marks (U+061C, U+200E, U+200F), and the bidirectional overrides and
// isolates (U+202A–202E, U+2066–2069) that can make a name read backwards or hide text in a dashboard.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's purpose.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// A character that shows: not a space, nor one that fonts draw as nothing. Unicode's Default_Ignorable_Code_Point
// holds the zero-width space and joiners, the word joiner, the soft hyphen, variation selectors and the Hangul
// fillers (U+115F, U+1160, U+3164, U+FFA0); the Braille blank U+2800 is drawn empty too. They may stay in a name
// (a joiner inside an emoji, the non-joiner of a Persian name), but a name of nothing else is blank.
// Chromium paints nothing either for the interlinear annotation controls (U+FFF9–FFFB) and the object
// replacement character (U+FFFC), which are not default-ignorable; the other such format controls
// (Arabic number signs, Egyptian hieroglyph joiners) paint a glyph, or the missing-glyph box.
const VISIBLE_CHARACTER = /[^\s\p{Default_Ignorable_Code_Point}\u2800\uFFF9-\uFFFC]/u;

/** A name for display: well-formed plain text, unsafe characters removed, 1–60 characters, one of them visible. */
export const displayNameSchema = wellFormedText
  .max(1000)
  .transform((name) => name.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(60).regex(VISIBLE_CHARACTER, 'Expected a name with at least one visible character'));

/** An ambassador of a program. */
export const ambassadorSchema = z.strictObject({
  id: externalId,
  code: referralCode,
  displayName: displayNameSchema,
  role: role.default('ambassador'),
  audienceTier: audienceTier.optional(),
  /** Customer id in the brand's shop, so that ordering with one's own code is refused. */
  customerId: externalId.optional(),
  emailHash: emailHash.optional(),
  joinedAt: timestamp,
  /**
   * The dates this code redeems within, `[startsAt, endsAt)`, whatever the role (a contract that runs for a
   * time): an order outside them is `422 campaign_inactive`. An influencer without one has the program's influencer dates.
   */
  campaign: z
    .strictObject({ startsAt: timestamp, endsAt: timestamp })
    .refine(({ startsAt, endsAt }) => Date.parse(endsAt) > Date.parse(startsAt), {
      path: ['endsAt'],
      message: 'Expected the end to come after the start',
    })
    .optional(),
});

/** A parsed ambassador. */
export type Ambassador = z.infer<typeof ambassadorSchema>;
/** An ambassador as a brand writes it. */
export type AmbassadorInput = z.input<typeof ambassadorSchema>;
