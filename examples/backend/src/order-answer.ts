/**
 * What the shop tells the checkout and the thank-you page about a placed order: the first answer to
 * `POST /api/orders`, a repeat of it, and `GET /api/orders/:id` all read it off the stored order, so
 * they cannot drift apart. A refunded order says so.
 */
import type { Customer, Order } from '@referkit/events';
import type { OrderLine, ShopOrder } from './orders.js';

/** A placed order as the shop's API answers it. Money in minor units. */
export interface OrderAnswer {
  order: { id: string; currency: string; items: OrderLine[]; subtotal: number; discount: number; total: number };
  code: string | null;
  /** When the shop refunded the order; null while it stands. A refunded order earns no reward. */
  refundedAt: string | null;
  /** Whether the order's redemption earned the ambassador a reward (a repeat order mostly earns none); null until the receiver answered. */
  ambassadorRewarded: boolean | null;
  /** What the thank-you page passes to the browser SDK's `redeem`; the same content as the signed event. */
  redemption: { orderId: string; order: Order; customer: Customer } | null;
}

/** The API's answer for a stored order. */
export function orderAnswer(order: ShopOrder): OrderAnswer {
  const { id, currency, items, subtotal, discount, total, code } = order;
  return {
    order: { id, currency, items, subtotal, discount, total },
    code,
    refundedAt: order.refundedAt,
    ambassadorRewarded: order.ambassadorRewarded,
    redemption: code
      ? {
          orderId: id,
          order: { currency, subtotal, discount, total },
          customer: { id: order.customerId, firstOrder: order.firstOrder },
        }
      : null,
  };
}
