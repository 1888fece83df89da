/**
 * What the checkout posts to `POST /api/orders`, checked at the edge. Prices are not part of it:
 * the server prices SKUs from its own catalogue.
 */
import { attributionSchema } from '@referkit/events';
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
