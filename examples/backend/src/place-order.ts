/**
 * `POST /api/orders`: the shop prices the basket, applies the friend's discount, records the
 * order, then reports the redemption to the receiver as a **signed** event over HTTP — the
 * trusted, server-to-server path. When the receiver refuses the referral (a repeat customer on a
 * first-order offer, a basket under the minimum, …) the shop does not take the order, and the
 * checkout shows the program's reason. A referred customer's later orders, with their code or
 * without one, are reported under the code that brought them, at the full price, so that retention
 * is measured for every ambassador. A request with an `Idempotency-Key` the shop has seen before
 * is answered with what that attempt placed (order-replay.ts): one checkout attempt, one order.
 */
import { randomUUID } from 'node:crypto';
import type { Attribution, Customer, Order, Program } from '@referkit/events';
import { friendDiscount } from '@referkit/events/rewards';
import type { Delivery } from '@referkit/sdk';
import { productBySku } from './catalog.js';
import type { OrderRequest } from './checkout-input.js';
import type { Enrolment } from './code-lookup.js';
import { customerIdentity } from './customer-identity.js';
import type { SqlClient } from './database.js';
import { formatMoney } from './money.js';
import { type OrderAnswer, orderAnswer } from './order-answer.js';
import { replayOrder } from './order-replay.js';
import { ambassadorRewarded, answeredReferral, claimOf, isRepeatReport, reportAfter } from './order-reports.js';
import {
  insertOrder,
  type OrderLine,
  orderByIdempotencyKey,
  placedOrderCount,
  referredOrders,
  refuseOrder,
  type ShopOrder,
  settleReport,
} from './orders.js';

/**
 * The redemption the shop reports; the SDK adds the envelope (`v`, `program`), with the event id and
 * time made from the order so that reporting it again sends the very same event.
 */
export interface RedemptionClaim {
  code: string;
  orderId: string;
  order: Order;
  customer: Customer;
  attribution?: Attribution;
  /** When the order was placed. */
  occurredAt: string;
}

/** Sends a signed redemption to the receiver. */
export type DeliverRedemption = (program: Program, claim: RedemptionClaim) => Promise<Delivery>;

/** The answer to the checkout. */
export type PlaceOrderResult =
  | {
      ok: true;
      status: 201;
      /** `referral`: the receiver's verdict on the signed redemption; null without a code. */
      value: OrderAnswer & { referral: Delivery | null };
    }
  | {
      ok: false;
      status: 400 | 409 | 422 | 503;
      /**
       * `order`: with `total_changed`, the order as the server would price it. `placed`: with
       * `idempotency_conflict`, the order the key already placed.
       */
      error: {
        code: string;
        message: string;
        order?: Pick<Order, 'subtotal' | 'discount' | 'total'>;
        placed?: OrderAnswer;
      };
    };

