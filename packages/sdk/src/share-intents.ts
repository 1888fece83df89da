/**
 * Share intents: the URL each service documents for sharing a link with a prefilled message.
 * Every value is encoded with `encodeURIComponent` (spaces as `%20`, never `+`).
 */
import { encode } from './link.js';

/** The share URL for each channel a link can be sent through. */
export interface ShareIntents {
  whatsapp: string;
  x: string;
  facebook: string;
  linkedin: string;
  telegram: string;
  reddit: string;
  email: string;
  sms: string;
}

/** Options for {@link shareIntents}. */
export interface ShareIntentOptions {
  /**
   * The email subject. @default the message
   * Reddit's title is always the message: it is the only text a Reddit post carries, so a subject
   * there would drop the message and its disclosure line.
   */
  subject?: string | undefined;
}

/**
 * Builds the share URL of every channel for one link and message (none: the link alone). Services
 * that take only a link (Facebook, LinkedIn) get only the link: they refuse prefilled text by policy.
 * @example shareIntents('https://shop.example/?ref=ALEX-7HC2QK', 'Get 15% off').whatsapp
 * // 'https://wa.me/?text=Get%2015%25%20off%20https%3A%2F%2Fshop.example%2F%3Fref%3DALEX-7HC2QK'
 */
export function shareIntents(link: string, message = '', options: ShareIntentOptions = {}): ShareIntents {
  const url = encode(link);
  const text = encode(message);
  // A subject or title is one line (a line break would end an email header): breaks become spaces.
  const line = (value: string) => encode(value.replace(/\s*[\r\n]+\s*/g, ' '));
  // Message and link as one text, for channels that have a single text field; no message, the link alone.
  const both = encode(message ? `${message} ${link}` : link);
  return {
    // WhatsApp's "click to chat" link without a phone number takes the whole text.
    whatsapp: `https://wa.me/?text=${both}`,
    // X web intent: https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
    x: `https://x.com/intent/tweet?text=${text}&url=${url}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    // Telegram custom share button: https://core.telegram.org/widgets/share#custom-buttons
    telegram: `https://t.me/share/url?url=${url}&text=${text}`,
    reddit: `https://www.reddit.com/submit?url=${url}&title=${line(message)}`,
    // RFC 6068: line breaks in a body are CRLF, written %0D%0A.
    email: `mailto:?subject=${line(options.subject ?? message)}&body=${encode((message ? `${message}\n\n${link}` : link).replace(/\r\n?|\n/g, '\r\n'))}`,
    // RFC 5724 says `sms:?body=`; iOS 8+ reads only `&body=`. `sms:?&body=` satisfies both: Android parses
    // the query (an empty first field, then body) and iOS finds `&body=`.
    sms: `sms:?&body=${both}`,
  };
}
