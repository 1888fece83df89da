/**
 * The answer to a checkout attempt the shop has seen before, by its `Idempotency-Key`: the order
 * that attempt placed, with the same id, totals and referral verdict. It is not priced again (its
 * own order has made the customer a repeat one, so a first-order offer would read "ordered before")
 * and never placed twice. The same key with another customer, basket or code is a conflict, which
 * names the order the key placed.
 */
import type { Program } from '@referkit/events';
import type { SqlClient } from './database.js';
import { orderAnswer } from './order-answer.js';
import { ambassadorRewarded, answeredReferral, claimOf, isRepeatReport, reportAfter } from './order-reports.js';
import { type OrderLine, refuseOrder, type ShopOrder, settleReport } from './orders.js';
import type { DeliverRedemption, PlaceOrderResult } from './place-order.js';

/** What makes two requests one checkout attempt: who orders, what, and with which code. */
export interface CheckoutAttempt {
  emailHash: string;
  items: readonly Pick<OrderLine, 'sku' | 'quantity'>[];
  /** The normalised code, or null. */
  code: string | null;
}

/** Answers a repeated attempt from the order its key placed (or had refused). */
export async function replayOrder(
  client: SqlClient,
  first: ShopOrder,
  attempt: CheckoutAttempt,
  program: Program,
  deliver: DeliverRedemption,
): Promise<PlaceOrderResult> {
  if (!isSameAttempt(first, attempt)) return conflict(first);
  if (first.status === 'refused')
    return {
      ok: false,
      status: 422,
      // Orders refused since the column exists keep their refusal, and older ones have no key: the
      // fallback only satisfies the type.
      error: first.refusal ?? { code: 'order_refused', message: 'The program refused this order.' },
    };
  const claim = claimOf(first);
  if (!claim) return { ok: true, status: 201, value: { ...orderAnswer(first), referral: null } };
  // The very same signed event again (its id and time come from the order): the receiver answers
  // `duplicate` with the first answer's rewards, so a repeat never reports a second redemption. While
  // the first attempt still waits for its verdict, both wait for the one delivery (the SDK joins an
  // identical body already on its way).
  const referral = await deliver(program, claim);
  const report = reportAfter(referral, first.id);
  if ((report === 'recorded' || report === 'failed') && first.report !== report)
    await settleReport(client, first.id, report, ambassadorRewarded(referral));
  // A refusal while the report is still pending: the first attempt is being told the same, or its
  // answer never reached the shopper (hence the repeat). The shop does as at checkout: no order.
  if (report === 'refused' && !referral.ok && first.report === 'pending' && !isRepeatReport(first)) {
    await refuseOrder(client, first.id, referral.error);
    return { ok: false, status: 422, error: referral.error };
  }
  return { ok: true, status: 201, value: { ...orderAnswer(first), referral: answeredReferral(referral, report) } };
}

/**
 * The `409` for a key first sent with other content. A shopper who edits the form after a lost answer
 * sends exactly this, and their first order may well be placed: the answer names it (`placed`, as
 * `GET /api/orders/:id` answers it), so the checkout can say so instead of offering a second one.
 */
function conflict(first: ShopOrder): PlaceOrderResult {
  if (first.status === 'refused')
    return {
      ok: false,
      status: 409,
      error: {
        code: 'idempotency_conflict',
        message:
          'This Idempotency-Key was first sent with another email, basket or code, and that order was refused. Send a new key to place this one.',
      },
    };
  return {
    ok: false,
    status: 409,
    error: {
      code: 'idempotency_conflict',
      message: `This Idempotency-Key already placed order ${first.id}, with another email, basket or code. Send a new key to place this one as a new order.`,
      placed: orderAnswer(first),
    },
  };
}

function isSameAttempt(order: ShopOrder, attempt: CheckoutAttempt): boolean {
  // emailHash is of the normalised address: `Sam@example.com` is the same customer as `sam@example.com`.
  // A repeat order is reported under the code that brought the customer, typed or not: an attempt
  // without a code placed it as much as one with it.
  return (
    order.emailHash === attempt.emailHash &&
    (order.code === attempt.code || (attempt.code === null && isRepeatReport(order))) &&
    order.items.length === attempt.items.length &&
    order.items.every(
      (line, index) => line.sku === attempt.items[index]?.sku && line.quantity === attempt.items[index]?.quantity,
    )
  );
}
