/**
 * `createReferkit`: the browser client a storefront and its checkout use. Capture the referral when
 * a friend lands, read it at checkout, report the redemption after the order — through the outbox,
 * so a flaky network or a closing tab neither loses nor doubles it. It is the capture client
 * (`capture-client.ts`) plus `redeem`. Budget: `npm run size`.
 */
import type { Currency } from '@referkit/events';
import type { Referral } from './attribution.js';
import { type CaptureClient, clientParts, type ReferkitOptions, refuse } from './capture-client.js';
import type { Delivery } from './delivery.js';
import { hashEmail } from './email-hash.js';

export type { ClientShareLinkInput, ReferkitOptions } from './capture-client.js';

/** The order a redemption reports, in integer minor units. */
export interface RedeemOrder {
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
  /**
   * How many line items a percent discount was rounded on one by one (1–10,000): the receiver then
   * allows a minor unit a line over the whole order's rounding. Leave it out when the discount was
   * rounded on the whole order.
   */
  lines?: number | undefined;
}

/** What {@link ReferkitClient.redeem} needs. */
export interface RedeemInput {
  /** The brand's order id: one order redeems once. */
  orderId: string;
  order: RedeemOrder;
  /** The email is hashed here (see `hashEmail`); it never leaves the page readable. */
  customer?: { id?: string | undefined; email?: string | undefined; firstOrder?: boolean | undefined } | undefined;
  /** The referral to credit. @default the captured one (`referral()`); on a server, from `readLandingCookie`. */
  referral?: (Pick<Referral, 'code'> & { [Key in keyof Referral]?: Referral[Key] | undefined }) | undefined;
  /**
   * The event's id (`evt_` and 8–64 of `A-Za-z0-9_-`). A server that may report one order again, say
   * after a restart, passes one made from the order (`evt_order_${orderId}`) with the order's time, so
   * the same order always makes the same event; any other id is refused at once, in the browser as on
   * a server (`invalid_id`). @default a random id
   */
  id?: string | undefined;
  /** When the order was placed, as an ISO time. @default now */
  occurredAt?: string | undefined;
}

/** The Referkit client. */
export interface ReferkitClient extends CaptureClient {
  /** Reports an order placed with the referral. Resolves, never rejects. */
  redeem(input: RedeemInput): Promise<Delivery>;
}

/**
 * Creates a Referkit client.
 * @example
 * const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api' });
 * referkit.capture();
 * await referkit.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
 */
export function createReferkit(options: ReferkitOptions): ReferkitClient {
  const [client, send, memory] = clientParts(options);
  const redeem = async ({
    orderId,
    order,
    customer,
    referral = memory.read() ?? undefined,
    id,
    occurredAt,
  }: RedeemInput) => {
    if (!referral) return refuse('no_referral', 'No referral captured');
    return send(
      'redemption',
      referral.code,
      {
        orderId,
        order,
        customer: customer && {
          id: customer.id,
          // A blank email (a guest checkout's empty field) is no email: every blank would hash alike.
          emailHash: customer.email?.trim() ? await hashEmail(customer.email) : undefined,
          firstOrder: customer.firstOrder,
        },
        attribution: referral.landedAt && {
          landedAt: referral.landedAt,
          channel: referral.channel,
          model: memory.model,
        },
      },
      id,
      occurredAt,
    );
  };
  return Object.assign(client, {
    // Input that cannot even be read (no object, an email that is not text) is refused like the
    // receiver refuses a bad event: resolved, never thrown into the checkout.
    redeem: (input: RedeemInput) =>
      redeem(input).catch((error) => refuse('invalid_event', `[referkit] Could not read redeem()'s input: ${error}`)),
  });
}
