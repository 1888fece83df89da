/** The friend's offer in words, as the checkout previews it (the server has the last word on money). */

import type { PublicCode } from '@referkit/events';
import { formatMoney } from './money.js';

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

/** "Maya Chen's discount is for a first order, …": once the shop priced this email's order without it. */
export function fullPriceSentence(lookup: PublicCode): string {
  return `${lookup.displayName}'s discount is for a first order, and this email has ordered before: this order is at the full price.`;
}
