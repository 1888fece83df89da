/**
 * The trusted path: after placing an order, the shop's server reports the redemption to the
 * receiver over HTTP as a signed event, through `@referkit/sdk/server` — the same client the
 * browser uses, signing each attempt with the shared secret and retrying what is temporary.
 */
import type { Program } from '@referkit/events';
import { createReferkit } from '@referkit/sdk/server';
import type { DeliverRedemption } from './place-order.js';

/** Where to send, and with which secret. */
export interface SignedDeliveryOptions {
  secret: string;
  /** The brand's API base, read at each send (the server's port is known only once it listens). */
  endpoint: () => string;
}

/** A signing client per program, and a way to stop their retries on shutdown. */
export function signedDelivery({ secret, endpoint }: SignedDeliveryOptions): { deliver: DeliverRedemption; stop(): void } {
  const clients = new Map<string, ReturnType<typeof createReferkit>>();
  const clientFor = (program: Program) => {
    let client = clients.get(program.id);
    if (!client) {
      client = createReferkit({ program: program.id, endpoint: endpoint(), secret, attribution: program.attribution });
      clients.set(program.id, client);
    }
    return client;
  };
  return {
    deliver: (program, claim) =>
      clientFor(program).redeem({
        orderId: claim.orderId,
        order: claim.order,
        customer: claim.customer,
        referral: { code: claim.code, ...(claim.attribution ? { landedAt: claim.attribution.landedAt, channel: claim.attribution.channel } : {}) },
      }),
    stop: () => clients.clear(),
  };
}
