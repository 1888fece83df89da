/**
 * Idempotency keys and content fingerprints. One order redeems once, so a redemption's key is its
 * program and order id, whatever event id the sender gave it; other events are keyed by their id.
 */
import type { LandingEvent, ReferralEvent, ShareEvent } from './event.js';
import { canonicalTime } from './time.js';

/** A key the store claims once, with the fingerprint of the content first recorded under it. */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
  /**
   * The fingerprint an earlier release recorded for the same content, which a replay also matches:
   * keys live 7 days, so a replay may arrive after an upgrade changed how content is fingerprinted.
   */
  formerly?: string | undefined;
}

/** Whether content recorded under a claim's key with `recorded` is the claim's own. */
export const sameContent = (recorded: unknown, claim: IdempotencyClaim) =>
  recorded === claim.fingerprint || (claim.formerly !== undefined && recorded === claim.formerly);

/** The idempotency key of an event: `program + orderId` for redemptions and reversals, else its id. */
export function idempotencyKey(event: ReferralEvent): string {
  // A slug has no colon, so `program:orderId` cannot be read two ways. Keys and fingerprints are
  // joined rather than templated: join makes one flat string, where a template literal leaves a
  // tree of its pieces that a store keeps, several times larger, for as long as it keeps the key.
  if (event.type === 'redemption' || event.type === 'reversal')
    return orderKey(event.type, event.program, event.orderId);
  return `event:${event.id}`;
}

/** The key of an order's redemption or reversal: `type:program:orderId`. */
const orderKey = (type: 'redemption' | 'reversal', program: string, orderId: string) =>
  [type, program, orderId].join(':');

/** The idempotency key of an order's redemption, as `idempotencyKey` gives it (an erasure finds its claims so). */
export const redemptionKey = (program: string, orderId: string): string => orderKey('redemption', program, orderId);

/**
 * The content that must match for a replay to count as the same event. A redemption sent again
 * from another place (the browser, then the shop's server) carries a new event id and time but
 * the same order, so only the fields that decide the verdict and the rewards are compared.
 */
export function fingerprint(event: ReferralEvent): string {
  switch (event.type) {
    case 'redemption': {
      // Codes, currencies, ids and hashes never contain a space (and ids are never empty), so spaces separate them unambiguously.
      // Not `order.lines`: it says how the discount was rounded, which one of an order's two senders
      // (the page, the shop's server) may not know; the order is judged once, when first recorded.
      const { order, customer } = event;
      return [
        event.code,
        order.currency,
        order.subtotal,
        order.discount,
        order.total,
        customer?.id ?? '',
        customer?.emailHash ?? '',
        customer?.firstOrder ?? '',
      ].join(' ');
    }
    case 'reversal':
      // The reason is content too: a refund replayed as fraud is another claim, not the same one.
      // A reversal without one keeps the fingerprint it always had; keys recorded before the reason
      // counted are matched through the claim's `formerly` (claimsFor).
      return event.reason ? [event.code, event.reason].join(' ') : event.code;
    case 'landing':
    case 'share':
      // The instant, not its spelling: `…00Z` and `…00.000Z` are one landing sent twice.
      return visitPrint(event, canonicalTime(event.occurredAt));
  }
}

function visitPrint(event: LandingEvent | ShareEvent, occurredAt: string): string {
  return event.type === 'landing'
    ? JSON.stringify([event.type, event.program, event.code, occurredAt, event.channel ?? null, event.url ?? null])
    : JSON.stringify([event.type, event.program, event.code, occurredAt, event.channel]);
}

/** The fingerprint an earlier release gave the same content, where it differs from today's. */
function formerFingerprint(event: ReferralEvent): string | undefined {
  // Until the reason counted, a reversal's fingerprint was its code alone.
  if (event.type === 'reversal') return event.reason ? event.code : undefined;
  // Until times were compared as instants, a landing's or share's was compared as written.
  if (event.type === 'landing' || event.type === 'share') {
    return canonicalTime(event.occurredAt) === event.occurredAt ? undefined : visitPrint(event, event.occurredAt);
  }
  return undefined;
}

/** Every key an event claims: its own, and for a signed delivery the `webhook-id` as well. */
export function claimsFor(event: ReferralEvent, webhookId?: string): IdempotencyClaim[] {
  const key = idempotencyKey(event);
  const print = fingerprint(event);
  const formerly = formerFingerprint(event);
  const claims: IdempotencyClaim[] = [{ key, fingerprint: print, formerly }];
  // A webhook-id reused for another event is a conflict, even when that event's own key is new.
  // The fingerprint is templated on purpose: it points at `key` and `print`, which the store keeps
  // anyway; the key is joined, so that the header's id string is not kept alongside it.
  if (webhookId !== undefined) {
    claims.push({
      key: ['webhook', webhookId].join(':'),
      fingerprint: `${key}|${print}`,
      formerly: formerly && `${key}|${formerly}`,
    });
  }
  return claims;
}
