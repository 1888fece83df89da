/**
 * Erasing one customer from a program's ledger (GDPR Art. 17): what a store is asked, how the request is
 * checked, and the pseudonyms that take the customer's identity's place, the same in every store.
 */
import { nanoid } from 'nanoid';
import { z } from 'zod';
import { type Issue, toIssues } from '../parse-event.js';
import { emailHash, externalId, slug } from '../primitives.js';

/** The customer to erase: by the brand's customer id, by email hash, or both. */
export interface CustomerErasure {
  /** The program whose ledger holds the customer. */
  program: string;
  /** The brand's customer id, as redemptions carried it in `customer.id`. */
  id?: string | undefined;
  /** The email hash, as redemptions carried it in `customer.emailHash`: 64 lower-case hex digits. */
  emailHash?: string | undefined;
}

/** Why nothing was erased: a malformed request, or a program the store has never heard of. */
export interface InvalidErasure {
  code: 'invalid_erasure' | 'unknown_program';
  message: string;
  issues: Issue[];
}

/** What an erasure did: how many ledger rows it changed (0 for a customer the ledger does not hold). */
export type ErasureResult = { ok: true; value: { rows: number } } | { ok: false; error: InvalidErasure };

const erasureSchema = z
  .strictObject({ program: slug, id: externalId.optional(), emailHash: emailHash.optional() })
  .refine((erasure) => erasure.id !== undefined || erasure.emailHash !== undefined, {
    message: 'Expected the customer’s id, their emailHash, or both',
  });

/** A checked erasure: its program, and the identities it starts from. */
export interface CheckedErasure {
  program: string;
  ids: string[];
  emails: string[];
}

/** Checks an erasure request as every store does before it reads anything. */
export function checkErasure(
  input: unknown,
): { ok: true; value: CheckedErasure } | { ok: false; error: InvalidErasure } {
  const parsed = erasureSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap(toIssues);
    const first = issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid_erasure',
        message: `Could not erase the customer: ${first?.message} at ${first?.path.join('.') || 'the request'}`,
        issues,
      },
    };
  }
  const { program, id, emailHash } = parsed.data;
  return {
    ok: true,
    value: { program, ids: id === undefined ? [] : [id], emails: emailHash === undefined ? [] : [emailHash] },
  };
}

/**
 * The answer for a program that is neither registered nor in the ledger: a typo in the program's id
 * would otherwise erase no one and answer `rows: 0`, read as done.
 */
export function unknownProgram(program: string): { ok: false; error: InvalidErasure } {
  const message = `No program "${program}" is registered or has a ledger in this store`;
  return {
    ok: false,
    error: { code: 'unknown_program', message, issues: [{ path: ['program'], code: 'unknown_program', message }] },
  };
}

/**
 * A fresh pseudonym for one erased identity. Random (nanoid's 126 bits), so nothing leads back to the
 * identity; one per identity, so the erased rows stay linked to each other exactly as the identities
 * linked them, and stats, holds and later reversals read them as before.
 */
export function pseudonym(): string {
  return `erased:${nanoid()}`;
}

/** The pseudonyms of one erasure, one per identity it reached, made when first asked. */
export class Pseudonyms {
  private readonly of = new Map<string, string>();

  /** The pseudonym of an identity value (a customer id or an email hash); `null` stays `null`. */
  get(value: string | null): string | null {
    if (value === null) return null;
    let taken = this.of.get(value);
    if (taken === undefined) {
      taken = pseudonym();
      this.of.set(value, taken);
    }
    return taken;
  }

  /** A ledger row's `customer` key (`id:…` or `email:…`) with its identity replaced. */
  customerKey(key: string | null): string | null {
    if (key === null) return null;
    const colon = key.indexOf(':');
    return `${key.slice(0, colon)}:${this.get(key.slice(colon + 1))}`;
  }
}

/**
 * A redemption's recorded fingerprint with the customer's id and email hash replaced by their pseudonyms:
 * `code currency subtotal discount total id emailHash firstOrder` (see `fingerprint`), or for a webhook
 * claim the same after `redemptionKey|`. Ids and hashes hold no space, so the fields split one way. A
 * fingerprint of another shape (an early release's) is replaced whole, as nothing could match it then.
 */
export function erasedFingerprint(recorded: string, redemptionKey: string, pseudonyms: Pseudonyms): string {
  const head = recorded.startsWith(`${redemptionKey}|`) ? `${redemptionKey}|` : '';
  const fields = recorded.slice(head.length).split(' ');
  if (fields.length !== 8) return pseudonym();
  fields[5] = fields[5] === '' ? '' : (pseudonyms.get(fields[5] as string) as string);
  fields[6] = fields[6] === '' ? '' : (pseudonyms.get(fields[6] as string) as string);
  return head + fields.join(' ');
}
