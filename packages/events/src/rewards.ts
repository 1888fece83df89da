/**
 * What both sides of a redemption earn, as pure functions of the program, the ambassador, the
 * redemption and the ledger's history. The receiver calls these inside the store's transaction.
 */
import type { Ambassador } from './ambassador.js';
import type { Currency } from './currency.js';
import type { RedemptionEvent } from './event.js';
import { percentOf, wholePercentOf } from './percent-of.js';
import type { Role } from './primitives.js';
import type { AmbassadorReward, FriendOffer, Program, RewardTier } from './program.js';
import { formatTime, parseTime } from './time.js';

/** The friend's side: the discount given on the order. */
export interface FriendReward {
  discount: number;
  currency: Currency;
}

/** The ambassador's side of one redemption. */
export interface AmbassadorGrant {
  amount: number;
  type: AmbassadorReward['type'];
  currency: Currency;
  /** `pending` until the program's hold passes (refunds claw it back), then `confirmed`. */
  status: 'pending' | 'confirmed';
  confirmsAt: string;
  reason: 'first_order' | 'repeat_order';
}

/** Both sides of a redemption, as the receiver answers them. */
export interface RedemptionRewards {
  friend: FriendReward;
  /**
   * The ambassador's reward for the order: on a first-order-only offer, a leader's retention reward for a
   * member's repeat order (the only reward such an order earns).
   */
  ambassador: AmbassadorGrant | null;
  /**
   * On an offer for every order, a community leader's retention reward (`repeatOrderReward`) for a member's
   * repeat order within the window, paid beside the order's ordinary reward, in its own unit. It stands only
   * while the first order that made the customer the leader's member does. Absent when none is paid.
   */
  retention?: AmbassadorGrant;
}

/** A not reversed redemption of the same customer (same customer id or email hash) the ledger holds. */
export interface CustomerOrder {
  code: string;
  occurredAt: string;
  /**
   * Recorded as a repeat order. An order that was not is the one the ledger counted as the customer's
   * first, whenever it occurred.
   * @default false
   */
  repeat?: boolean | undefined;
}

/** What the ledger knows before this redemption. */
export interface RedemptionHistory {
  /**
   * First-order redemptions of this code in this program that are not reversed, whether their
   * reward is still pending or confirmed (repeat orders do not count). Caps read this count.
   */
  redemptions: number;
  /**
   * First-order redemptions of the ambassador, every code of theirs in this program together (a
   * person given a new code keeps their standing), confirmed when this redemption is recorded: their
   * hold has passed, so a refund can no longer take them back. Reward tiers and the promotion to
   * community leader count these.
   * @default redemptions (as when the program holds no reward; a caller that leaves it out counts the code alone)
   */
  confirmedRedemptions?: number | undefined;
  /** The same customer's redemptions in this program the ledger holds, oldest (by `occurredAt`) first. */
  customerOrders?: readonly CustomerOrder[] | undefined;
  /**
   * When the redemption is recorded: the hold counts from here, not from the sender's `occurredAt`.
   * A store passes its clock's Date as it is, sparing a format and a parse per redemption.
   * @default redemption.occurredAt
   */
  recordedAt?: string | Date | undefined;
}

/** The terms that apply to one ambassador now: the program's, overridden by their (effective) role. */
export interface Terms {
  role: Role;
  /** Promoted from ambassador to community leader by the program's `promoteToCommunityLeaderAfter`. */
  promoted: boolean;
  friendOffer: FriendOffer;
  reward: AmbassadorReward;
  tiers: readonly RewardTier[];
  repeatOrderReward?: AmbassadorReward | undefined;
  repeatWindowDays?: number | undefined;
  /** The campaign window the code redeems within, when there is one: the person's own, else an influencer's program dates. */
  campaign?: { startsAt?: string | undefined; endsAt?: string | undefined } | undefined;
}

const DAY_MS = 86_400_000;
/**
 * How long after an order a leader's repeat order waits for its customer's first order to reach the
 * ledger: the week the receiver's idempotency keys are kept at least, room for an outbox retrying
 * through an outage or a browser's outbox waiting for the friend's next visit.
 */
