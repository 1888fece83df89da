/**
 * Who a person is to the shop, from their email: the SDK's own hash of the normalised address
 * (`hashEmail`: trimmed, NFC, lower-cased, the domain in ASCII without a trailing dot, no `+tag`, no
 * Gmail dots), and the customer id made from it.
 * A shopper gets it at checkout and an ambassador when they sign up, so the receiver can tell an
 * ambassador ordering with their own code (`self_referral`).
 */
import { hashEmail } from '@referkit/sdk';
import { z } from 'zod';

/** An email address as the shop's forms take it. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  // `\s` leaves out NUL and the other control characters (C0, DEL, C1): no address has one,
  // PostgreSQL text refuses a NUL, and a control character can hide or forge a line in a log.
  .regex(/^\P{Cc}*$/u, 'Expected an email address without control characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Expected an email address');

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
