/**
 * The referral event contract: what the SDK sends and the receiver accepts.
 * Objects are strict, so this schema and `eventJsonSchema` accept exactly the same documents.
 */
import { z } from 'zod';
import { EVENT_ID_PATTERN } from './code.js';
import {
  attributionModel,
  channel,
  currency,
  emailHash,
  externalId,
  minorUnits,
  referralCode,
  slug,
  timestamp,
  webUrl,
} from './primitives.js';

// The pattern of an event id lives with the code's, zod-free, for the SDK; the fast event guard reads it too.
export { EVENT_ID_PATTERN };
/** An event id: `evt_` and 8–64 URL-safe characters, stable across every retry of one event. */
export const eventId = z.string().regex(EVENT_ID_PATTERN, 'Expected an event id like evt_V1StGXR8Z5jdHi6BmyT');

const envelope = {
  v: z.literal(1),
  id: eventId,
  program: slug,
  code: referralCode,
  occurredAt: timestamp,
};

/**
 * The most line items an order may say its discount was rounded over: each may add a minor unit to a
 * percent discount (`maxFriendDiscount`), so the count is bounded, far above any basket.
 */
export const MAX_ORDER_LINES = 10_000;

/**
 * The order a redemption reports, in minor units of one currency. The discount is not held to the
 * subtotal here: a free-shipping discount is the shipping waived, which may cost more than the items.
 * The program's rules hold percent and fixed discounts to the subtotal (`discount_exceeds_offer`).
 */
export const orderSchema = z.strictObject({
  currency,
  subtotal: minorUnits,
  discount: minorUnits,
  total: minorUnits,
  lines: z
    .int()
    .min(1)
    .max(MAX_ORDER_LINES)
    .optional()
    .describe(
      'The number of line items a percent discount was rounded on one by one; absent, it was rounded on the whole order.',
    ),
});
/** An order's amounts in minor units of one currency. */
export type Order = z.infer<typeof orderSchema>;

/** The friend who ordered, as far as the brand lets us know them (never a raw email). */
export const customerSchema = z.strictObject({
  id: externalId.optional(),
  emailHash: emailHash.optional(),
  firstOrder: z.boolean().optional(),
});
/** The friend who ordered: the brand's customer id, a hashed email, whether it was a first order. */
export type Customer = z.infer<typeof customerSchema>;

/** When and how the friend arrived, as the SDK remembered it. */
export const attributionSchema = z.strictObject({
  landedAt: timestamp,
  channel: channel.optional(),
  model: attributionModel,
});
/** When and through which channel the friend arrived, and the model that credited the code. */
export type Attribution = z.infer<typeof attributionSchema>;

/** A friend opened a referral link. Reported once per landing, not per page view. */
export const landingEventSchema = z.strictObject({
  ...envelope,
  type: z.literal('landing'),
  channel: channel.optional(),
  url: webUrl.optional(),
});

/** An ambassador shared their link on a channel. */
export const shareEventSchema = z.strictObject({
  ...envelope,
  type: z.literal('share'),
  channel,
});

/** An order placed with a referral code. One order redeems once: its key is `program + orderId`. */
export const redemptionEventSchema = z.strictObject({
  ...envelope,
  type: z.literal('redemption'),
  orderId: externalId,
  order: orderSchema,
  customer: customerSchema.optional(),
  attribution: attributionSchema.optional(),
});

/** Why an order was reversed; a chargeback is `fraud` when the payment was not the card holder's, else `refund`. */
export const reversalReason = z.enum(['refund', 'cancellation', 'fraud', 'other']);

/** A refund, cancellation or chargeback of a whole redeemed order (no part of one); claws back the ambassador's reward. */
export const reversalEventSchema = z.strictObject({
  ...envelope,
  type: z.literal('reversal'),
  orderId: externalId,
  reason: reversalReason.optional(),
});

/** Any referral event, told apart by `type`. */
export const eventSchema = z.discriminatedUnion('type', [
  landingEventSchema,
  shareEventSchema,
  redemptionEventSchema,
  reversalEventSchema,
]);

/** Any referral event: a landing, a share, a redemption or a reversal. */
export type ReferralEvent = z.infer<typeof eventSchema>;
/** A friend opened a referral link. */
export type LandingEvent = z.infer<typeof landingEventSchema>;
/** An ambassador shared their link on a channel. */
export type ShareEvent = z.infer<typeof shareEventSchema>;
/** An order placed with a referral code. */
export type RedemptionEvent = z.infer<typeof redemptionEventSchema>;
/** A refund or cancellation of a redeemed order. */
export type ReversalEvent = z.infer<typeof reversalEventSchema>;
/** The `type` of a referral event. */
export type EventType = ReferralEvent['type'];
