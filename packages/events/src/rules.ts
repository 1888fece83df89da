/** The program's rules: why a well-formed, authentic event is still refused (`422`). */
import type { Ambassador } from './ambassador.js';
import type { RedemptionEvent, ReversalEvent } from './event.js';
import type { Program } from './program.js';
import { maxFriendDiscount, type RedemptionHistory, type RedemptionStanding, standingOf } from './rewards.js';
import { DAY_MS, parseTime } from './time.js';

/**
 * The stable codes of a rule refusal, each answered `422` but `first_order_pending` and
 * `redemption_pending`: no verdict yet, answered `503` so that the sender retries.
 */
export type RuleCode =
  | 'unknown_program'
  | 'unknown_code'
  | 'program_inactive'
  | 'campaign_inactive'
  | 'self_referral'
  | 'not_first_order'
  | 'below_minimum'
  | 'currency_mismatch'
  | 'discount_exceeds_offer'
  | 'code_exhausted'
  | 'order_not_confirmed'
  | 'unknown_order'
  | 'attribution_expired'
  | 'reversal_before_order'
  | 'first_order_pending'
  | 'redemption_pending';

/** A rule refusal, with the path of the field that broke it when there is one. */
export interface RuleError {
  code: RuleCode;
  message: string;
  path?: (string | number)[];
}

const MESSAGES: Record<RuleCode, string> = {
  unknown_program: 'No program with this id is configured',
  unknown_code: 'No ambassador has this code',
  program_inactive: 'The program was not running when the order was placed',
  campaign_inactive: "The code's campaign was not running when the order was placed",
  self_referral: 'An ambassador cannot redeem their own code',
  not_first_order: 'The offer is for first orders only: a repeat order cannot take its discount',
  below_minimum: "The order's subtotal is below the program's minimum",
  currency_mismatch: "The order's currency is not the program's",
  discount_exceeds_offer: 'The discount is larger than the offer allows',
  code_exhausted: 'This code has reached its redemption limit',
  order_not_confirmed: 'The order could not be confirmed against the shop; unsigned redemptions need confirmOrder',
  unknown_order: 'No redemption was recorded for this order',
  attribution_expired: "The order was placed after the attribution window of the friend's landing had ended",
  reversal_before_order: 'The reversal is dated before the order it reverses was placed',
  first_order_pending: "The customer's first order is not in the ledger yet; send this order again later",
  redemption_pending:
    "No redemption of this order is in the ledger yet; send this reversal again later (once the receiver's reversalWaitSec has passed since its occurredAt, it is refused as unknown_order)",
};

/** Builds the refusal for a code, with its standard message. */
export function ruleError(code: RuleCode, path?: (string | number)[]): RuleError {
  return path ? { code, message: MESSAGES[code], path } : { code, message: MESSAGES[code] };
}

/**
 * Checks a redemption against the program's rules; `null` when it may be recorded. Pass the
 * `standing` the rewards will be computed with, or it is worked out here.
 * @example
 * const refusal = checkRedemption(program, ambassador, redemption, { redemptions: 3 });
 * if (refusal) return Response.json({ error: refusal }, { status: 422 });
 */
