/**
 * The trusted path: after placing an order, the shop's server reports the redemption to the
 * receiver over HTTP as a signed event, through `@referkit/sdk/server` — the same client the
 * browser uses, signing each attempt with the shared secret and retrying what is temporary.
 */
import type { Program } from '@referkit/events';
import { createReferkit, type ReferkitClient } from '@referkit/sdk/server';
import type { DeliverRedemption } from './place-order.js';

/** Where to send, and with which secret. */
export interface SignedDeliveryOptions {
  secret: string;
  /** The brand's API base, e.g. `http://127.0.0.1:5173/api`. */
  endpoint: string;
}

/** Sends each redemption through a signing client, one per program. */
export function signedDelivery({ secret, endpoint }: SignedDeliveryOptions): { deliver: DeliverRedemption } {
  const clients = new Map<string, ReferkitClient>();
  const clientFor = (program: Program) => {
    let client = clients.get(program.id);
    if (!client) {
      client = createReferkit({ program: program.id, endpoint, secret, attribution: program.attribution });
      clients.set(program.id, client);
    }
    return client;
  };
  return {
    deliver: (program, { code, orderId, order, customer, attribution }) =>
      clientFor(program).redeem({
        orderId,
        order,
        customer,
        referral: { code, ...(attribution ? { landedAt: attribution.landedAt, channel: attribution.channel } : {}) },
      }),
  };
}
