import { describe, expect, it } from 'vitest';
import { parseEvent } from './parse-event.js';
import { aRedemption } from './testing/fixtures.js';

const redemption = () => aRedemption({ customer: { id: 'c_9', emailHash: 'a'.repeat(64), firstOrder: true } });

function issuesOf(input: unknown) {
  const result = parseEvent(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.error.issues;
}

describe('parseEvent', () => {
  it('accepts the redemption of the design document', () => {
    expect(parseEvent(redemption())).toEqual({ ok: true, value: redemption() });
  });

  it('answers with invalid_event, a plain message and the path of each problem', () => {
    const result = parseEvent({ ...redemption(), order: { ...redemption().order, subtotal: '59.99' } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_event', issues: [{ path: ['order', 'subtotal'], code: 'invalid_type' }] },
    });
    if (!result.ok) expect(result.error.message).toMatch(/order\.subtotal.*expected/i);
  });

  it.each([undefined, null, 0, 'event', [], true])('rejects the non-object %j', (input) => {
    expect(issuesOf(input).length).toBeGreaterThan(0);
  });

  it('rejects an unknown type at its path', () => {
    expect(issuesOf({ ...redemption(), type: 'purchase' })[0]?.path).toEqual(['type']);
  });

  it('rejects an unknown key instead of ignoring it', () => {
    expect(issuesOf({ ...redemption(), isAdmin: true })[0]).toMatchObject({ code: 'unrecognized_keys' });
  });

  it('names the first ten unknown keys of an object at their paths and counts the rest', () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`k${index}`, 1]));
    const issues = issuesOf({ ...redemption(), ...keys });
    expect(issues.map((issue) => issue.path)).toEqual([...Array.from({ length: 10 }, (_, index) => [`k${index}`]), []]);
    expect(issues.at(-1)?.message).toBe('Expected no other keys here; 4990 more were found');
  });

  it('names each unknown key at its own path', () => {
    const input = JSON.parse(
      `{"__proto__": 1, ${JSON.stringify({ ...redemption(), order: { ...redemption().order, coupon: 'X', tip: 1 } }).slice(1)}`,
    );
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.code)).toEqual(Array(3).fill('unrecognized_keys'));
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([['__proto__'], ['order', 'coupon'], ['order', 'tip']]),
    );
  });

  it('never throws on a cyclic object', () => {
    const cyclic: Record<string, unknown> = redemption();
    cyclic.order = cyclic;
    expect(issuesOf(cyclic)[0]?.path[0]).toBe('order');
  });

  it('never throws on a getter that throws', () => {
    const hostile = redemption();
    Object.defineProperty(hostile, 'orderId', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(hostile)[0]).toMatchObject({ code: 'unreadable', path: [] });
  });

  it('rejects a __proto__ key without polluting any prototype', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(redemption()).slice(1)}`);
    expect(issuesOf(input)[0]).toMatchObject({ code: 'unrecognized_keys' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects a constructor key', () => {
    const input = JSON.parse(
      `{"constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(redemption()).slice(1)}`,
    );
    expect(issuesOf(input)[0]).toMatchObject({ code: 'unrecognized_keys' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a one-megabyte string quickly and by its length', () => {
    const started = performance.now();
    const issues = issuesOf({ ...redemption(), orderId: 'x'.repeat(1_000_000) });
    expect(issues[0]).toMatchObject({ path: ['orderId'], code: 'invalid_format' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects numbers past 2^53 in minor units', () => {
    const issues = issuesOf({ ...redemption(), order: { ...redemption().order, subtotal: 2 ** 53, total: 2 ** 53 } });
    expect(issues.map((issue) => issue.path.join('.'))).toContain('order.subtotal');
  });

  it('reads -0 as zero, which JSON cannot tell apart', () => {
    const result = parseEvent({ ...redemption(), order: { currency: 'USD', subtotal: 0, discount: -0, total: 0 } });
    expect(result.ok).toBe(true);
  });

  it('rejects NaN and Infinity', () => {
    expect(issuesOf({ ...redemption(), order: { ...redemption().order, total: Number.NaN } })[0]?.path).toEqual([
      'order',
      'total',
    ]);
    expect(
      issuesOf({ ...redemption(), order: { ...redemption().order, total: Number.POSITIVE_INFINITY } })[0]?.path,
    ).toEqual(['order', 'total']);
  });

  it('rejects a float where minor units belong', () => {
    expect(issuesOf({ ...redemption(), order: { ...redemption().order, subtotal: 59.99 } })[0]).toMatchObject({
      path: ['order', 'subtotal'],
      code: 'invalid_type',
    });
  });

  it('rejects a negative amount', () => {
    expect(issuesOf({ ...redemption(), order: { ...redemption().order, total: -1 } })[0]?.path).toEqual([
      'order',
      'total',
    ]);
  });

  it('rejects a currency that is not ISO 4217', () => {
    expect(issuesOf({ ...redemption(), order: { ...redemption().order, currency: 'XBT' } })[0]?.path).toEqual([
      'order',
      'currency',
    ]);
  });

  it("accepts a discount larger than the subtotal, as free shipping's may be: the program's rules judge it", () => {
    const order = { currency: 'JPY', subtotal: 500, discount: 800, total: 500 } as const;
    expect(parseEvent({ ...redemption(), order })).toEqual({ ok: true, value: { ...redemption(), order } });
  });

  it('accepts the number of lines a discount was rounded over', () => {
    const order = { ...redemption().order, lines: 5 };
    expect(parseEvent({ ...redemption(), order })).toEqual({ ok: true, value: { ...redemption(), order } });
  });

  it.each([0, -1, 1.5, 10_001, '5', null])('refuses %j lines at their path', (lines) => {
    expect(issuesOf({ ...redemption(), order: { ...redemption().order, lines } })[0]?.path).toEqual(['order', 'lines']);
  });

  it('rejects a look-alike character in the code', () => {
    expect(issuesOf({ ...redemption(), code: 'ALEX-7HC2QO' })[0]?.path).toEqual(['code']);
  });

  it('rejects a date without an offset', () => {
    expect(issuesOf({ ...redemption(), occurredAt: '2026-11-22T10:00:00' })[0]?.path).toEqual(['occurredAt']);
  });

  it('rejects a future timestamp when the clock is given', () => {
    const result = parseEvent(redemption(), { now: new Date('2026-11-22T09:00:00Z') });
    expect(result).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['occurredAt'], code: 'future_timestamp' }] },
    });
  });

  it('rejects a time before the year 2000 when the clock is given', () => {
    const result = parseEvent(
      { ...redemption(), occurredAt: '0000-01-01T00:00:00.000Z' },
      { now: new Date('2026-11-22T10:00:00Z') },
    );
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: ['occurredAt'], code: 'past_timestamp' }] } });
  });

  it('rejects a landing time in the future when the clock is given', () => {
    const attribution = { landedAt: '2027-01-01T00:00:00.000Z', model: 'last_touch' };
    const result = parseEvent({ ...redemption(), attribution }, { now: new Date('2026-11-22T10:00:00Z') });
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: ['attribution', 'landedAt'] }] } });
  });

  it('allows five minutes of clock skew', () => {
    expect(parseEvent(redemption(), { now: new Date('2026-11-22T09:56:00Z') }).ok).toBe(true);
  });

  it('rejects an email hash that is not lower-case hex', () => {
    const customer = { emailHash: 'friend@example.com' };
    expect(issuesOf({ ...redemption(), customer })[0]?.path).toEqual(['customer', 'emailHash']);
  });

  it('rejects a landing url that is not http or https', () => {
    const landing = { ...redemption(), type: 'landing', url: 'javascript:alert(1)' } as Record<string, unknown>;
    for (const key of ['orderId', 'order', 'customer', 'attribution']) delete landing[key];
    expect(issuesOf(landing)[0]?.path).toEqual(['url']);
  });

  it('rejects an unknown share channel', () => {
    const share = {
      v: 1,
      id: 'evt_V1StGXR8Z5jdHi6BmyT',
      type: 'share',
      program: 'spring-2026',
      code: 'ALEX-7HC2QK',
      occurredAt: '2026-11-22T10:00:00Z',
      channel: 'myspace',
    };
    expect(issuesOf(share)[0]?.path).toEqual(['channel']);
  });

  it('rejects a deeply nested input without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { order: deep };
    expect(issuesOf(deep).length).toBeGreaterThan(0);
  });
});
