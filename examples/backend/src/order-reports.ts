/**
 * The shop's side of "never lost": an order with a referral is stored as `pending` before its signed
 * redemption is sent, and stays so until the receiver gives a verdict. What a 503, a timeout or a
 * stopped process left pending is sent again on start and then every 30 s — the same event each time
 * (its id and time come from the order), so the receiver answers `duplicate` for one that did arrive.
 */
import type { Program } from '@referkit/events';
import type { SqlClient } from './database.js';
import { pendingReports, type ShopOrder, settleReport } from './orders.js';
import type { DeliverRedemption, RedemptionClaim } from './place-order.js';

/** The redemption a stored order reports; null for an order without a referral. */
export function claimOf(order: ShopOrder): RedemptionClaim | null {
  if (!order.code) return null;
  const { currency, subtotal, discount, total } = order;
  return {
    code: order.code,
    orderId: order.id,
    order: { currency, subtotal, discount, total },
    customer: { id: order.customerId, firstOrder: order.firstOrder },
    ...(order.attribution ? { attribution: order.attribution } : {}),
    occurredAt: order.createdAt,
  };
}

/**
 * Sends every pending report again and records each verdict; returns how many are still pending.
 * A late refusal marks the report refused but leaves the order placed: the customer already has it.
 */
export async function resendPendingReports(
  client: SqlClient,
  programs: ReadonlyMap<string, Program>,
  deliver: DeliverRedemption,
): Promise<number> {
  let pending = 0;
  for (const order of await pendingReports(client)) {
    const program = programs.get(order.program);
    const claim = claimOf(order);
    if (!program || !claim) continue;
    const delivery = await deliver(program, claim);
    if (delivery.ok || !delivery.queued) await settleReport(client, order.id, delivery.ok ? 'recorded' : 'refused');
    else pending++;
  }
  return pending;
}
