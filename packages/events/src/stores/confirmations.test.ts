import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Confirmations } from './confirmations.js';

const time = (day: number) => new Date(Date.UTC(2026, 10, 1 + day)).toISOString();

describe('Confirmations', () => {
  it('counts the rewards confirmed at a moment, however they were added, less those reversed by then', () => {
    // Each first order: the day its reward confirms, and the day it was reversed, if it was.
    const order = fc.record({
      confirms: fc.integer({ min: 0, max: 30 }),
      reversed: fc.option(fc.integer({ min: 0, max: 30 })),
    });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), fc.integer({ min: -1, max: 31 }), (orders, day) => {
        const confirmations = new Confirmations();
        for (const { confirms, reversed } of orders) {
          confirmations.add(time(confirms));
          if (reversed !== null) confirmations.reverse(time(confirms), time(reversed));
        }
        const expected = orders.filter(
          ({ confirms, reversed }) => confirms <= day && (reversed === null || reversed > day),
        ).length;
        expect(confirmations.confirmedAt(time(day))).toBe(expected);
      }),
    );
  });

  it('counts a reward confirmed at the very moment asked, and not one reversed at it', () => {
    const confirmations = new Confirmations();
    confirmations.add(time(3));
    confirmations.add(time(3));
    confirmations.reverse(time(3), time(5));
    expect([time(2), time(3), time(5)].map((moment) => confirmations.confirmedAt(moment))).toEqual([0, 2, 1]);
  });
});
