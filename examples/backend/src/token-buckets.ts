/**
 * A token bucket per client, in memory: each client may take `burst` at once, then one every
 * `everyMs`, and is told how long to wait when it has none (`Retry-After`). The demo's sign-up
 * throttle: a person signs up once, a household or an office behind one address a few times, and a
 * script at most one a minute after its burst. Memory is bounded: at `maxClients` the client seen
 * longest ago is forgotten (the likeliest to be full again, and a forgotten client starts full).
 */

/** How many a client may take at once, and how often one comes back. */
export interface BucketLimit {
  burst: number;
  everyMs: number;
}

/** The answer to one request: taken, or refused with the whole seconds until the client has one. */
export type BucketVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Buckets by client. */
export interface TokenBuckets {
  /** Takes one of `client`'s tokens at `now` (ms), if it has one; a refusal takes nothing. */
  take(client: string, now: number): BucketVerdict;
  /** How many clients are remembered. */
  readonly size: number;
}

/** About 1 MB at most: a few dozen bytes a client. */
const MAX_CLIENTS = 10_000;

/** Makes empty buckets of `limit`, remembering at most `maxClients`. @default maxClients 10000 */
export function tokenBuckets(limit: BucketLimit, maxClients = MAX_CLIENTS): TokenBuckets {
  // A Map iterates in insertion order, and a client is inserted again each time it takes one:
  // its first key is the client seen longest ago.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, now) {
      const bucket = buckets.get(client);
      const tokens = bucket
        ? Math.min(limit.burst, bucket.tokens + Math.max(0, now - bucket.at) / limit.everyMs)
        : limit.burst;
      if (tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil(((1 - tokens) * limit.everyMs) / 1000) };
      buckets.delete(client);
      for (const oldest of buckets.keys()) {
        if (buckets.size < maxClients) break;
        buckets.delete(oldest);
      }
      buckets.set(client, { tokens: tokens - 1, at: now });
      return { ok: true };
    },
    get size() {
      return buckets.size;
    },
  };
}
