/** Why the shop did not take the order, in the shopper's words where the program's reason is terse. */

import type { PublicCode } from '@referkit/events';
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
    case 'idempotency_conflict':
      return 'This checkout already sent an order with another email or code. Press Place order again to place this one as a new order.';
    default:
      return error.message;
  }
}
