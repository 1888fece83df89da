/**
 * The receiver's `confirmOrder` for the demo: an unsigned redemption from a browser is only a
 * claim, recorded when the shop's own orders table has that order, with the same code, amounts
 * and customer. Anyone can post to the receiver; only the shop can place orders. A browser never
 * reverses an order: refunds come from the shop's server, signed.
 */
import type { RedemptionEvent, ReversalEvent } from '@referkit/events';
import type { SqlClient } from './database.js';
import { orderById } from './orders.js';

/** True when the orders table confirms every field of the claimed redemption. */
export async function confirmOrder(client: SqlClient, event: RedemptionEvent | ReversalEvent): Promise<boolean> {
  if (event.type !== 'redemption') return false;
  const order = await orderById(client, event.orderId);
  if (order?.status !== 'placed' || order.program !== event.program) return false;
  const claimed = event.order;
  return (
    order.code === event.code &&
    order.currency === claimed.currency &&
    order.subtotal === claimed.subtotal &&
    order.discount === claimed.discount &&
    order.total === claimed.total &&
    (event.customer?.id === undefined || event.customer.id === order.customerId)
  );
}
