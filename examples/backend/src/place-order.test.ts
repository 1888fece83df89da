import { describe, expect, test } from 'vitest';
import { friendDiscount } from './place-order.js';

describe('friendDiscount', () => {
  test('rounds a percent off half up', () => {
    expect(friendDiscount({ kind: 'percent', percent: 15 }, 5999)).toBe(900);
  });

  test('caps a percent off at its maximum', () => {
    expect(friendDiscount({ kind: 'percent', percent: 50, maxDiscount: 1000 }, 4800)).toBe(1000);
  });

  test('never takes a fixed amount off beyond the subtotal', () => {
    expect(friendDiscount({ kind: 'fixed', amount: 1500 }, 1200)).toBe(1200);
  });

  test('gives nothing off for free shipping, which the demo shop always gives', () => {
    expect(friendDiscount({ kind: 'free_shipping' }, 4800)).toBe(0);
  });
});
