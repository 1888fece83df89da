/** The friend's offer in words and in money, as the checkout previews it (the server has the last word). */

import { formatMoney } from './money.js';
import type { PublicCode } from './shop-api.js';

/** The discount the offer gives on a subtotal: percent rounded half up and capped, fixed up to the subtotal. */
export function friendDiscount(offer: PublicCode['friendOffer'], subtotal: number): number {
  switch (offer.kind) {
    case 'percent':
      return Math.min(Math.round((subtotal * offer.percent) / 100), offer.maxDiscount ?? subtotal, subtotal);
    case 'fixed':
      return Math.min(offer.amount, subtotal);
    case 'free_shipping':
      return 0;
  }
}

/** "Alex Rivera gave you 15% off your first order." */
export function offerSentence(lookup: PublicCode): string {
  const { friendOffer: offer, currency } = lookup;
  const what =
    offer.kind === 'percent'
      ? `${offer.percent}% off`
      : offer.kind === 'fixed'
        ? `${formatMoney(offer.amount, currency)} off`
        : 'free shipping on';
  const minimum = lookup.minimumOrder ? ` of ${formatMoney(lookup.minimumOrder, currency)} or more` : '';
  return `${lookup.displayName} gave you ${what} your ${lookup.firstOrderOnly ? 'first ' : ''}order${minimum}.`;
}