const FIRST_ORDER_WAIT_MS = 604_800_000; // 7 days: a literal, which a bundler drops with the unused code around it
const NO_TIERS: readonly RewardTier[] = [];

/**
 * Resolves the terms for an ambassador: role overrides, audience tier, and the promotion to
 * community leader once `history.confirmedRedemptions` (first orders not reversed whose hold has
 * passed) reaches the program's `promoteToCommunityLeaderAfter`.
 */
export function termsFor(
  program: Program,
  ambassador: Ambassador,
  history: Pick<RedemptionHistory, 'redemptions' | 'confirmedRedemptions'>,
): Terms {
  const after = program.promoteToCommunityLeaderAfter;
  const promoted =
    ambassador.role === 'ambassador' &&
    after !== undefined &&
    (history.confirmedRedemptions ?? history.redemptions) >= after;
  const role: Role = promoted ? 'community_leader' : ambassador.role;
  const overrides = program.roles[role];
  const terms: Terms = {
    role,
    promoted,
    friendOffer: overrides?.friendOffer ?? program.friendOffer,
    reward: overrides?.ambassadorReward ?? program.ambassadorReward,
    // Tiers raise the reward they were written for: a role with a reward of its own climbs only its
    // own tiers, or the program's higher tiers would pay a leader less (or in credit, not cash) as
    // their referrals grow.
    tiers: overrides?.tiers ?? (overrides?.ambassadorReward ? NO_TIERS : program.tiers),
  };
  if (role === 'community_leader') {
    const leader = program.roles.community_leader;
    if (leader?.repeatOrderReward) {
      terms.repeatOrderReward = leader.repeatOrderReward;
      terms.repeatWindowDays = leader.repeatWindowDays;
    }
  }
  if (role === 'influencer') {
    const influencer = program.roles.influencer;
    const audience = ambassador.audienceTier && influencer?.audienceRewards?.[ambassador.audienceTier];
    if (audience) {
      terms.reward = audience;
      terms.tiers = overrides?.tiers ?? NO_TIERS;
    }
  }
  // A person's own campaign bounds their code whatever their role (a leader's or an ambassador's
  // contract runs for a time too, and a promotion does not extend it); the program's influencer dates
  // are an influencer's only.
  const window = ambassador.campaign ?? (role === 'influencer' ? program.roles.influencer : undefined);
  if (window?.startsAt || window?.endsAt) terms.campaign = { startsAt: window.startsAt, endsAt: window.endsAt };
  return terms;
}

/**
 * The largest discount an offer allows on a subtotal, or `null` when the offer cannot bound it
 * (free shipping without `maxDiscount`: the shipping price is not part of the order we see).
 *
 * Percent offers are rounded half up to the minor unit (15% of 5999 = 899.85 → 900), and `lines` more
 * minor units are tolerated, one by default. Rounded on the whole order, half-even or up differs
 * from half up by at most one unit. Rounded on each of `lines` line items (half up, half even or up),
 * each line is less than one unit over its exact share, and half up of the whole is at least the exact
 * discount less half a unit, so the sum is at most half up of the whole plus `lines`: 15% off five
 * ¥1,010 lines is 152 × 5 = 760, within 758 + 5. `maxDiscount`, fixed amounts and the subtotal are
 * exact limits, whatever `lines` says.
 * @example maxFriendDiscount({ kind: 'percent', percent: 15 }, 5050, 5) // 763
 */
export function maxFriendDiscount(offer: FriendOffer, subtotal: number, lines = 1): number | null {
  switch (offer.kind) {
    case 'percent':
      return Math.min(
        wholePercentOf(subtotal, offer.percent) + lines,
        offer.maxDiscount ?? Number.POSITIVE_INFINITY,
        subtotal,
      );
    case 'fixed':
      return Math.min(offer.amount, subtotal);
    case 'free_shipping':
      return offer.maxDiscount ?? null;
  }
}

