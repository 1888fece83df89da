/** Why the shop did not take the order, in the shopper's words where the program's reason is terse. */

import type { PublicCode } from '@referkit/events';
import { formatMoney } from './money.js';
import type { ShopError } from './shop-api.js';

/** The message for a refused order, naming the ambassador whose code was applied. */
export function refusalMessage(error: ShopError, applied: PublicCode | null): string {
  const name = applied?.displayName ?? 'This ambassador';
  switch (error.code) {
    case 'not_first_order':
      return `${name}'s offer is for first orders only, and this email has ordered before. Remove the code to order at the full price.`;
    case 'self_referral':
      return `This is ${name}'s own code, and an ambassador cannot order with their own code. Remove the code to order at the full price, or share it with a friend.`;
    // The key is per basket: only the email or the code can differ from the order it first went with.
    // Placed, that order is the shopper's, whose answer was lost: say so before anything else.
    case 'idempotency_conflict':
      return error.placed
        ? `Your order was placed: order ${error.placed.order.id}, ${formatMoney(error.placed.order.total, error.placed.order.currency)}, with the email and code you entered first. Only the answer was lost on the way.`
        : 'The order this checkout sent before, with another email or code, was not placed. Press Place order again to place this one.';
    default:
      return error.message;
  }
}
