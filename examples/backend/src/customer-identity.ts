/**
 * Who a person is to the shop, from their email: the SDK's own hash of the normalised address
 * (`hashEmail`: trimmed, NFC, lower-cased, the domain in ASCII without a trailing dot, no `+tag`, no
 * Gmail dots), and the customer id made from it.
 * A shopper gets it at checkout and an ambassador when they sign up, so the receiver can tell an
 * ambassador ordering with their own code (`self_referral`).
 */
import { hashEmail, normalizeEmail } from '@referkit/sdk';
import { z } from 'zod';

/**
 * The WHATWG "valid email address" (HTML, the `<input type=email>` section), which the checkout's and
 * the sign-up's email fields check: no comments, quotes, angle brackets or display names, each of
 * which RFC 5322 reads as the same mailbox (`sam(2)@gmail.com`, `Sam <sam@gmail.com>`), so that one
 * person would be a new customer at every order, with a first-order discount and past `self_referral`.
 */
const VALID_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * The address as an email field checks it: its domain in the ASCII form Chromium's field sends and
 * `@referkit/sdk` hashes (`bücher.de` as `xn--bcher-kva.de`, `fußball.de` as `fussball.de`), taken from
 * `normalizeEmail` so that there is one rule for it; the local part as it was written, so that quotes
 * and comments are checked as the field checks them. The address itself is kept as given: it is hashed
 * by that same rule.
 */
function asEmailFieldChecks(email: string): string {
  const at = email.lastIndexOf('@');
  const normal = normalizeEmail(email);
  return at < 0 ? email : email.slice(0, at) + normal.slice(normal.lastIndexOf('@'));
}

/** An email address as the shop's forms take it. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  // NUL and the other control characters (C0, DEL, C1): no address has one, PostgreSQL text refuses
  // a NUL, and a control character can hide or forge a line in a log.
  .regex(/^\P{Cc}*$/u, { message: 'Expected an email address without control characters', abort: true })
  .superRefine((email, context) => {
    const form = asEmailFieldChecks(email);
    // The HTML production takes `sam@localhost`; no shopper's mailbox is on a domain without a dot.
    const message = !VALID_EMAIL.test(form)
      ? 'Expected an email address as an email field takes it, like sam@example.com'
      : !/@.+\..+$/.test(form) && 'Expected an email address with a dot in its domain';
    if (message) context.addIssue({ code: 'invalid_format', format: 'email', input: email, message });
  });

/** The hash of a person's email and the shop's customer id for it. */
export interface CustomerIdentity {
  emailHash: string;
  customerId: string;
}

/** The identity behind an email: `sam+2@gmail.com` and `Sam@gmail.com` are one customer. */
export async function customerIdentity(email: string): Promise<CustomerIdentity> {
  const emailHash = await hashEmail(email);
  // hashEmail answers undefined only without WebCrypto (a page over plain http); Node ≥ 20 has it.
  if (!emailHash) throw new Error('[referkit-demo] Could not hash an email: WebCrypto is missing. Run Node ≥ 20.19.');
  // The id is derived from the hash, so the browser's claim and the signed event carry the same
  // customer without the page ever sending an email hash of its own.
  return { emailHash, customerId: `cus_${emailHash.slice(0, 24)}` };
}
