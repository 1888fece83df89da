/** Reading the SQL store's rows back into the shapes the receiver uses. */
import { type IdempotencyClaim, sameContent } from '../idempotency.js';
import { answerRewards, type RedemptionRewards } from '../rewards.js';
import type { CommitResult } from './store.js';

type Row = Record<string, unknown>;

/** The answer to a claim whose keys were taken: a duplicate when every fingerprint matches, else a conflict. */
export function verdictOn(taken: IdempotencyClaim[], existing: Row[]): CommitResult {
  const byKey = new Map(existing.map((row) => [String(row.key), row]));
  let rewards: RedemptionRewards | null = null;
  for (const claim of taken) {
    const row = byKey.get(claim.key);
    if (!row || !sameContent(row.fingerprint, claim)) return { status: 'conflict' };
    rewards ??= rewardsFrom(row.rewards);
  }
  return { status: 'duplicate', rewards };
}

/** Rewards read back from a jsonb column, in the answer's field order (jsonb keeps its own). */
export function rewardsFrom(value: unknown): RedemptionRewards | null {
  const stored = json<RedemptionRewards>(value);
  return stored && answerRewards(stored.friend, stored.ambassador, stored.retention);
}

/** Parses a jsonb value; pg returns jsonb parsed; some drivers and proxies return text. */
export function json<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A timestamptz as an ISO string, `null` for `null`. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // The Date constructor copies a Date of any realm (a driver loaded in another vm context fails
  // `instanceof Date`) to the millisecond, where String() of one would drop the milliseconds.
  return new Date(typeof value === 'object' ? (value as Date) : String(value)).toISOString();
}
