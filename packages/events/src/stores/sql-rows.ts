/** Reading the SQL store's rows back into the shapes the receiver and the stats use. */
import type { RedemptionRewards } from '../rewards.js';
import type { CommitResult, LedgerRow } from './store.js';

type Row = Record<string, unknown>;

/** The answer to a claim whose keys were taken: a duplicate when every fingerprint matches, else a conflict. */
export function verdictOn(taken: { key: string; fingerprint: string }[], existing: Row[]): CommitResult {
  const byKey = new Map(existing.map((row) => [String(row.key), row]));
  let rewards: RedemptionRewards | null = null;
  for (const claim of taken) {
    const row = byKey.get(claim.key);
    if (!row || row.fingerprint !== claim.fingerprint) return { status: 'conflict' };
    rewards ??= json(row.rewards);
  }
  return { status: 'duplicate', rewards };
}

/** Maps a ledger row from SQL to the shared row shape. */
export function toLedgerRow(row: Row): LedgerRow {
  return {
    id: String(row.id),
    type: row.type as LedgerRow['type'],
    program: String(row.program),
    code: String(row.code),
    channel: (row.channel as string | null) ?? null,
    occurredAt: iso(row.occurred_at) as string,
    orderId: (row.order_id as string | null) ?? null,
    total: Number(row.total),
    discount: Number(row.discount),
    customer: row.customer_id
      ? `id:${row.customer_id}`
      : row.customer_email_hash
        ? `email:${row.customer_email_hash}`
        : null,
    repeat: row.repeat === true,
    rewards: json(row.rewards),
    reversedAt: iso(row.reversed_at),
  };
}

/** Parses a jsonb value; pg returns jsonb parsed; some drivers and proxies return text. */
export function json<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A timestamptz as an ISO string, `null` for `null`. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