/** How a redemption stands with the ledger: worked out once, read by both the rules and the rewards. */
export interface RedemptionStanding {
  /** The terms that apply to the ambassador at this redemption, promotion included. */
  terms: Terms;
  /**
   * The customer ordered before: the shop says so (`firstOrder: false`), or the ledger holds an order of
   * theirs placed earlier, or the one it counted as their first (which stays their one first order).
   */
  repeat: boolean;
  /** A repeat order of a customer this ambassador brought, inside a leader's repeat window: it earns the retention reward. */
  inRepeatWindow: boolean;
  /**
   * A repeat order to a leader paid for members' repeat orders, the shop's word (`firstOrder: false`)
   * while the ledger holds no earlier order of the customer and none it counted as the first, within a
   * week of the order: the first order may still be on its way (an outbox retrying it), and whether it
   * was with this code decides whether this one earns the retention reward (on an offer for every order,
   * beside the ordinary reward it earns either way). The rules answer `first_order_pending`, which the
   * receiver answers `503`.
   */
  awaitingFirstOrder: boolean;
}

/**
 * Reads a redemption against the ledger's history: the terms that apply, and whether it is a repeat order inside a
 * leader's window.
 * @example
 * const standing = standingOf(program, ambassador, redemption, history);
 * const refusal = checkRedemption(program, ambassador, redemption, history, standing);
 * const rewards = refusal ? null : rewardsFor(program, ambassador, redemption, history, standing);
 */
export function standingOf(
  program: Program,
  ambassador: Ambassador,
  redemption: RedemptionEvent,
  history: RedemptionHistory,
): RedemptionStanding {
  const terms = termsFor(program, ambassador, history);
  const firstInLedger = holdsEarlierOrFirst(history.customerOrders, redemption.occurredAt);
  const repeat = firstInLedger || redemption.customer?.firstOrder === false;
  const order = { code: ambassador.code, occurredAt: redemption.occurredAt };
  const inRepeatWindow = repeat && isRepeatOrderInWindow(terms, order, history.customerOrders);
  // Decided now, a leader's repeat order that arrived before its customer's first would be judged
  // without the order that makes the customer a member: refused for good, or recorded as if another
  // code had brought them. Waiting for it makes the verdict the same in any order of arrival.
  const awaitingFirstOrder =
    repeat &&
    !firstInLedger &&
    terms.repeatOrderReward !== undefined &&
    terms.repeatWindowDays !== undefined &&
    timeOf(history.recordedAt ?? redemption.occurredAt) - parseTime(redemption.occurredAt) < FIRST_ORDER_WAIT_MS;
  return { terms, repeat, inRepeatWindow, awaitingFirstOrder };
}

/**
 * Computes both sides of a redemption that has passed the rules; pass the `standing` the rules
 * were given, or it is worked out again.
 * @example
 * const rewards = rewardsFor(program, ambassador, redemption, { redemptions: 4 });
 * // rewards.ambassador?.amount → 1000, with a tier from the fifth redemption on
 */
export function rewardsFor(
  program: Program,
  ambassador: Ambassador,
  redemption: RedemptionEvent,
  history: RedemptionHistory,
  standing: RedemptionStanding = standingOf(program, ambassador, redemption, history),
): RedemptionRewards {
  const { terms, repeat } = standing;
  const friend = { discount: redemption.order.discount, currency: redemption.order.currency };
  let reward: AmbassadorReward | undefined;
  let retention: AmbassadorReward | undefined;
  if (repeat && program.firstOrderOnly) {
    // On a first-order offer a repeat order took no offer (the rules refuse one that did): it is recorded
    // for the repeat-order rate and earns nothing, but a leader's retention reward inside the window.
    reward = standing.inRepeatWindow ? terms.repeatOrderReward : undefined;
  } else {
    // Tiers count referrals, the person's first orders over every code of theirs whose hold has passed (a
    // refund can no longer take them back, so orders refunded within the hold never raise the reward):
    // this one is the next, unless it is a repeat order. Without tiers nothing is counted, as a store may
    // count only when asked.
    const counted = terms.tiers.length ? (history.confirmedRedemptions ?? history.redemptions) : 0;
    reward = tierReward(terms, repeat ? counted : counted + 1);
    // On an offer for every order a repeat order earns a leader what it earns any ambassador, so that a
    // promotion never pays less; a member's in the window earns the retention reward on top.
    if (standing.inRepeatWindow) retention = terms.repeatOrderReward;
  }
  if (!reward) return answerRewards(friend, null);
  const from = timeOf(history.recordedAt ?? redemption.occurredAt);
  const confirmsAt = formatTime(from + program.rewardHoldDays * DAY_MS);
  const reason = repeat ? 'repeat_order' : 'first_order';
  return answerRewards(
    friend,
    grantOf(reward, program, redemption.order.total, confirmsAt, reason),
    retention && grantOf(retention, program, redemption.order.total, confirmsAt, reason),
  );
}

