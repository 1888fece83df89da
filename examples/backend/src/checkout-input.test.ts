import { parseEvent } from '@referkit/events';
import { describe, expect, test } from 'vitest';
import { dropRefusedLanding, type OrderRequest } from './checkout-input.js';

const now = new Date('2026-11-22T10:00:00.000Z');
const anOrder = (landedAt: string): OrderRequest => ({
  email: 'sam@example.com',
  items: [{ sku: 'sencha-tin', quantity: 1 }],
  code: 'ALEX-7HC2QK',
  attribution: { landedAt, channel: 'whatsapp', model: 'last_touch' },
});

/** Whether the receiver takes a redemption with this landing, at the checkout's `now`. */
const receiverTakes = (landedAt: string) =>
  parseEvent(
    {
      v: 1,
      id: 'evt_checkout_input_01',
      type: 'redemption',
      program: 'fernwood-friends',
      code: 'ALEX-7HC2QK',
      occurredAt: now.toISOString(),
      orderId: 'ord_1',
      order: { currency: 'USD', subtotal: 4800, discount: 720, total: 4080 },
      attribution: { landedAt, model: 'last_touch' },
    },
    { now },
  ).ok;

describe('dropRefusedLanding', () => {
  test.each([
    ['an hour before the order', '2026-11-22T09:00:00.000Z'],
    ['a device clock four minutes fast', '2026-11-22T10:04:00.000Z'],
    ['the first moment of 2000', '2000-01-01T00:00:00.000Z'],
  ])('keeps a landing %s', (_when, landedAt) => {
    expect(dropRefusedLanding(anOrder(landedAt), now)).toEqual(anOrder(landedAt));
    expect(receiverTakes(landedAt)).toBe(true);
  });

  test.each([
    ['before 2000', '1999-12-31T23:59:59.999Z'],
    ['of a device clock that lost its time', '1970-01-01T00:00:00.000Z'],
    ['more than the receiver’s 300 s ahead of the shop’s clock', '2026-11-22T10:05:00.001Z'],
    ['years ahead', '2099-01-01T00:00:00.000Z'],
  ])('drops a landing %s, as the receiver would refuse the report that carries it', (_when, landedAt) => {
    const { attribution: _, ...withoutLanding } = anOrder(landedAt);
    expect(dropRefusedLanding(anOrder(landedAt), now)).toEqual(withoutLanding);
    expect(receiverTakes(landedAt)).toBe(false);
  });

  test('leaves an order without a landing as it is', () => {
    const { attribution: _, ...order } = anOrder('2026-11-22T09:00:00.000Z');
    expect(dropRefusedLanding(order, now)).toEqual(order);
  });
});
