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

// A server has no next page load, `online` or `pagehide` to flush on: what a run left queued
// (a 503, a timeout) is retried on this clock instead.
const FLUSH_EVERY_MS = 30_000;

/**
 * Sends each redemption through a signing client, one per program. A few quick attempts keep the
 * checkout answering promptly; what is still queued is retried every 30 s until `close()`.
 * The queue is in this process's memory: a brand's order service would give the client a durable store.
 */
export function signedDelivery({ secret, endpoint }: SignedDeliveryOptions): {
  deliver: DeliverRedemption;
  close(): void;
} {
  const clients = new Map<string, ReferkitClient>();
  const clientFor = (program: Program) => {
    let client = clients.get(program.id);
    if (!client) {
      client = createReferkit({
        program: program.id,
        endpoint,
        secret,
        attribution: program.attribution,
        retry: { limit: 3 },
      });
      clients.set(program.id, client);
    }
    return client;
  };
  const timer = setInterval(() => {
    for (const client of clients.values()) void client.flush();
  }, FLUSH_EVERY_MS);
  // The retry clock alone never keeps the process alive.
  timer.unref();
  return {
    close: () => clearInterval(timer),
    deliver: (program, { code, orderId, order, customer, attribution }) =>
      clientFor(program).redeem({
        orderId,
        order,
        customer,
        referral: { code, ...(attribution ? { landedAt: attribution.landedAt, channel: attribution.channel } : {}) },
      }),
  };
}
