import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventArb, mutatedEventArb } from '../../../test/support/event-arbitraries.js';
import { eventSchema } from './event.js';
import { isReferralEvent } from './event-guard.js';
import { parseEvent } from './parse-event.js';
import { TIMESTAMP_PATTERN, timestamp } from './primitives.js';

describe('isReferralEvent', () => {
  it('accepts every generated valid event, so the fast path is taken', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(isReferralEvent(event)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts what eventSchema rejects', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedEventArb, (event) => {
        const schemaSays = eventSchema.safeParse(event).success;
        if (!schemaSays) rejected++;
        if (isReferralEvent(event)) expect(schemaSays, JSON.stringify(event)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
    expect(rejected).toBeGreaterThan(2000);
  });

  it('uses the same date-time pattern as the schema', () => {
    expect(TIMESTAMP_PATTERN.source).toBe((timestamp._zod.def as { pattern?: RegExp }).pattern?.source);
  });

  it.each([['reversal'], ['redemption'], 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'never accepts the type %j, which only looks like a known one',
    (type) => {
      const event = {
        v: 1,
        id: 'evt_V1StGXR8Z5jdHi6BmyT',
        type,
        program: 'spring-2026',
        code: 'ALEX-7HC2QK',
        occurredAt: '2026-11-22T10:00:00.000Z',
        orderId: '1001',
        order: { total: -5 },
      };
      expect(isReferralEvent(event)).toBe(false);
      expect(parseEvent(event)).toMatchObject({ ok: false, error: { issues: [{ path: ['type'] }] } });
    },
  );

  it('leaves a class instance to zod', () => {
    class Event {
      v = 1;
    }
    expect(isReferralEvent(new Event())).toBe(false);
  });
});
