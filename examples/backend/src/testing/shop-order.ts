/** One order as the demo shop keeps it, for the tests of its tables, reports and pages. */
import type { ShopOrder } from '../orders.js';

/** Sam's placed order of one Sencha tin with Alex's code, its report recorded; a test overrides what it is about. */
export function aShopOrder(order: Partial<ShopOrder> = {}): ShopOrder {
  return {
    id: 'ord_0123456789abcdef0123',
    program: 'fernwood-friends',
    customerId: 'cus_sam',
    emailHash: 'a'.repeat(64),
    code: 'ALEX-7HC2QK',
    currency: 'USD',
    subtotal: 4800,
    discount: 720,
    total: 4080,
    firstOrder: true,
    items: [{ sku: 'sencha-tin', name: 'Sencha', price: 4800, quantity: 1 }],
    attribution: null,
    status: 'placed',
    report: 'recorded',
    ambassadorRewarded: true,
    idempotencyKey: null,
    refusal: null,
    createdAt: '2026-11-22T10:00:00.000Z',
    refundedAt: null,
    reversal: null,
    ...order,
  };
}
