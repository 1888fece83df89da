/** Idempotency keys and fingerprints: an unsigned delivery claims no webhook key, and every field that decides a verdict is in the fingerprint. */

import { describe, expect, it } from 'vitest';
import { claimsFor, fingerprint } from './idempotency.js';
import { aRedemption, aShare } from './testing/fixtures.js';
import { aReceiver, errorCode, unsigned } from './testing/receiver-harness.js';

describe('idempotency', () => {
  it('claims no webhook key for an unsigned delivery', () => {
    expect(claimsFor(aRedemption())).toHaveLength(1);
  });
  it('fingerprints every field that decides the verdict', () => {
    const print = fingerprint(aRedemption());
    expect(
      fingerprint(aRedemption({ customer: { id: 'c_10', emailHash: 'b'.repeat(64), firstOrder: true } })),
    ).not.toBe(print);
    expect(fingerprint(aRedemption({ customer: { id: 'c_9', emailHash: 'd'.repeat(64), firstOrder: true } }))).not.toBe(
      print,
    );
    expect(
      fingerprint(aRedemption({ customer: { id: 'c_9', emailHash: 'b'.repeat(64), firstOrder: false } })),
    ).not.toBe(print);
    expect(fingerprint(aRedemption({ customer: { id: 'xtrue' } }))).not.toBe(
      fingerprint(aRedemption({ customer: { id: 'x', firstOrder: true } })),
    );
    expect(fingerprint(aShare({ channel: 'sms' }))).not.toBe(fingerprint(aShare()));
  });
  it('answers duplicate to one order reported with and without its line count: it says how the discount was rounded', async () => {
    // The shop's server knows its per-line rounding; the page that reported the order first may not.
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => true });
    expect((await receive.handle(unsigned(aRedemption()))).status).toBe(201);
    const again = aRedemption({ id: 'evt_fromServer00001', order: { ...aRedemption().order, lines: 3 } });
    expect((await receive.handle(unsigned(again))).body).toMatchObject({ status: 'duplicate' });
  });
  it('answers 409 to a replayed order id with another customer', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => true });
    expect((await receive.handle(unsigned(aRedemption()))).status).toBe(201);
    const other = aRedemption({ id: 'evt_other0000000001', customer: { id: 'c_10', firstOrder: true } });
    expect(errorCode(await receive.handle(unsigned(other)))).toBe('idempotency_conflict');
  });
});
