import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventArb, mutatedEventArb } from '../../../test/support/event-arbitraries.js';
import { eventSchema } from './event.js';
import { isReferralEvent } from './event-guard.js';
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

  it('leaves a class instance to zod', () => {
    class Event {
      v = 1;
    }
    expect(isReferralEvent(new Event())).toBe(false);
  });
});
