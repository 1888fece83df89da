/** Reading the SQL store's rows back into the shapes the receiver uses. */
import type { RedemptionRewards } from '../rewards.js';
import type { CommitResult } from './store.js';

type Row = Record<string, unknown>;

/** The answer to a claim whose keys were taken: a duplicate when every fingerprint matches, else a conflict. */
export function verdictOn(taken: { key: string; fingerprint: string }[], existing: Row[]): CommitResult {
  const byKey = new Map(existing.map((row) => [String(row.key), row]));
  let rewards: RedemptionRewards | null = null;
  for (const claim of taken) {
    const row = byKey.get(claim.key);
    if (!row || row.fingerprint !== claim.fingerprint) return { status: 'conflict' };
    rewards ??= rewardsFrom(row.rewards);
  }
  return { status: 'duplicate', rewards };
}

/**
 * Rewards read back from a jsonb column, in the field order `rewardsFor` writes them: jsonb keeps
 * its own key order, and a duplicate's answer should read exactly like the first one's.
 */
export function rewardsFrom(value: unknown): RedemptionRewards | null {
  const stored = json<RedemptionRewards>(value);
  if (!stored) return null;
  const { friend, ambassador: grant } = stored;
  return {
    friend: { discount: friend.discount, currency: friend.currency },
    ambassador: grant && {
      amount: grant.amount,
      type: grant.type,
      currency: grant.currency,
      status: grant.status,
      confirmsAt: grant.confirmsAt,
      reason: grant.reason,
    },
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
