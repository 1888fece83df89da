/**
 * The shop's side of "never lost": an order with a referral is stored as `pending` before its signed
 * redemption is sent, and stays so until the receiver gives a verdict; a refund's reversal likewise.
 * What a 503, a timeout or a stopped process left pending is sent again on start and then every
 * 30 s — the same event each time (its id and time come from the order), so the receiver answers
 * `duplicate` for one that did arrive. Redemptions go first: a reversal waits for its order's
 * redemption to be recorded. Only the program's rules give a verdict. A refused signature (a wrong
 * secret, a clock minutes off) is the shop's own setup at fault: logged for its operator and kept
 * pending, since the same event is taken once the setup is fixed. An event the receiver refuses as an
 * event (`400 invalid_event`, a `409` for other content under its key, …) would be refused the same way
 * every time: the report is marked failed and logged once, never sent again.
 */
import type { Program, RuleCode } from '@referkit/events';
import type { Delivery } from '@referkit/sdk';
import type { SqlClient } from './database.js';
import { type OrderReport, pendingReports, pendingReversals, type ShopOrder, settleReport } from './orders.js';
import type { RedemptionClaim } from './place-order.js';
import { sendReversal } from './refund-order.js';
import type { SignedDelivery } from './signed-delivery.js';

/**
 * Which of the receiver's rule refusals (422) are the program's word on the referral. The others
 * come from the shop's setup (a program the receiver does not run), like a refused signature (401):
 * nothing the shopper did, and nothing that sending again after the fix would not cure.
 */
const PROGRAM_VERDICTS = {
  unknown_program: false,
  unknown_code: true,
  program_inactive: true,
  campaign_inactive: true,
  self_referral: true,
  not_first_order: true,
  below_minimum: true,
  currency_mismatch: true,
  discount_exceeds_offer: true,
  code_exhausted: true,
  order_not_confirmed: true,
  unknown_order: true,
  attribution_expired: true,
  // A refund dated before its order: the receiver's word on this reversal, the same every time it is sent.
  reversal_before_order: true,
  // Answered 503 and retried until the customer's first order, or the reversed order's redemption, is
  // in the ledger: never a verdict.
  first_order_pending: false,
  redemption_pending: false,
} satisfies Record<RuleCode, boolean>;

/**
 * The other refusals that come from the shop's setup, not from the event: the receiver's of its
 * signature, and the server SDK's own of its secret, clock or endpoint. Once the setup is fixed the
 * same event is taken. Any other final refusal (`400 invalid_event`, `409`, `413`, `415`, …) is of the
 * event itself.
 */
const SETUP_FAULTS = new Set([
  'missing_signature',
  'invalid_signature',
  'timestamp_out_of_tolerance',
  'invalid_secret',
  'invalid_clock',
  'invalid_endpoint',
]);

/**
 * Where a delivery leaves an order's report (of its redemption, or of its refund's reversal):
 * `recorded`, `refused` by the program's rules, still `pending` — for a temporary failure, and for
 * the shop's own setup fault, which is logged — or `failed`, logged once, when the receiver refused the
 * event itself.
 */
export function reportAfter(
  delivery: Delivery,
  orderId: string,
  event: 'redemption' | 'reversal' = 'redemption',
): OrderReport {
  if (delivery.ok) return 'recorded';
  if (delivery.queued) return 'pending';
  const { code, message } = delivery.error;
  if (Object.hasOwn(PROGRAM_VERDICTS, code)) {
    if (PROGRAM_VERDICTS[code as RuleCode]) return 'refused';
  } else if (!SETUP_FAULTS.has(code)) {
    console.error(
      `[referkit-demo] Could not report the ${event} of order ${orderId}: the receiver refused the event itself (${code}: ${message}). It is marked failed and not sent again, since the same event would be refused the same way: the shop builds this report wrong.`,
    );
    return 'failed';
  }
  const advice =
    code === 'unknown_program'
      ? "Check that the receiver runs the order's program."
      : "Check that the shop and the receiver share REFERKIT_WEBHOOK_SECRET and that the server's clock is right.";
  console.error(
    `[referkit-demo] Could not report the ${event} of order ${orderId}: the receiver answered ${code} (${message}). It stays pending and is sent again every 30 s. ${advice}`,
  );
  return 'pending';
}

/** Whether a recorded redemption earned the ambassador a reward, as the receiver answered; null when it did not say. */
export function ambassadorRewarded(delivery: Delivery): boolean | null {
  return delivery.ok && delivery.rewards ? delivery.rewards.ambassador !== null : null;
}

/**
 * Whether an order is a repeat order the shop reports only to be counted: it took no discount, so the
 * program has nothing to refuse it (a referred customer's later order, reported under the code that
 * brought them), and the shop takes it whatever the receiver answers.
 */
export function isRepeatReport(order: Pick<ShopOrder, 'code' | 'firstOrder' | 'discount'>): boolean {
  return order.code !== null && !order.firstOrder && order.discount === 0;
}

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

/** The receiver's answer as the checkout is told it: one the shop keeps pending is queued, to be sent again. */
export function answeredReferral(referral: Delivery, report: OrderReport): Delivery {
  return !referral.ok && report === 'pending' ? { ...referral, queued: true } : referral;
}

/**
 * Sends every pending report again and records each verdict: the redemptions, then the reversals of
 * refunded orders whose redemption is recorded (by now, or just above). Returns how many are still
 * pending; a reversal that waits for its redemption counts once that is recorded. A late refusal of a
 * redemption marks the report refused (and drops the refund's reversal: no reward to take back) but
 * leaves the order placed: the customer already has it.
 */
export async function resendPendingReports(
  client: SqlClient,
  programs: ReadonlyMap<string, Program>,
  deliver: SignedDelivery,
): Promise<number> {
  let pending = 0;
  for (const order of await pendingReports(client)) {
    const program = programs.get(order.program);
    const claim = claimOf(order);
    if (!program || !claim) continue;
    const delivery = await deliver.redeem(program, claim);
    const report = reportAfter(delivery, order.id);
    if (report === 'pending') pending++;
    else await settleReport(client, order.id, report, ambassadorRewarded(delivery));
  }
  for (const order of await pendingReversals(client))
    if ((await sendReversal(client, programs, deliver.reverse, order)) === 'pending') pending++;
  return pending;
}
