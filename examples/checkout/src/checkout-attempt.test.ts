import { describe, expect, test } from 'vitest';
import { type AttemptStorage, checkoutAttempt } from './checkout-attempt.js';

/** localStorage as a page sees it: shared by every tab (every call here) of the origin. */
const aStorage = (): AttemptStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
};

const DAY_MS = 86_400_000;

describe('checkoutAttempt', () => {
  test('gives the same key for a basket until the attempt ends, as after a reload or in a new tab', () => {
    const storage = aStorage();
    const first = checkoutAttempt('sencha-tin:1', { storage });
    expect(first.key).toMatch(/^[0-9a-f]{32}$/);
    expect(checkoutAttempt('sencha-tin:1', { storage }).key).toBe(first.key);
    first.end();
    expect(checkoutAttempt('sencha-tin:1', { storage }).key).not.toBe(first.key);
  });

  test('gives another basket another key', () => {
    const storage = aStorage();
    expect(checkoutAttempt('sencha-tin:2', { storage }).key).not.toBe(checkoutAttempt('sencha-tin:1', { storage }).key);
  });

  test('starts a new attempt once a day has passed', () => {
    const storage = aStorage();
    const now = Date.now();
    const first = checkoutAttempt('sencha-tin:1', { storage, now });
    expect(checkoutAttempt('sencha-tin:1', { storage, now: now + DAY_MS - 1 }).key).toBe(first.key);
    expect(checkoutAttempt('sencha-tin:1', { storage, now: now + DAY_MS }).key).not.toBe(first.key);
  });

  test('replaces whatever else the page left under its name', () => {
    const storage = aStorage();
    storage.setItem('fernwood:checkout-attempt:sencha-tin:1', '{"key":"<script>","startedAt":1}');
    expect(checkoutAttempt('sencha-tin:1', { storage }).key).toMatch(/^[0-9a-f]{32}$/);
  });

  test('keeps the key for the page where storage throws', () => {
    const refused = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const storage: AttemptStorage = { getItem: refused, setItem: refused, removeItem: refused };
    const first = checkoutAttempt('oolong-tin:1', { storage });
    expect(checkoutAttempt('oolong-tin:1', { storage }).key).toBe(first.key);
    first.end();
    expect(checkoutAttempt('oolong-tin:1', { storage }).key).not.toBe(first.key);
  });
});
