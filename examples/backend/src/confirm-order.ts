/**
 * The receiver's `confirmOrder` for the demo: an unsigned redemption from a browser is only a
 * claim, recorded when the shop's own orders table has that order, with the same code, amounts
 * and customer. Anyone can post to the receiver; only the shop can place orders. A browser never
 * reverses an order: refunds come from the shop's server, signed.
 */
import type { Customer, RedemptionEvent, ReversalEvent } from '@referkit/events';
import type { SqlClient } from './database.js';
import { orderById, type ShopOrder } from './orders.js';

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
    isOrdersCustomer(order, event.customer)
  );
}

/**
 * Whether the claim names the order's customer as the shop recorded them. The receiver's rules judge
 * who ordered (`self_referral`, `not_first_order`) from the claim alone, so a claim that leaves the
 * customer out, or any part the shop reports (`id`, `firstOrder`), would be judged as no one's: an
 * ambassador's own order would pay them. The email hash the shop does not report (its customer id is
 * made from it), but a claim that names one must name the recorded one.
 */
function isOrdersCustomer(order: ShopOrder, customer: Customer | undefined): boolean {
  return (
    customer?.id === order.customerId &&
    customer.firstOrder === order.firstOrder &&
    (customer.emailHash === undefined || customer.emailHash === order.emailHash)
  );
}
