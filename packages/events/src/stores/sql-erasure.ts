/**
 * Erasing a customer in the SQL store, in one transaction: the rows the rules would match them by, and
 * every row linked to those by id or email hash, take pseudonyms in place of the identities, and so do
 * the fingerprints of their orders' idempotency keys; the customer's lock rows go.
 *
 * It takes its locks in a commit's order, the codes' rows then the customers' rows, each in sorted order,
 * and the ledger's rows only after: a commit of the same customer waits for the erasure or the erasure for
 * it, never each for the other. A commit that waited is recorded after it as a new customer (the ledger
 * holds no order of theirs any more); one the erasure waited for is erased with the rest.
 */
import { redemptionKey } from '../idempotency.js';
import { type CheckedErasure, erasedFingerprint, Pseudonyms } from './customer-erasure.js';
import type { SqlQueryable } from './sql-store.js';
import { customerKey } from './store.js';

/**
 * The customer's orders gained an identity or a code between the erasure's first read and its locks (a
 * commit linking a new email to them): rolled back, the erasure starts again from all it found.
 */
export class ErasureGrew {
  constructor(readonly erasure: CheckedErasure) {}
}

interface LedgerRow {
  seq: string;
  type: string;
  order_id: string | null;
  code: string;
  customer_id: string | null;
  customer_email_hash: string | null;
  customer: string | null;
  fingerprint: string;
}

/**
 * Erases the customer in `tx`, a READ COMMITTED transaction: the count of ledger rows changed, or `null`
 * for a program neither registered nor in the ledger. Throws {@link ErasureGrew} to be run again.
 */
export async function eraseCustomerIn(tx: SqlQueryable, p: string, erasure: CheckedErasure): Promise<number | null> {
  const { program } = erasure;
  const known = await tx.query(
    `SELECT EXISTS (SELECT FROM ${p}programs WHERE id = $1) OR EXISTS (SELECT FROM ${p}ledger WHERE program = $1) AS known`,
    [program],
  );
  if (!(known.rows[0] as { known: boolean }).known) return null;
  const reached = await reach(tx, p, erasure);
  const codes = [...reached.codes].sort();
  if (codes.length > 0)
    await tx.query(
      `INSERT INTO ${p}codes (program, code) VALUES ${codes.map((_, index) => `($1, $${index + 2})`).join(', ')}
       ON CONFLICT (program, code) DO UPDATE SET touched = ${p}codes.touched + 1`,
      [program, ...codes],
    );
  // As a commit locks a customer's identities: sorted, in one statement, so that the two never deadlock.
  const customers = [
    ...[...reached.ids].map((id) => customerKey('id', id)),
    ...[...reached.emails].map((email) => customerKey('email', email)),
  ].sort();
  await tx.query(
    `INSERT INTO ${p}customers (program, customer) VALUES ${customers.map((_, index) => `($1, $${index + 2})`).join(', ')}
     ON CONFLICT (program, customer) DO UPDATE SET touched = ${p}customers.touched + 1`,
    [program, ...customers],
  );
  // Read again under the locks: what a commit that held them first added is in, and nothing is added now.
  // In the order recorded, as a reversal takes a first order's row before its later orders'.
  const found = await tx.query(
    `SELECT seq, type, order_id, code, customer_id, customer_email_hash, customer, fingerprint FROM ${p}ledger
     WHERE program = $1 AND (customer_id = ANY($2) OR customer_email_hash = ANY($3)) ORDER BY seq FOR UPDATE`,
    [program, [...reached.ids], [...reached.emails]],
  );
  const rows = found.rows as LedgerRow[];
  const outside = rows.some(
    (row) =>
      !reached.codes.has(row.code) ||
      (row.customer_id !== null && !reached.ids.has(row.customer_id)) ||
      (row.customer_email_hash !== null && !reached.emails.has(row.customer_email_hash)),
  );
  if (outside) {
    const grown = await reach(tx, p, erasure);
    throw new ErasureGrew({ program, ids: [...grown.ids], emails: [...grown.emails] });
  }
  const pseudonyms = new Pseudonyms();
  if (rows.length > 0) {
    await tx.query(
      `UPDATE ${p}ledger AS row SET customer_id = erased.customer_id, customer_email_hash = erased.email,
         customer = erased.customer, fingerprint = erased.fingerprint
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS erased (seq, customer_id, email, customer, fingerprint)
       WHERE row.seq = erased.seq`,
      [
        rows.map((row) => row.seq),
        rows.map((row) => pseudonyms.get(row.customer_id)),
        rows.map((row) => pseudonyms.get(row.customer_email_hash)),
        rows.map((row) => pseudonyms.customerKey(row.customer)),
        rows.map((row) =>
          row.type === 'redemption' && row.order_id !== null
            ? erasedFingerprint(row.fingerprint, redemptionKey(program, row.order_id), pseudonyms)
            : row.fingerprint,
        ),
      ],
    );
    await eraseClaims(tx, p, program, rows, pseudonyms);
  }
  // Lock rows only, named by the identities: they go, and the next commit of one makes it again.
  await tx.query(`DELETE FROM ${p}customers WHERE program = $1 AND customer = ANY($2)`, [program, customers]);
  return rows.length;
}

