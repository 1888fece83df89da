/** The share channels the panel can offer, in the order shown, with their names. */

import { type ShareIntents, shareIntents } from '@referkit/sdk';

/** One of `CHANNELS`. */
export type IntentChannel = keyof ShareIntents;

/** Channels that open a share intent URL from the SDK's `shareIntents`: its own list, in its order. */
export const CHANNELS: readonly IntentChannel[] = /* @__PURE__ */ Object.keys(shareIntents('', '')) as IntentChannel[];

// Brand names are not translated; each is its channel with capitals. `email` and `sms` come from the catalogue.
const BRAND_NAMES = ['WhatsApp', 'X', 'Facebook', 'LinkedIn', 'Telegram', 'Reddit'];

/** The brand name of a channel ("WhatsApp"); undefined for `email` and `sms`. */
export function channelName(channel: IntentChannel): string | undefined {
  return BRAND_NAMES.find((name) => name.toLowerCase() === channel);
}
