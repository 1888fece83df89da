/**
 * The checkout attempt's idempotency key, sent as `Idempotency-Key` with `POST /api/orders`: the
 * shop places at most one order per key and answers a repeat with the order already placed. There
 * is one key per basket, kept in localStorage until the shop answers, so pressing "Place order"
 * again after a lost answer — a dropped connection, a reload, or the tab closed and the checkout
 * opened anew — asks for that same order instead of placing a second one.
 */

/** A checkout attempt: its key, and how to end it once the shop has answered. */
export interface CheckoutAttempt {
  key: string;
  /** Forgets the key: the next "Place order" for this basket is a new attempt with a new key. */
  end(): void;
}

/** The part of `Storage` an attempt needs. */
export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'fernwood:checkout-attempt:';
// Long enough to come back the same day after a lost answer; short enough that ordering the same
// basket again next week is a new order, not last week's shown again.
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

// Where localStorage throws (blocked storage, some private modes), keys last as long as the page.
const inMemory = new Map<string, string>();

/**
 * The attempt under way for a basket (e.g. `sencha-tin:2`), or a new one.
 * @example
 * const attempt = checkoutAttempt(`${sku}:${quantity}`);
 * const result = await placeOrder(order, attempt.key);
 * if (result.ok) attempt.end();
 */
export function checkoutAttempt(
  basket: string,
  { storage, now = Date.now() }: { storage?: AttemptStorage; now?: number } = {},
): CheckoutAttempt {
  const name = PREFIX + basket;
  // Read at the call, not at import: a page without localStorage (Node, a blocked one) throws here.
  const device = () => storage ?? localStorage;
  const end = () => {
    inMemory.delete(name);
    try {
      device().removeItem(name);
    } catch {}
  };
  let stored: string | null;
  try {
    stored = device().getItem(name);
  } catch {
    stored = inMemory.get(name) ?? null;
  }
  const kept = readAttempt(stored);
  if (kept && now - kept.startedAt < MAX_AGE_MS) return { key: kept.key, end };
  const key = newKey();
  const value = JSON.stringify({ key, startedAt: now });
  try {
    device().setItem(name, value);
  } catch {
    inMemory.set(name, value);
  }
  return { key, end };
}

/** The stored attempt, or null for anything else: storage is the page's to write too. */
function readAttempt(stored: string | null): { key: string; startedAt: number } | null {
  try {
    const { key, startedAt } = JSON.parse(stored ?? 'null') ?? {};
    return typeof key === 'string' && /^[0-9a-f]{32}$/.test(key) && Number.isFinite(startedAt)
      ? { key, startedAt }
      : null;
  } catch {
    return null;
  }
}

/** 128 random bits as 32 hex digits. getRandomValues works on plain http pages too, where `crypto.randomUUID` is missing. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