/** A reward as granted on an order of `total`, held until `confirmsAt`. */
function grantOf(
  reward: AmbassadorReward,
  program: Program,
  total: number,
  confirmsAt: string,
  reason: AmbassadorGrant['reason'],
): AmbassadorGrant {
  return {
    amount: reward.basis === 'fixed' ? reward.amount : percentOf(total, reward.percent),
    type: reward.type,
    currency: program.currency,
    status: program.rewardHoldDays === 0 ? 'confirmed' : 'pending',
    confirmsAt,
    reason,
  };
}

/**
 * Both sides as the receiver answers them, field by field in one fixed order. The first answer and
 * every store's rebuilt duplicate (from columns, or from jsonb, which keeps its own key order) come
 * through here, so a duplicate's JSON reads byte for byte like the first.
 */
export function answerRewards(
  friend: FriendReward,
  grant: AmbassadorGrant | null,
  retention?: AmbassadorGrant | null,
): RedemptionRewards {
  const rewards: RedemptionRewards = {
    friend: { discount: friend.discount, currency: friend.currency },
    ambassador: grant && grantAnswer(grant),
  };
  // Only when paid: every other answer reads as it did before leaders earned two rewards for one order.
  if (retention) rewards.retention = grantAnswer(retention);
  return rewards;
}

/** A grant as answered, field by field in one fixed order. */
function grantAnswer(grant: AmbassadorGrant): AmbassadorGrant {
  return {
    amount: grant.amount,
    type: grant.type,
    currency: grant.currency,
    status: grant.status,
    confirmsAt: grant.confirmsAt,
    reason: grant.reason,
  };
}

/** The status of a grant at a moment: reversed once clawed back, else confirmed once its hold has passed. */
export function grantStatusAt(
  grant: AmbassadorGrant,
  at: Date,
  reversedAt?: string | null,
): 'pending' | 'confirmed' | 'reversed' {
  if (reversedAt && parseTime(reversedAt) <= at.getTime()) return 'reversed';
  return parseTime(grant.confirmsAt) <= at.getTime() ? 'confirmed' : 'pending';
}

/**
 * What a reversal claws back: the whole grant, whether still pending (cancelled) or already
 * confirmed (owed back, deducted from later rewards by the brand), and a leader's retention reward
 * paid beside it, in its own unit (the two are held and confirmed together).
 */
export function clawbackFor(
  rewards: RedemptionRewards | null,
  at: Date,
): {
  amount: number;
  type: AmbassadorReward['type'];
  wasConfirmed: boolean;
  retention?: { amount: number; type: AmbassadorReward['type'] };
} | null {
  const grant = rewards?.ambassador;
  if (!grant) return null;
  const clawback = { amount: grant.amount, type: grant.type, wasConfirmed: grantStatusAt(grant, at) === 'confirmed' };
  const retention = rewards.retention;
  return retention ? { ...clawback, retention: { amount: retention.amount, type: retention.type } } : clawback;
}

/**
 * Whether a customer's repeat order with a code earns the leader's retention reward: the terms pay
 * for repeat orders, the code brought the customer (their earliest order, of their earlier orders
 * oldest first, was with this code, and so was the first of them not recorded as a repeat, the one
 * counted as their first), and that earliest order came at most `repeatWindowDays` before this
 * one. The receiver judges redemptions with it; a shop can ask it before pricing an order, from its
 * own record of the customer's orders.
 * @example
 * const earlier = [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }];
 * isRepeatOrderInWindow(leaderTerms, { code: 'MAYA-7HC2QK', occurredAt: '2026-11-22T10:00:00.000Z' }, earlier);
 * // false: Alex brought this customer, so Maya's first-order offer does not apply to them again
 */
