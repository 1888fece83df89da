/** The share channels the panel can offer, in the order shown, with their names. */

/** Channels that open a share intent URL from the SDK's `shareIntents`. */
export const CHANNELS = ['whatsapp', 'x', 'facebook', 'linkedin', 'telegram', 'reddit', 'email', 'sms'] as const;

/** One of `CHANNELS`. */
export type IntentChannel = (typeof CHANNELS)[number];

// Brand names are not translated; each is its channel with capitals. `email` and `sms` come from the catalogue.
const BRAND_NAMES = ['WhatsApp', 'X', 'Facebook', 'LinkedIn', 'Telegram', 'Reddit'];

/** The brand name of a channel ("WhatsApp"); undefined for `email` and `sms`. */
export function channelName(channel: IntentChannel): string | undefined {
  return BRAND_NAMES.find((name) => name.toLowerCase() === channel);
}
