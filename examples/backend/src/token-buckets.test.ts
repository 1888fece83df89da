/**
 * The sign-up throttle's buckets on a clock the test moves: a burst, then one every interval, counted
 * per client, in memory that stays bounded however many clients come.
 */
import { describe, expect, test } from 'vitest';
import { tokenBuckets } from './token-buckets.js';

const MINUTE = 60_000;

describe('tokenBuckets', () => {
  test('takes a burst, then refuses with the whole seconds until the next token', () => {
    const buckets = tokenBuckets({ burst: 3, everyMs: MINUTE });
    expect([1, 2, 3].map(() => buckets.take('10.0.0.1', 0).ok)).toEqual([true, true, true]);
    expect(buckets.take('10.0.0.1', 0)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(buckets.take('10.0.0.1', 15_500)).toEqual({ ok: false, retryAfterSeconds: 45 });
  });

  test('gives back one token an interval, never more than the burst', () => {
    const buckets = tokenBuckets({ burst: 2, everyMs: MINUTE });
    buckets.take('10.0.0.1', 0);
    buckets.take('10.0.0.1', 0);
    expect(buckets.take('10.0.0.1', MINUTE).ok).toBe(true);
    expect(buckets.take('10.0.0.1', MINUTE).ok).toBe(false);
    // A day later: two, the burst, not 1,440.
    const later = 24 * 60 * MINUTE;
    expect([1, 2, 3].map(() => buckets.take('10.0.0.1', later).ok)).toEqual([true, true, false]);
  });

  test('does not count a refused request against its client', () => {
    const buckets = tokenBuckets({ burst: 1, everyMs: MINUTE });
    buckets.take('10.0.0.1', 0);
    for (let second = 1; second < 60; second++) buckets.take('10.0.0.1', second * 1000);
    expect(buckets.take('10.0.0.1', MINUTE).ok).toBe(true);
  });

  test('counts each client apart', () => {
    const buckets = tokenBuckets({ burst: 1, everyMs: MINUTE });
    expect(buckets.take('10.0.0.1', 0).ok).toBe(true);
    expect(buckets.take('10.0.0.1', 0).ok).toBe(false);
    expect(buckets.take('10.0.0.2', 0).ok).toBe(true);
  });

  test('keeps at most maxClients, forgetting the one seen longest ago', () => {
    const buckets = tokenBuckets({ burst: 1, everyMs: MINUTE }, 3);
    for (const client of ['a', 'b', 'c', 'd', 'e']) buckets.take(client, 0);
    expect(buckets.size).toBe(3);
    // `a` and `b` are forgotten, and start again; `e` is still counted.
    expect(buckets.take('e', 0).ok).toBe(false);
    expect(buckets.take('a', 0).ok).toBe(true);
    expect(buckets.size).toBe(3);
  });

  test('stays within maxClients under 100,000 clients', () => {
    const buckets = tokenBuckets({ burst: 10, everyMs: MINUTE }, 1000);
    for (let client = 0; client < 100_000; client++) buckets.take(`client-${client}`, client);
    expect(buckets.size).toBe(1000);
  });
});
