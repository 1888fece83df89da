/**
 * A refund, as the shop's staff makes it from the orders page: the order is marked refunded and, when
 * it earned an ambassador a reward, its reversal is stored `pending` in the same statement, then sent
 * signed so the receiver claws the reward back. A reversal is sent only once the order's redemption is
 * recorded (before, the receiver would keep it waiting, `redemption_pending`, and after five minutes
 * refuse it, `unknown_order`); until then, and after a temporary
 * failure, `resendPendingReports` sends it (order-reports.ts), the same event each time.
 */
import type { Program } from '@referkit/events';
import type { Delivery } from '@referkit/sdk';
import type { SqlClient } from './database.js';
import { reportAfter } from './order-reports.js';
import { markRefunded, orderById, type ShopOrder, settleReversal } from './orders.js';

/**
 * The reversal the shop reports for a refunded order; the SDK adds the envelope, with the event id
 * and time made from the order and its refund so that reporting it again sends the very same event.
 */
export interface ReversalClaim {
  code: string;
  orderId: string;
  reason: 'refund';
  /** When the order was refunded. */
  occurredAt: string;
}

/** Sends a signed reversal to the receiver. */
export type DeliverReversal = (program: Program, claim: ReversalClaim) => Promise<Delivery>;

/** Why an order was not refunded: no such order, one the shop never took, or one refunded already. */
export type RefundRefusal = 'unknown_order' | 'not_placed' | 'already_refunded';

/** The refunded order as it stands after its reversal's first delivery, or why nothing was refunded. */
export type RefundResult = { ok: true; order: ShopOrder } | { ok: false; code: RefundRefusal };

/** The reversal a refunded order reports; null when it has no reward to take back. */
export function reversalOf(order: ShopOrder): ReversalClaim | null {
  if (!order.code || !order.refundedAt || order.reversal === null) return null;
  return { code: order.code, orderId: order.id, reason: 'refund', occurredAt: order.refundedAt };
}

/** Refunds an order once, and reports its reversal when its redemption is already recorded. */
export async function refundOrder(
  client: SqlClient,
  programs: ReadonlyMap<string, Program>,
  reverse: DeliverReversal,
  id: string,
  at: Date,
): Promise<RefundResult> {
  const refunded = await markRefunded(client, id, at);
  if (!refunded) {
    const order = await orderById(client, id);
    return {
      ok: false,
      code: !order ? 'unknown_order' : order.status !== 'placed' ? 'not_placed' : 'already_refunded',
    };
  }
  if (refunded.report !== 'recorded') return { ok: true, order: refunded };
  const reversal = await sendReversal(client, programs, reverse, refunded);
  return { ok: true, order: { ...refunded, reversal } };
}

/**
 * Sends a refunded order's reversal and records the verdict; answers where it stands (`pending` after a
 * temporary failure, left for `resendPendingReports`). An order with nothing to take back stays as it is.
 */
export async function sendReversal(
  client: SqlClient,
  programs: ReadonlyMap<string, Program>,
  reverse: DeliverReversal,
  order: ShopOrder,
): Promise<ShopOrder['reversal']> {
  const program = programs.get(order.program);
  const claim = reversalOf(order);
  if (!program || !claim) return order.reversal;
  const reversal = reportAfter(await reverse(program, claim), order.id, 'reversal');
  if (reversal !== 'pending') await settleReversal(client, order.id, reversal);
  return reversal;
}
