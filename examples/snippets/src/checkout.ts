// README: the npm import in a checkout — read the referral, show the discount, report the order.
import { createReferkit } from '@referkit/sdk';

const referkit = createReferkit({ program: 'spring-2026', endpoint: '/api' });

/** The code to show at checkout ("Alex gave you 15% off"), if a friend's link brought this shopper. */
export const referral = referkit.referral();

/** After the order is placed (a thank-you page may call this again: the same order counts once). */
export async function reportOrder(orderId: string, subtotal: number, discount: number, email: string) {
  const delivery = await referkit.redeem({
    orderId,
    order: { currency: 'USD', subtotal, discount, total: subtotal - discount },
    customer: { email, firstOrder: true },
  });
  if (delivery.ok) return delivery.rewards; // { friend: { discount }, ambassador: { amount, type, status } }
  return delivery.queued ? 'retrying' : delivery.error.code;
}
