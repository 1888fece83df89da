/**
 * Emails as people and browsers write them, each with the normalised form `normalizeEmail` gives it: one
 * table for the Node tests and the Chromium ones, which must agree (a backend hashes in Node what a page
 * hashed in the browser). Not part of the package's entry points.
 */
export const emailForms: [written: string, normalised: string][] = [
  ['  Alex@Example.COM ', 'alex@example.com'],
  ['alex+shop@example.com', 'alex@example.com'],
  ['alex+a+b@example.com', 'alex@example.com'],
  ['a.l.ex@example.com', 'a.l.ex@example.com'],
  ['A.Lex+promo@Gmail.com', 'alex@gmail.com'],
  ['a.lex@googlemail.com', 'alex@gmail.com'],
  ['A.Lex+x@GoogleMail.com', 'alex@gmail.com'],
  ['alex@googlemail.com.evil', 'alex@googlemail.com.evil'],
  ['a.lex@mail.gmail.com.evil', 'a.lex@mail.gmail.com.evil'],
  ['+tag@example.com', '+tag@example.com'],
  ['not-an-email', 'not-an-email'],
  // é as e and a combining acute accent (NFD).
  ['Jose\u0301@Example.com', 'jos\u00e9@example.com'],
  // An internationalised domain in the ASCII form a browser's email field gives (`xn--…`), whatever
  // case or dots (full-width, ideographic) it was typed with.
  ['jurgen@bücher.de', 'jurgen@xn--bcher-kva.de'],
  ['Jurgen@BÜCHER.DE', 'jurgen@xn--bcher-kva.de'],
  ['jurgen@xn--bcher-kva.de', 'jurgen@xn--bcher-kva.de'],
  ['jurgen@bücher\uff0ede', 'jurgen@xn--bcher-kva.de'],
  ['jurgen@bücher\u3002de', 'jurgen@xn--bcher-kva.de'],
  // UTS 46's deviations mapped as the email field maps them: ß to ss, ς (and a capital Σ ending a word,
  // which lower-casing makes ς) to σ, the zero-width joiners dropped.
  ['alex@fußball.de', 'alex@fussball.de'],
  ['alex@müller-straße.de', 'alex@xn--mller-strasse-wob.de'],
  ['alex@σίσυφος.gr', 'alex@xn--kxa6akbbkh.gr'],
  ['ALEX@ΣΊΣΥΦΟΣ.GR', 'alex@xn--kxa6akbbkh.gr'],
  ['alex@ab\u200dc.com', 'alex@abc.com'],
  ['a.lex@gmail\uff0ecom', 'alex@gmail.com'],
  // A trailing dot names DNS's root: `example.com.` is `example.com`, whichever dot it is written with.
  ['alex@example.com.', 'alex@example.com'],
  ['a.lex@gmail.com.', 'alex@gmail.com'],
  ['jurgen@bücher.de\u3002', 'jurgen@xn--bcher-kva.de'],
  ['alex@example.com..', 'alex@example.com'],
  // A quoted local part names the same mailbox as the same text unquoted (RFC 5321 §4.1.2; `\\x` is `x`),
  // so its tag and Gmail's dots go as they do unquoted: quotes are no second first-order discount, nor a way
  // round the self-referral check. An @ in it is not the domain's.
  ['"samX"@gmail.com', 'samx@gmail.com'],
  ['"sa.mX+2"@GMail.com', 'samx@gmail.com'],
  ['"Me"@Example.org', 'me@example.org'],
  ['"A+B"@Example.com', 'a@example.com'],
  ['"a\\.b"@example.com', 'a.b@example.com'],
  ['"a b"@example.com', 'a b@example.com'],
  ['"a@b"@example.com', 'a@b@example.com'],
  ['"+tag"@example.com', '+tag@example.com'],
  // A domain no URL takes is kept as it is, not thrown.
  ['jurgen@bücher.123', 'jurgen@bücher.123'],
  ['jurgen@', 'jurgen@'],
];