export function isRepeatOrderInWindow(
  terms: Pick<Terms, 'repeatOrderReward' | 'repeatWindowDays'>,
  order: CustomerOrder,
  customerOrders: readonly CustomerOrder[] = [],
): boolean {
  if (!terms.repeatOrderReward || terms.repeatWindowDays === undefined) return false;
  // A member is a customer the leader brought, not one another code brought who later used the
  // leader's. By time, not by arrival: an outbox may deliver a member's first order after their second.
  const first = customerOrders[0];
  if (first?.code !== order.code) return false;
  // Nor one who ordered with the shop before the program: their orders through the leader's link were
  // all recorded as repeat orders, and no first order of theirs was counted with the leader's code.
  if (customerOrders.find((earlier) => !earlier.repeat)?.code !== order.code) return false;
  return parseTime(order.occurredAt) - parseTime(first.occurredAt) <= terms.repeatWindowDays * DAY_MS;
}

/**
 * Whether a customer's orders in the ledger make an order placed at `occurredAt` a repeat one: one was
 * placed before it, or one was counted as their first, whenever placed. By time, as who brought a
 * customer is read: a first order an outbox delivered after the second is still the first, so a repeat
 * order recorded before it does not make it one. The order counted as the first does: it was answered
 * and paid as the first, and a customer joins once.
 */
function holdsEarlierOrFirst(customerOrders: readonly CustomerOrder[] | undefined, occurredAt: string): boolean {
  // Most customers order once: no time is read for them.
  if (!customerOrders?.length) return false;
  const placedAt = parseTime(occurredAt);
  return customerOrders.some((order) => !order.repeat || parseTime(order.occurredAt) < placedAt);
}

/** A moment as ms since the epoch, from an ISO time or a Date. */
function timeOf(at: string | Date): number {
  return typeof at === 'string' ? parseTime(at) : at.getTime();
}

/** The reward for the n-th first-order redemption: the highest tier reached, else the base reward. */
function tierReward(terms: Terms, n: number): AmbassadorReward {
  let reward = terms.reward;
  for (const tier of terms.tiers) if (n >= tier.minRedemptions) reward = tier.reward;
  return reward;
}

/**
 * Rounds a non-negative amount half up to a whole minor unit. The tiny bias absorbs binary
 * floating-point error (1.005 * 100 is 100.49999…), far below a unit for any real amount.
 */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-7);
}

/**
 * The discount a friend's offer gives on a subtotal, in minor units, as a shop prices it: a percent
 * rounded half up and held to its cap, a fixed amount up to the subtotal, none for free shipping
 * (shipping is not part of the subtotal). The receiver accepts up to {@link maxFriendDiscount}.
 * Throws a `RangeError` naming the subtotal when it is not whole minor units (negative, fractional,
 * not a number): there is no discount to price on it.
 * @example friendDiscount({ kind: 'percent', percent: 15 }, 5999) // 900
 */
export function friendDiscount(offer: FriendOffer, subtotal: number): number {
  // A checkout's own arithmetic (a price in dollars, 59.99, or a refund's negative line) gave 0.5 or −900
  // here, a discount that looked priced and was charged. The throw names the argument; the message is
  // short for the byte budget. (Number.isSafeInteger would cost 7 B more, for subtotals past 2^53.)
  if (!(subtotal >= 0 && Number.isInteger(subtotal))) throw new RangeError(`subtotal ${subtotal}`);
  // Ternaries, not a switch: a few bytes every checkout loads. A friend's percent is whole
  // (programSchema), so the decimal path stays out of a browser's bundle.
  return offer.kind === 'percent'
    ? Math.min(wholePercentOf(subtotal, offer.percent), offer.maxDiscount ?? subtotal, subtotal)
    : offer.kind === 'fixed'
      ? Math.min(offer.amount, subtotal)
      : 0;
}
