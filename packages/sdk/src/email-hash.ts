/**
 * Email hashing: a raw email never leaves the page. The address is normalised so that the forms one
 * mailbox is written in hash alike — trimmed, put in Unicode NFC (an `é` may come as one character or
 * as `e` and a combining accent, NFD), lower-cased, the domain written in ASCII (`bücher.de` →
 * `xn--bcher-kva.de`, as a browser's email field gives it) without a trailing root dot, a quoted local
 * part unquoted (`"alex"@x.com` is `alex@x.com`), a `+tag` after the local part dropped
 * (`alex+shop@x.com` → `alex@x.com`), and for `gmail.com`/`googlemail.com` the dots of the local part
 * dropped (Gmail ignores them) and the domain written `gmail.com` (one mailbox answers at both) — then
 * hashed with SHA-256 into 64 lower-case hex digits.
 * A backend that wants to match these hashes applies the same steps (`normalizeEmail`).
 */
import { quietly } from './quietly.js';

/**
 * A domain as a browser's `<input type=email>` sends it: in IDNA's ASCII form (`xn--…`), lower-cased,
 * full-width and ideographic dots read as dots. That field maps UTS 46's four deviation characters
 * first, as IDNA 2003 did (ß → ss, ς → σ, the zero-width joiners dropped: `fußball.de` is sent as
 * `fussball.de`), and WHATWG URL, alike in browsers and Node for a domain that can receive mail, does
 * the rest. A domain no URL takes is kept.
 */
const asciiDomain = (domain: string) =>
  quietly(
    () =>
      new URL(
        `http://${domain
          .replace(/ß/g, 'ss')
          .replace(/ς/g, 'σ')
          .replace(/[\u200c\u200d]/g, '')}`,
      ).hostname,
  ) ?? domain;

/**
 * Normalises an email address the way {@link hashEmail} does before hashing.
 * @example normalizeEmail(' A.Lex+promo@GoogleMail.com ') // 'alex@gmail.com'
 * @example normalizeEmail('Jurgen@BÜCHER.de') // 'jurgen@xn--bcher-kva.de'
 */
export function normalizeEmail(email: string): string {
  // The domain is what follows the last `@` (a quoted local part may hold one); a dot ending it names
  // DNS's root (`example.com.` is `example.com`). A quoted local part names the mailbox its text names
  // unquoted (RFC 5321 §4.1.2, `\x` being `x`): `"sam+2"@x.com` is `sam+2@x.com`, so quotes take no
  // second first-order discount and do not pass for another customer than the ambassador. A tag needs a
  // local part before it (`+tag@x.com` is kept as it is).
  const address = email
    .trim()
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^@]*$/, asciiDomain)
    .replace(/\.+$/, '')
    .replace(/^"(.*)"(?=@[^@]*$)/, (_, local: string) => local.replace(/\\(.)/g, '$1'))
    .replace(/^([^+]+)\+[^@]*@/, '$1@');
  // Dots followed by an `@` are the local part's; the domain's are kept. `googlemail.com` is Gmail's
  // other name: a friend who writes it once and `gmail.com` the next time is one customer.
  return /@(gmail|googlemail)\.com$/.test(address)
    ? address.replace(/\.(?=.*@)/g, '').replace('@googlemail', '@gmail')
    : address;
}

/**
 * SHA-256 of the normalised email as hex, or `undefined` where WebCrypto is unavailable
 * (pages served over plain http): the email is then left out rather than sent readable.
 */
export async function hashEmail(email: string): Promise<string | undefined> {
  const digest = await crypto.subtle?.digest('SHA-256', new TextEncoder().encode(normalizeEmail(email)));
  return digest && Array.from(new Uint8Array(digest), (byte) => (byte + 256).toString(16).slice(1)).join('');
}