/** Places an order for a checkout request, or answers with the one its idempotency key already placed. */
export async function placeOrder(
  client: SqlClient,
  request: OrderRequest,
  enrolment: Enrolment | null,
  program: Program,
  deliver: DeliverRedemption,
  /** The attempt's `Idempotency-Key`; null for a request sent without one. */
  idempotencyKey: string | null,
  /** The shop's clock: when the order is placed. */
  now: Date,
): Promise<PlaceOrderResult> {
  // `sam+2@gmail.com` is the same customer as `sam@gmail.com`, so a first-order offer cannot be taken
  // twice by retagging an address.
  const { emailHash, customerId } = await customerIdentity(request.email);
  const attempt = { emailHash, items: request.items, code: enrolment?.ambassador.code ?? null };
  const placedBefore = () => (idempotencyKey ? orderByIdempotencyKey(client, idempotencyKey) : null);
  // Looked up before pricing: priced again, the attempt's own order would make its customer a
  // repeat one ("this email has ordered before").
  const first = await placedBefore();
  if (first) return replayOrder(client, first, attempt, program, deliver);

  const items: OrderLine[] = [];
  for (const { sku, quantity } of request.items) {
    const product = productBySku(sku);
    if (!product)
      return {
        ok: false,
        status: 400,
        error: { code: 'unknown_product', message: `No product has the SKU "${sku}".` },
      };
    items.push({ sku, name: product.name, price: product.price, quantity });
  }
  const subtotal = items.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const firstOrder = (await placedOrderCount(client, customerId, idempotencyKey)) === 0;
  const createdAt = now.toISOString();
  // A customer a code brought (their earliest referred order, as the receiver's ledger reads it) who
  // orders again, typing that code or none, takes no second first-order discount, and the order is
  // reported under that code: the receiver records it as a repeat order, which earns a leader's
  // retention reward within the window and anyone else nothing, and counts in the repeat-order rate.
  // Another code keeps its discount here, and the receiver refuses the order (not_first_order).
  const broughtBy =
    !firstOrder && program.firstOrderOnly ? ((await referredOrders(client, customerId))[0]?.code ?? null) : null;
  const returning = broughtBy !== null && (attempt.code === null || attempt.code === broughtBy);
  const code = returning ? broughtBy : attempt.code;
  const discount = enrolment && !returning ? friendDiscount(enrolment.terms.friendOffer, subtotal) : 0;
  const order: Order = { currency: program.currency, subtotal, discount, total: subtotal - discount };
  // The page previews the discount without the customer's history: when it showed another total,
  // the shopper confirms the real one before anything is placed.
  if (request.expectedTotal !== undefined && request.expectedTotal !== order.total) {
    const total = formatMoney(order.total, program.currency);
    return {
      ok: false,
      status: 409,
      error: {
        code: 'total_changed',
        message:
          returning && enrolment
            ? `This email has ordered before, and ${enrolment.ambassador.displayName}'s discount is for a first order: this order comes to ${total}. Place it again to order at that price.`
            : `This order comes to ${total}. Place it again to order at that price.`,
        order: { subtotal, discount, total: order.total },
      },
    };
  }
  const orderId = `ord_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  // The landing belongs to the code typed: an order reported under another has none.
  const attribution =
    enrolment && code === attempt.code && request.attribution ? (request.attribution as Attribution) : null;
  const placed: ShopOrder = {
    id: orderId,
    program: program.id,
    customerId,
    emailHash,
    code,
    currency: program.currency,
    subtotal,
    discount,
    total: order.total,
    firstOrder,
    items,
    attribution,
    status: 'placed',
    report: code ? 'pending' : null,
    ambassadorRewarded: null,
    idempotencyKey,
    refusal: null,
    createdAt,
    refundedAt: null,
    reversal: null,
  };
  if (!(await insertOrder(client, placed))) {
    // Another POST with this key inserted its order since the look-up above; the UNIQUE key let only
    // one of them in, so this one answers with that order. It is there: orders are never deleted.
    return replayOrder(client, (await placedBefore()) as ShopOrder, attempt, program, deliver);
  }
  const claim = claimOf(placed);
  if (!claim) return { ok: true, status: 201, value: { ...orderAnswer(placed), referral: null } };

  const referral = await deliver(program, claim);
  // The program's verdict (a rule refusal) means no: the shop does not take the order with this code,
  // unless it took no discount and is reported only to be counted (its report is then refused, the
  // order stands). Anything else unrecorded stays pending with the order and is sent again (order-reports.ts): a
  // temporary failure, or the shop's own setup fault (a wrong secret, a clock off), never the shopper's.
  const report = reportAfter(referral, orderId);
  if (report === 'refused' && !referral.ok && !isRepeatReport(placed)) {
    await refuseOrder(client, orderId, referral.error);
    return { ok: false, status: 422, error: referral.error };
  }
  if (report !== 'pending') await settleReport(client, orderId, report, ambassadorRewarded(referral));
  return { ok: true, status: 201, value: { ...orderAnswer(placed), referral: answeredReferral(referral, report) } };
}
