/** Fresh, valid fixtures for the receiver's tests and benchmarks: a program, ambassadors and events. */
import { type Ambassador, type AmbassadorInput, ambassadorSchema } from '../ambassador.js';
import type { LandingEvent, RedemptionEvent, ReversalEvent, ShareEvent } from '../event.js';
import { type Program, type ProgramInput, programSchema } from '../program.js';

/** A 15%-off, $10-credit program in USD with no hold, dates, or caps unless overridden. */
export function aProgram(overrides: Partial<ProgramInput> = {}): Program {
  return programSchema.parse({
    id: 'spring-2026',
    brand: 'Acme',
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
    rewardHoldDays: 14,
    ...overrides,
  });
}

/** Alex, an ambassador with code ALEX-7HC2QK. */
export function anAmbassador(overrides: Partial<AmbassadorInput> = {}): Ambassador {
  return ambassadorSchema.parse({
    id: 'amb_1',
    code: 'ALEX-7HC2QK',
    displayName: 'Alex',
    joinedAt: '2026-01-01T00:00:00.000Z',
    customerId: 'c_alex',
    emailHash: 'a'.repeat(64),
    ...overrides,
  });
}

/** Sam, a second ambassador with code SAM-7HC2QK and a customer identity of his own. */
export function aSecondAmbassador(overrides: Partial<AmbassadorInput> = {}): Ambassador {
  return anAmbassador({
    id: 'amb_sam',
    code: 'SAM-7HC2QK',
    displayName: 'Sam',
    customerId: 'c_sam',
    emailHash: 'c'.repeat(64),
    ...overrides,
  });
}

/** Maya, a community leader with code MAYA-7HC2QK and a customer identity of her own. */
export function aLeader(): Ambassador {
  return anAmbassador({
    id: 'amb_maya',
    code: 'MAYA-7HC2QK',
    displayName: 'Maya',
    role: 'community_leader',
    customerId: 'c_maya',
    emailHash: 'd'.repeat(64),
  });
}

/** A first-order redemption of $59.99 with 15% off (900), order 1001. */
export function aRedemption(overrides: Partial<RedemptionEvent> = {}): RedemptionEvent {
  return {
    v: 1,
    id: 'evt_V1StGXR8Z5jdHi6BmyT',
    type: 'redemption',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-22T10:00:00.000Z',
    orderId: '1001',
    order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
    customer: { id: 'c_9', emailHash: 'b'.repeat(64), firstOrder: true },
    attribution: { landedAt: '2026-11-21T09:00:00.000Z', channel: 'whatsapp', model: 'last_touch' },
    ...overrides,
  };
}

/** A landing on Alex's link from WhatsApp. */
export function aLanding(overrides: Partial<LandingEvent> = {}): LandingEvent {
  return {
    v: 1,
    id: 'evt_landing00001',
    type: 'landing',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-22T09:00:00.000Z',
    channel: 'whatsapp',
    ...overrides,
  };
}

/** Alex sharing on WhatsApp. */
export function aShare(overrides: Partial<ShareEvent> = {}): ShareEvent {
  return {
    v: 1,
    id: 'evt_share0000001',
    type: 'share',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-22T08:00:00.000Z',
    channel: 'whatsapp',
    ...overrides,
  };
}

/** A refund of order 1001. */
export function aReversal(overrides: Partial<ReversalEvent> = {}): ReversalEvent {
  return {
    v: 1,
    id: 'evt_reversal00001',
    type: 'reversal',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-23T10:00:00.000Z',
    orderId: '1001',
    reason: 'refund',
    ...overrides,
  };
}
