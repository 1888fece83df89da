/**
 * What the checkout posts to `POST /api/orders`, checked at the edge. Prices are not part of it:
 * the server prices SKUs from its own catalogue.
 */
import { attributionSchema } from '@referkit/events';
import { EARLIEST_EVENT_TIME } from '@referkit/events/code';
import { z } from 'zod';
import { emailSchema } from './customer-identity.js';

/** The order request the checkout sends. */
export const orderRequestSchema = z.strictObject({
  email: emailSchema,
  items: z
    .array(z.strictObject({ sku: z.string().max(64), quantity: z.int().min(1).max(20) }))
    .min(1)
    .max(20),
  /** The code the friend landed with or typed; normalised on the server. */
  code: z.string().max(64).optional(),
  /** How the friend arrived, as the browser SDK remembered it (sent along so both paths agree). */
  // The contract's own schema, so a channel the receiver would refuse is refused here, at the edge.
  attribution: attributionSchema.optional(),
  /**
   * The total the checkout showed, in minor units. When the server prices the order otherwise (a
   * repeat customer on a first-order discount), nothing is placed and the answer says the new total:
   * a shopper is never charged other than what they saw.
   */
  expectedTotal: z.int().min(0).optional(),
});

/** A parsed order request. */
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** How far ahead of its clock the receiver takes a time: `parseEvent`'s `clockSkewSec` default. */
const RECEIVER_SKEW_MS = 300_000;

/**
 * The request without its landing when the receiver would refuse the shop's report that carried it:
 * a `landedAt` before 2000 or more than 300 s ahead of the shop's clock (`parseEvent`'s time rules),
 * which would make the whole signed redemption a `400 invalid_event`, so that the program's rules
 * never ran on an order already discounted. Dropped rather than refused: the time is the shopper's
 * device clock (a phone running fast, one that lost its time and reads 1970), and the landing only
 * says how the friend arrived; the order is priced and judged without it.
 */
export function dropRefusedLanding(request: OrderRequest, now: Date): OrderRequest {
  if (!request.attribution) return request;
  const landedAt = Date.parse(request.attribution.landedAt);
  if (landedAt >= EARLIEST_EVENT_TIME && landedAt <= now.getTime() + RECEIVER_SKEW_MS) return request;
  const { attribution: _, ...withoutLanding } = request;
  return withoutLanding;
}
