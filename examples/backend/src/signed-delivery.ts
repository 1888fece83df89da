/**
 * The trusted path: after placing an order, the shop's server reports the redemption to the
 * receiver over HTTP as a signed event, through `@referkit/sdk/server` — the same client the
 * browser uses, signing each attempt with the shared secret and retrying what is temporary — and
 * after a refund, the reversal that takes the ambassador's reward back (`reverse`, server only).
 */
import type { Program } from '@referkit/events';
import { createReferkit, type ServerReferkitClient } from '@referkit/sdk/server';
import type { DeliverRedemption } from './place-order.js';
import type { DeliverReversal } from './refund-order.js';

/** Where to send, and with which secret. */
export interface SignedDeliveryOptions {
  secret: string;
  /** The brand's API base, e.g. `http://127.0.0.1:5173/api`. */
  endpoint: string;
  /** How requests reach it; tests hand them to the receiver in-process. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** The shop's clock, which its receiver checks signatures' timestamps against. @default the system clock */
  now?: () => Date;
}

/** The shop's two signed reports: an order's redemption, and its refund's reversal. */
export interface SignedDelivery {
  redeem: DeliverRedemption;
  reverse: DeliverReversal;
}

/**
 * Sends each redemption and reversal through a signing client, one per program. A few quick attempts
 * keep the checkout and the orders page answering promptly; what is still queued stays pending with
 * its order, which `resendPendingReports` sends again (order-reports.ts): a server has no next page
 * load, `online` or `pagehide` to flush on, and a process's memory does not outlive it.
 */
export function signedDelivery({ secret, endpoint, fetch, now }: SignedDeliveryOptions): SignedDelivery {
  const clients = new Map<string, ServerReferkitClient>();
  const clientFor = (program: Program) => {
    let client = clients.get(program.id);
    if (!client) {
      client = createReferkit({
        program: program.id,
        endpoint,
        secret,
        attribution: program.attribution,
        retry: { limit: 3 },
        ...(fetch ? { fetch } : {}),
        ...(now ? { now } : {}),
      });
      clients.set(program.id, client);
    }
    return client;
  };
  return {
    redeem: (program, { code, orderId, order, customer, attribution, occurredAt }) =>
      clientFor(program).redeem({
        // The demo's order ids (`ord_` and 20 hex digits) fit an event id, so one order is always one event.
        id: `evt_${orderId}`,
        occurredAt,
        orderId,
        order,
        customer,
        referral: { code, ...(attribution ? { landedAt: attribution.landedAt, channel: attribution.channel } : {}) },
      }),
    // One refund is one event too: its id is the order's, its time the refund's.
    reverse: (program, { code, orderId, reason, occurredAt }) =>
      clientFor(program).reverse({ id: `evt_refund_${orderId}`, occurredAt, orderId, code, reason }),
  };
}