export function checkRedemption(
  program: Program,
  ambassador: Ambassador,
  redemption: RedemptionEvent,
  history: RedemptionHistory,
  standing: RedemptionStanding = standingOf(program, ambassador, redemption, history),
): RuleError | null {
  const { order, customer } = redemption;
  const { terms, repeat } = standing;
  const at = parseTime(redemption.occurredAt);
  if (order.currency !== program.currency) return ruleError('currency_mismatch', ['order', 'currency']);
  if (!within(at, program.startsAt, program.endsAt)) return ruleError('program_inactive', ['occurredAt']);
  if (terms.campaign && !within(at, terms.campaign.startsAt, terms.campaign.endsAt)) {
    return ruleError('campaign_inactive', ['occurredAt']);
  }
  if (customer?.id !== undefined && customer.id === ambassador.customerId)
    return ruleError('self_referral', ['customer', 'id']);
  if (customer?.emailHash !== undefined && customer.emailHash === ambassador.emailHash) {
    return ruleError('self_referral', ['customer', 'emailHash']);
  }
  // A member's repeat order without a discount earns the leader a retention reward, whatever else holds.
  // With one it took the first-order offer again, which no role's terms give on a repeat order: it is
  // refused below as any repeat order is, `not_first_order`, as it is when its first order is still on
  // its way. An offer for every order is checked below like any other order's.
  if (standing.inRepeatWindow && program.firstOrderOnly && order.discount === 0) return null;
  // Without a discount, the first order decides what a leader earns: the retention reward for a member's
  // repeat order, nothing for anyone else's. With one, it is refused either way, and is answered so at once.
  if (standing.awaitingFirstOrder && program.firstOrderOnly && order.discount === 0) return pending();
  // A repeat order that took no discount took no first-order offer, so neither its minimum nor its cap
  // applies: it is recorded, earning nothing, so that retention (repeat orders of referred customers)
  // is measured for every ambassador, not only for leaders paid for it.
  if (repeat && program.firstOrderOnly && order.discount === 0) return null;
  // Such a repeat order is the customer's, credited to the code that brought them, however long ago they
  // landed; any other order is credited to its landing, which must be within the program's window.
  if (redemption.attribution && !withinWindow(at, program, redemption.attribution.landedAt)) {
    return ruleError('attribution_expired', ['attribution', 'landedAt']);
  }
  if (program.minimumOrder !== undefined && order.subtotal < program.minimumOrder) {
    return ruleError('below_minimum', ['order', 'subtotal']);
  }
  if (repeat && program.firstOrderOnly) return ruleError('not_first_order', ['customer', 'firstOrder']);
  if (!repeat && program.maxRedemptionsPerCode !== undefined && history.redemptions >= program.maxRedemptionsPerCode) {
    return ruleError('code_exhausted', ['code']);
  }
  const allowed = maxFriendDiscount(terms.friendOffer, order.subtotal, order.lines);
  if (allowed !== null && order.discount > allowed) return ruleError('discount_exceeds_offer', ['order', 'discount']);
  // An offer for every order: the ordinary reward is due whatever came first, but the first order decides
  // whether a leader's retention reward is paid beside it, and one answer cannot be added to later.
  return standing.awaitingFirstOrder ? pending() : null;
}

/**
 * Checks a reversal against the order it reverses, placed at `orderedAt` (`undefined` when the store did
 * not say); `null` when it may be recorded. An order is refunded after it is placed, but the two times may
 * come from two clocks, a friend's device and the shop's server, and the receiver takes an event stamped
 * up to `clockSkewMs` ahead of its own: a reversal dated up to that much before its order is taken.
 * @example checkReversal(reversal, '2026-03-02T10:00:00.000Z', 300_000) // for a reversal of 5 January: reversal_before_order
 */
export function checkReversal(
  reversal: ReversalEvent,
  orderedAt: string | undefined,
  clockSkewMs: number,
): RuleError | null {
  if (orderedAt !== undefined && parseTime(reversal.occurredAt) < parseTime(orderedAt) - clockSkewMs)
    return ruleError('reversal_before_order', ['occurredAt']);
  return null;
}

/** The answer while a repeat order's first order may still be on its way. */
function pending(): RuleError {
  return ruleError('first_order_pending', ['customer', 'firstOrder']);
}

/**
 * Whether an order placed at `at` is within `windowDays` of its landing, the end excluded, as the SDK's
 * `expiresAt` (landedAt + windowDays) ends a referral. Only how old the landing is counts: a landing
 * stamped after its order is the friend's device clock against the shop's, and the receiver already
 * bounds it by its own clock (`future_timestamp`).
 */
function withinWindow(at: number, program: Program, landedAt: string): boolean {
  return at < parseTime(landedAt) + program.attribution.windowDays * DAY_MS;
}

/** Whether a moment falls in `[startsAt, endsAt)`; an open end is unbounded. */
function within(at: number, startsAt?: string, endsAt?: string): boolean {
  if (startsAt !== undefined && at < parseTime(startsAt)) return false;
  if (endsAt !== undefined && at >= parseTime(endsAt)) return false;
  return true;
}
