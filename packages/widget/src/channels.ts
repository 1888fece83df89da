/** The share channels the panel can offer, in the order shown, with their names. */

/** Channels that open a share intent URL from the SDK's `shareIntents`. */
export const CHANNELS = ['whatsapp', 'x', 'facebook', 'linkedin', 'telegram', 'reddit', 'email', 'sms'] as const;

/** One of `CHANNELS`. */
export type IntentChannel = (typeof CHANNELS)[number];

/** Brand names are not translated; `email` and `sms` come from the catalogue. */
export const CHANNEL_NAMES: Record<Exclude<IntentChannel, 'email' | 'sms'>, string> = {
  whatsapp: 'WhatsApp',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  reddit: 'Reddit',
};
