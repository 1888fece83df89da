/**
 * A reversal waits behind its order's redemption. A shop that refunds at once may reverse an order
 * whose redemption its client still holds: one that met a 503 and resolved `queued`, or one still on
 * its way. Sent first, the reversal finds no redemption and is refused for good (`unknown_order`);
 * the redemption's retry is then recorded, and the refunded order keeps its ambassador's reward.
 * Server only: a page never reverses, so none of this reaches a browser bundle.
 */
import { KEY as OUTBOX_KEY } from './outbox.js';
import { type KeyValueStore, readJson } from './storage.js';

/**
 * Whether a client's store still holds, in its outbox for `url`, a redemption of `orderId` in
 * `program`: queued, or on its way (the outbox removes an event only on a verdict).
 */
export function holdsRedemption(store: KeyValueStore, url: string, program: string, orderId: unknown): boolean {
  return store.keys().some((key) => {
    if (!key.startsWith(OUTBOX_KEY) || !key.endsWith(` ${url}`)) return false;
    const event = readJson(store.get(key));
    return event?.type === 'redemption' && event.program === program && event.orderId === orderId;
  });
}

/**
 * A fetch that answers a reversal whose order's redemption the client still holds with a `503
 * redemption_queued` of its own, without a request, and sends anything else with `send`. The outbox
 * keeps that reversal as it keeps any 503's event, and sends it at a later attempt or flush, once the
 * redemption has its verdict. The answer names no `Retry-After`, which would hold every other event for
 * the endpoint.
 */
export function behindRedemption(
  store: () => KeyValueStore,
  url: () => string,
  program: string,
  send: typeof fetch,
): typeof fetch {
  return async (input, init) => {
    const event = readJson(String(init?.body));
    if (event?.type !== 'reversal' || !holdsRedemption(store(), url(), program, event.orderId))
      return send(input, init);
    return Response.json(
      {
        error: {
          code: 'redemption_queued',
          message: `Not sent yet: the redemption of order ${event.orderId} is still queued in this client, and goes first`,
        },
      },
      { status: 503 },
    );
  };
}
