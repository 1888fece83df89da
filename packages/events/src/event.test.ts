import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventArb, landingArb, redemptionArb, shareArb } from '../../../test/support/event-arbitraries.js';
import { parseEvent } from './parse-event.js';

type Mutable = Record<string, unknown> & { order?: Record<string, unknown> };

/** Each mutation breaks exactly one rule, and names the path the rejection must point at. */
const envelopeMutations: [string, (event: Mutable) => void, (string | number)[]][] = [
  [
    'a version other than 1',
    (e) => {
      e.v = 2;
    },
    ['v'],
  ],
  [
    'an id without the evt_ prefix',
    (e) => {
      e.id = 'V1StGXR8Z5jdHi6BmyT';
    },
    ['id'],
  ],
  [
    'a program that is not a slug',
    (e) => {
      e.program = 'Spring 2026';
    },
    ['program'],
  ],
  [
    'a code with a look-alike',
    (e) => {
      e.code = 'ALEX-7HC2Q0';
    },
    ['code'],
  ],
  [
    'a lower-case code',
    (e) => {
      e.code = 'alex-7hc2qk';
    },
    ['code'],
  ],
  [
    'a date without a time',
    (e) => {
      e.occurredAt = '2026-11-22';
    },
    ['occurredAt'],
  ],
  [
    'a missing id',
    (e) => {
      delete e.id;
    },
    ['id'],
  ],
  [
    'an unknown key',
    (e) => {
      e.extra = 1;
    },
    ['extra'],
  ],
];

const redemptionMutations: typeof envelopeMutations = [
  [
    'a float subtotal',
    (e) => {
      e.order!.subtotal = 10.5;
    },
    ['order', 'subtotal'],
  ],
  [
    'a negative total',
    (e) => {
      e.order!.total = -1;
    },
    ['order', 'total'],
  ],
  [
    'a subtotal past 2^53',
    (e) => {
      e.order!.subtotal = 2 ** 53 + 2;
    },
    ['order', 'subtotal'],
  ],
  [
    'an unknown currency',
    (e) => {
      e.order!.currency = 'ABC';
    },
    ['order', 'currency'],
  ],
  [
    'a fractional discount',
    (e) => {
      e.order!.discount = 0.5;
    },
    ['order', 'discount'],
  ],
  [
    'an empty order id',
    (e) => {
      e.orderId = '';
    },
    ['orderId'],
  ],
  [
    'an order id with a space',
    (e) => {
      e.orderId = 'order 1';
    },
    ['orderId'],
  ],
  [
    'an upper-case email hash',
    (e) => {
      e.customer = { emailHash: 'A'.repeat(64) };
    },
    ['customer', 'emailHash'],
  ],
  [
    'an unknown attribution model',
    (e) => {
      e.attribution = { landedAt: '2026-11-22T10:00:00Z', model: 'linear' };
    },
    ['attribution', 'model'],
  ],
  [
    'an unknown key in the order',
    (e) => {
      e.order!.tax = 1;
    },
    ['order', 'tax'],
  ],
];

function rejectsAt(event: Mutable, path: (string | number)[]) {
  const result = parseEvent(event);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toContainEqual(path);
}

describe('eventSchema', () => {
  it('accepts any generated valid event', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(parseEvent(event).ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  for (const [name, mutate, path] of envelopeMutations) {
    it(`rejects ${name} at ${JSON.stringify(path)} in any event`, () => {
      fc.assert(
        fc.property(fc.oneof(landingArb, shareArb, redemptionArb), (event) => {
          const copy = structuredClone(event) as Mutable;
          mutate(copy);
          rejectsAt(copy, path);
        }),
        { numRuns: 200 },
      );
    });
  }

  for (const [name, mutate, path] of redemptionMutations) {
    it(`rejects ${name} at ${JSON.stringify(path)} in any redemption`, () => {
      fc.assert(
        fc.property(redemptionArb, (event) => {
          const copy = structuredClone(event) as Mutable;
          mutate(copy);
          rejectsAt(copy, path);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('accepts the currencies ISO 4217 added after ICU listed them, such as VED (2021)', () => {
    fc.assert(
      fc.property(redemptionArb, (event) => {
        const copy = structuredClone(event) as Mutable;
        copy.order = { ...copy.order, currency: 'VED' };
        expect(parseEvent(copy).ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a share without a channel', () => {
    fc.assert(
      fc.property(shareArb, (event) => {
        const copy = structuredClone(event) as Mutable;
        delete copy.channel;
        rejectsAt(copy, ['channel']);
      }),
      { numRuns: 100 },
    );
  });
});
