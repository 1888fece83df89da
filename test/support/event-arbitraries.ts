/** fast-check arbitraries for valid referral events, shared by property tests and benchmarks. */

import { CODE_SUFFIX_ALPHABET, CURRENCIES } from '@referkit/events';
import fc from 'fast-check';
import { channel } from '../../packages/events/src/primitives.js';

const upperAlnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const suffixChar = fc.constantFrom(...CODE_SUFFIX_ALPHABET);
const idChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');

export const codeArb = fc
  .tuple(
    fc.string({ unit: upperAlnum, minLength: 1, maxLength: 12 }),
    fc.string({ unit: suffixChar, minLength: 6, maxLength: 6 }),
  )
  .map(([handle, suffix]) => `${handle}-${suffix}`);

export const eventIdArb = fc.string({ unit: idChar, minLength: 8, maxLength: 64 }).map((id) => `evt_${id}`);

export const slugArb = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/).filter((slug) => slug.length <= 64);

export const timestampArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export const channelArb = fc.constantFrom(...channel.options);

const externalIdArb = fc.stringMatching(/^[\x21-\x7e]{1,40}$/);
const hexArb = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

const envelopeArb = fc.record({
  v: fc.constant(1 as const),
  id: eventIdArb,
  program: slugArb,
  code: codeArb,
  occurredAt: timestampArb,
});

export const orderArb = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    subtotal: fc.integer({ min: 0, max: 10_000_000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    lines: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  })
  .map(({ currency, subtotal, share, lines }) => {
    const discount = Math.floor(subtotal * share);
    const order = { currency, subtotal, discount, total: subtotal - discount };
    return lines === undefined ? order : { ...order, lines };
  });

export const landingArb = fc
  .tuple(
    envelopeArb,
    fc.record(
      { channel: channelArb, url: fc.constant('https://shop.example/p?ref=ALEX-7HC2QK') },
      { requiredKeys: [] },
    ),
  )
  .map(([envelope, rest]) => ({ ...envelope, type: 'landing' as const, ...rest }));

export const shareArb = fc
  .tuple(envelopeArb, channelArb)
  .map(([envelope, channel]) => ({ ...envelope, type: 'share' as const, channel }));

export const redemptionArb = fc
  .tuple(
    envelopeArb,
    externalIdArb,
    orderArb,
    fc.option(fc.record({ id: externalIdArb, emailHash: hexArb, firstOrder: fc.boolean() }, { requiredKeys: [] }), {
      nil: undefined,
    }),
    fc.option(
      fc.record(
        {
          landedAt: timestampArb,
          channel: channelArb,
          model: fc.constantFrom('last_touch' as const, 'first_touch' as const),
        },
        { requiredKeys: ['landedAt', 'model'] },
      ),
      { nil: undefined },
    ),
  )
  .map(([envelope, orderId, order, customer, attribution]) => ({
    ...envelope,
    type: 'redemption' as const,
    orderId,
    order,
    ...(customer ? { customer } : {}),
    ...(attribution ? { attribution } : {}),
  }));

export const reversalArb = fc
  .tuple(
    envelopeArb,
    externalIdArb,
    fc.option(fc.constantFrom('refund', 'cancellation', 'fraud', 'other'), { nil: undefined }),
  )
  .map(([envelope, orderId, reason]) => ({
    ...envelope,
    type: 'reversal' as const,
    orderId,
    ...(reason ? { reason } : {}),
  }));

/** Any valid event. */
export const eventArb = fc.oneof(landingArb, shareArb, redemptionArb, reversalArb);

const jsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constant(2 ** 53),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant('XBT'),
  fc.constant([]),
  fc.constant(['reversal']),
  fc.constant(['redemption']),
  fc.constant('constructor'),
  fc.constant({}),
  fc.constant('2026-11-22T10:00:00Z'),
  fc.constant('ALEX-7HC2QO'),
);

/** A valid event, then one of: nothing, a key removed, a value replaced, a key added, deep in the object. */
export const mutatedEventArb = fc
  .tuple(eventArb, fc.nat(), fc.nat(), fc.constantFrom('keep', 'delete', 'replace', 'add'), jsonValue)
  .map(([event, pick, pickInner, action, value]) => {
    const copy = structuredClone(event) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length] as string;
    let target = copy;
    let targetKey = key;
    const inner = copy[key];
    if (inner && typeof inner === 'object' && pickInner % 2 === 0) {
      target = inner as Record<string, unknown>;
      const innerKeys = Object.keys(target);
      targetKey = innerKeys[pickInner % innerKeys.length] ?? 'extra';
    }
    if (action === 'delete') delete target[targetKey];
    if (action === 'replace') target[targetKey] = value;
    if (action === 'add') target[`x${pickInner % 3}`] = value;
    return copy;
  });
