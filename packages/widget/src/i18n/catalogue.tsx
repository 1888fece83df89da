/**
 * The shape of a message catalogue and the two functions that read one.
 * Placeholders are `{name}`; plural messages hold one text per `Intl.PluralRules` category.
 */

/** One text per plural category; `other` is always present because every locale has it. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every text the widget shows, in one language. */
export interface Catalogue {
  /** Text direction of the language. */
  dir: 'ltr' | 'rtl';
  /** "Give {offer}, get {reward}". */
  both: string;
  /** "Give {offer}": the offer when the ambassador's reward is not shown. */
  give: string;
  /** "{value} off". */
  off: string;
  /** "{value} off your first order". */
  offFirst: string;
  /** "free shipping". */
  ship: string;
  /** "free shipping on your first order". */
  shipFirst: string;
  /** "({amount} minimum)": follows the offer, e.g. "15% off your first order ($20 minimum)". */
  minimum: string;
  /** "(up to {amount})": a percent or free-shipping offer's cap, e.g. "50% off (up to $20)". */
  cap: string;
  /** "{value} credit" and the other reward types. */
  credit: string;
  cash: string;
  points: PluralText;
  /** "{value} of each order": a percent reward. */
  share: string;
  /** Banner: "{name} gave you {offer}". */
  named: string;
  /** Banner without a name: "A friend gave you {offer}". */
  friend: string;
  /** "Code {code}". */
  code: string;
  dismiss: string;
  /** Label of the region holding the banner. */
  offer: string;
  /** Heading of the share panel: "Invite friends to {brand}". */
  invite: string;
  link: string;
  copy: string;
  copied: string;
  copyFailed: string;
  /** Said once a channel whose share URL cannot carry the message (Facebook, LinkedIn) is opened with the message on the clipboard. */
  messageCopied: string;
  /** Said instead when the message could not be put on the clipboard: the share opens all the same. */
  messageNotCopied: string;
  /** Between two items of one progress line: " · ", or a separator of the language's own punctuation. */
  sep: string;
  /** The native share button. */
  more: string;
  /** "Share via {channel}": one phrase for every channel, an app, email or SMS. */
  on: string;
  /** The email channel as `on` says it ("correo" in "Compartir por correo"); shown alone with a capital. */
  email: string;
  sms: string;
  qrShow: string;
  qrHide: string;
  qrLabel: string;
  /** Said when the QR code's chunk could not load. */
  qrFailed: string;
  message: string;
  /** The message prefilled when the program has no template. */
  template: string;
  /** Shown when the ambassador removed a required disclosure: "This line is added to what you share: {text}". */
  kept: string;
  progress: string;
  joined: PluralText;
  earned: string;
  pending: string;
  ambassador: string;
  community_leader: string;
  influencer: string;
  promoted: string;
  week: PluralText;
  month: PluralText;
  reached: string;
}

/**
 * Fills `{name}` placeholders with `values`' own properties; any other stays as written. A program's
 * message may carry `{constructor}` or `{toString}`, which `values[key]` alone read from Object.prototype
 * (`function Object() { [native code] }`).
 */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : placeholder,
  );
}

/**
 * Fills placeholders for the screen, each value in its own `<bdi>`: a name, a code or a brand keeps its
 * own direction inside text of the other one. Unisolated, the bidi algorithm paints the code
 * `2024-HC2QK7` in Arabic text as `HC2QK7-2024`, and moves the period of `J.R.R. Tolkien Jr.` into the
 * Arabic words. A `<bdi>` takes the direction of its first letter, so a code (Latin letters, digits and a
 * dash, which read in order either way) is always left to right. Markup rather than U+2068/U+2069 in
 * the text: those would travel with a code copied off the banner into the checkout's field.
 */
export const fillIsolated = (text: string, values: Record<string, string | number | undefined>) =>
  text.split(/\{(\w+)\}/).map((piece, index) => (index % 2 ? <bdi>{values[piece]}</bdi> : piece));

/** Picks the plural form of `count` for `locale` and fills it, `{n}` being the formatted count. */
export function plural(
  locale: string,
  text: PluralText,
  count: number,
  values: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(locale).select(count);
  // Only a form the text has: a page's old library may have put `one` or `few` on Object.prototype, and the
  // script's catalogues leave out every form that says what `other` says.
  return fill(text[Object.hasOwn(text, category) ? category : 'other']!, {
    n: Intl.NumberFormat(locale).format(count),
    ...values,
  });
}
