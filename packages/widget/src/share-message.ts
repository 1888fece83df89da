/**
 * The message an ambassador shares: their own words, with the program's disclosure line kept
 * when the program requires it (it is put back if they delete it).
 */
import type { Catalogue } from './i18n/catalogue.js';
import { fill } from './i18n/catalogue.js';

/** The program's disclosure line ("I get $10 credit if you order with my link"). */
export interface Disclosure {
  text: string;
  /** @default true */
  required?: boolean;
}

/** What gets shared, and whether the disclosure had to be put back. */
export interface ComposedMessage {
  text: string;
  /** True when the ambassador removed a required disclosure and it was appended again. */
  restored: boolean;
}

/**
 * The prefilled message: the program's template (or the catalogue's, whose first sentence names the
 * brand) with its disclosure on its own line. `{brand}`, `{offer}`, `{name}` and `{reward}` are filled
 * in; any other placeholder is shared as written.
 */
export function prefillMessage(
  text: Catalogue,
  // Each of the four, empty when there is none: a placeholder fill is given no value for stays as written.
  values: { brand: string; offer: string; name: string; reward: string },
  template?: string,
  disclosure?: Disclosure,
): string {
  // Without a brand, the catalogue's first sentence ("I love {brand}.") would read "I love ." in every
  // share: it is left out, and the offer's sentence is the message.
  const body = fill(
    template ?? (values.brand ? text.template : text.template.replace(/^[^.]*\{brand\}\. /, '')),
    values,
  );
  return disclosure ? `${body}\n\n${disclosure.text}` : body;
}

/** A text as a disclosure is looked for in it: whitespace and case differences do not count. */
const squash = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** Keeps a required disclosure in the shared text: whitespace and case differences do not count as removal. */
export function composeMessage(edited: string, disclosure?: Disclosure): ComposedMessage {
  const message = edited.trim();
  if (!disclosure || disclosure.required === false) return { text: message, restored: false };
  if (squash(message).includes(squash(disclosure.text))) return { text: message, restored: false };
  return { text: message ? `${message}\n\n${disclosure.text}` : disclosure.text, restored: true };
}

/** What X lets a post say beside its link: 280 of its weighted characters, less the link's 23 and a space. */
const X_ROOM = 256;

/**
 * A text's length as X counts it: two for a character from U+1100 on (CJK, emoji), one below. Over rather
 * than under for the few it counts as one above (curly quotes), and for an emoji sequence (X counts two).
 */
const xLength = (text: string) => [...text].reduce((length, char) => length + (char.codePointAt(0)! < 4352 ? 1 : 2), 0);

/**
 * The message as X can post it. A longer one opens X's box over its limit, and the ambassador cuts it down
 * there, most likely from the end, where the disclosure is: instead their words are cut short with "…",
 * and a disclosure the message carries (as `composeMessage` finds it, whatever its case or spacing) is
 * put whole, in the program's words, on its own line at the end.
 */
export function fitForX(text: string, disclosure?: Disclosure): string {
  if (xLength(text) <= X_ROOM) return text;
  const line = disclosure && squash(text).includes(squash(disclosure.text)) ? disclosure.text : '';
  // The ambassador's own copy of it goes from their words, found as it was (any case, any spacing).
  const copy = new RegExp(
    `\\s*${line
      .trim()
      .split(/\s+/)
      // Every other character escaped: outside `u` mode a backslash before one that is not a letter or a
      // digit stands for that character.
      .map((word) => word.replace(/\W/g, '\\$&'))
      .join('\\s+')}\\s*`,
    'i',
  );
  const words = (line ? text.replace(copy, ' ') : text).trim();
  // The ellipsis counts two on X, and the blank line before the disclosure two.
  let room = X_ROOM - (line ? xLength(line) + 4 : 2);
  let cut = '';
  // By graphemes, so that an emoji sequence (a family, a flag) is not cut in two; by code points in a
  // browser that cannot tell graphemes (Firefox before 125).
  for (const part of Intl.Segmenter ? Array.from(new Intl.Segmenter().segment(words), (s) => s.segment) : words) {
    room -= xLength(part);
    if (room < 0) break;
    cut += part;
  }
  // A disclosure longer than X's room is the program's to shorten: it goes alone, without an ellipsis.
  return [cut && `${cut.trimEnd()}…`, line].filter(Boolean).join('\n\n');
}
