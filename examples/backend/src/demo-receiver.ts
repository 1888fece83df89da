/**
 * The demo's receiver at `POST /api/referrals/events`, one URL for both kinds of sender:
 * - signed events (Standard Webhooks headers) come from the shop's own server, through
 *   `@referkit/sdk/server` with the shared secret: the trusted path, verified before anything else;
 * - unsigned events come from browsers: landings and shares are recorded as reported, and a
 *   redemption is recorded only when `confirmOrder` finds the order in the shop's orders table.
 * A request that carries any `webhook-*` header is judged as signed, so a forged signature is
 * refused (401) rather than downgraded to a claim.
 */
import { createReceiver, type Program, type ReceiverFailure } from '@referkit/events';
import { confirmOrder } from './confirm-order.js';
import type { SqlClient } from './database.js';
import type { DemoStore } from './demo-store.js';

/** What the receiver is built from. */
export interface DemoReceiverOptions {
  client: SqlClient;
  store: DemoStore;
  programs: ReadonlyMap<string, Program>;
  /** The shop server's signing secret (`whsec_…`). */
  secret: string;
  now?: () => Date;
}

/** Builds the receiver: a Fetch handler that routes signed and unsigned events. */
export function createDemoReceiver({ client, store, programs, secret, now }: DemoReceiverOptions) {
  const common = {
    programs: [...programs.values()],
    resolveCode: (code: string, program: string) => store.ambassadorByCode(code, program),
    store,
    ...(now ? { now } : {}),
    // The sender only hears 500 or 503; the cause belongs in the shop's log.
    onError: (error: unknown, { status, event }: ReceiverFailure) =>
      console.error(`[referkit-demo] receiver answered ${status}${event ? ` to ${event.id}` : ''}: ${String(error)}`),
  };
  const signed = createReceiver({ ...common, secret });
  const claims = createReceiver({ ...common, confirmOrder: (redemption) => confirmOrder(client, redemption) });
  return (request: Request): Promise<Response> => {
    const isSigned = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].some((name) => request.headers.has(name));
    return isSigned ? signed(request) : claims(request);
  };
}