/**
 * The customer's identities, and the codes of their orders, as far as the ledger links them: from the
 * erasure's, every row's id and email hash, again until no row adds one. By the ledger's customer indexes.
 */
async function reach(tx: SqlQueryable, p: string, { program, ids, emails }: CheckedErasure) {
  const reached = { ids: new Set(ids), emails: new Set(emails), codes: new Set<string>() };
  for (let grew = true; grew; ) {
    const found = await tx.query(
      `SELECT DISTINCT customer_id, customer_email_hash, code FROM ${p}ledger
       WHERE program = $1 AND (customer_id = ANY($2) OR customer_email_hash = ANY($3))`,
      [program, [...reached.ids], [...reached.emails]],
    );
    const before = reached.ids.size + reached.emails.size;
    for (const row of found.rows as LedgerRow[]) {
      if (row.customer_id !== null) reached.ids.add(row.customer_id);
      if (row.customer_email_hash !== null) reached.emails.add(row.customer_email_hash);
      reached.codes.add(row.code);
    }
    grew = reached.ids.size + reached.emails.size > before;
  }
  return reached;
}

/**
 * The fingerprints of the erased orders' idempotency keys, and of their webhook-ids' keys (`key|print`),
 * with the pseudonyms. Webhook keys are found by their fingerprint, which no index holds: the table keeps
 * a week of keys, read once for an erasure, which is rare.
 */
async function eraseClaims(tx: SqlQueryable, p: string, program: string, rows: LedgerRow[], pseudonyms: Pseudonyms) {
  const keys = rows.flatMap((row) =>
    row.type === 'redemption' && row.order_id !== null ? [redemptionKey(program, row.order_id)] : [],
  );
  if (keys.length === 0) return;
  const found = await tx.query(
    `SELECT key, fingerprint FROM ${p}idempotency WHERE key = ANY($1)
       OR (left(key, 8) = 'webhook:' AND EXISTS (SELECT FROM unnest($1::text[]) AS order_key
             WHERE left(fingerprint, length(order_key) + 1) = order_key || '|'))
     ORDER BY key FOR UPDATE`,
    [keys],
  );
  const claims = found.rows as { key: string; fingerprint: string }[];
  if (claims.length === 0) return;
  const orderKeyOf = (claim: { key: string; fingerprint: string }) =>
    keys.find((key) => claim.key === key || claim.fingerprint.startsWith(`${key}|`)) as string;
  await tx.query(
    `UPDATE ${p}idempotency AS claim SET fingerprint = erased.fingerprint
     FROM unnest($1::text[], $2::text[]) AS erased (key, fingerprint) WHERE claim.key = erased.key`,
    [
      claims.map((claim) => claim.key),
      claims.map((claim) => erasedFingerprint(claim.fingerprint, orderKeyOf(claim), pseudonyms)),
    ],
  );
}
