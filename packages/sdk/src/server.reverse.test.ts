/**
 * `reverse()` of the server client against a real receiver over a memory store (behind msw): the
 * reversal of a recorded redemption claws the ambassador's reward back, once, however often it is
 * sent; input the receiver would refuse is refused here, without a request.
 */
import { verifySignature } from '@referkit/events/signature';
import { afterEach, describe, expect, it } from 'vitest';
import { createReferkit as createBrowserClient } from './client.js';
import { createReferkit } from './server.js';
import { CODE, ENDPOINT, networkWithReceiver } from './testing/receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
let network: Awaited<ReturnType<typeof networkWithReceiver>> | undefined;

afterEach(() => {
  network?.server.close();
  network = undefined;
});

const serverClient = (retry = {}) =>
  createReferkit({
    program: 'spring-2026',
    endpoint: ENDPOINT,
    secret: SECRET,
    retry: { sleep: async () => {}, ...retry },
  });

describe('reverse() on the server client', () => {
  it("records the reversal of a recorded redemption and shows the ambassador's reward reversed", async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = serverClient();
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      status: 201,
    });
    expect(await network!.alexCredit()).toMatchObject({ pending: 1000, reversed: 0 });
    await expect(referkit.reverse({ orderId: '1001', code: CODE, reason: 'refund' })).resolves.toEqual({
      ok: true,
      status: 201,
    });
    expect(await network!.alexCredit()).toMatchObject({ pending: 0, confirmed: 0, reversed: 1000 });
    const reversal = JSON.parse(network.requests.at(-1)!.body);
    expect(reversal).toMatchObject({ v: 1, type: 'reversal', program: 'spring-2026', code: CODE, orderId: '1001' });
    expect(reversal.reason).toBe('refund');
  });

  it('answers the same reversal sent again as a duplicate', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = serverClient();
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    const refund = { orderId: '1001', code: CODE, reason: 'refund' } as const;
    await expect(referkit.reverse(refund)).resolves.toMatchObject({ ok: true, status: 201 });
    await expect(referkit.reverse(refund)).resolves.toMatchObject({ ok: true, status: 200 });
    expect(await network!.alexCredit()).toMatchObject({ reversed: 1000 });
  });

  it('is refused for good with unknown_order for an order never redeemed, refunded ten minutes ago', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const occurredAt = new Date(Date.now() - 6e5).toISOString();
    await expect(serverClient().reverse({ orderId: '2002', code: CODE, occurredAt })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'unknown_order' },
    });
    expect(network.requests).toHaveLength(1);
  });

  it('keeps a fresh reversal of an order not recorded queued, redemption_pending, until the receiver stops waiting', async () => {
    // One clock for the client (its signatures, the reversal's time) and the receiver.
    let clock = Date.parse('2026-11-24T10:00:00.000Z');
    const now = () => new Date(clock);
    network = await networkWithReceiver({ secret: SECRET, now });
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: ENDPOINT,
      secret: SECRET,
      now,
      retry: { limit: 2, sleep: async () => {} },
    });
    await expect(referkit.reverse({ orderId: '2002', code: CODE })).resolves.toMatchObject({
      ok: false,
      queued: true,
      error: { code: 'redemption_pending' },
    });
    expect(network.requests).toHaveLength(2);
    // Five minutes on, the receiver's answer is final: the reversal leaves the outbox.
    clock += 3e5;
    await referkit.flush();
    await referkit.flush();
    expect(network.requests).toHaveLength(3);
    expect(await network!.alexCredit()).toBeUndefined();
  });

  it('delivers a reversal once after a 503, the same body signed afresh', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = serverClient();
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    const redemptions = network.requests.length;
    network.setChaos((n) => (n === redemptions + 1 ? new Response(null, { status: 503 }) : 'pass'));
    await expect(referkit.reverse({ orderId: '1001', code: CODE })).resolves.toMatchObject({ ok: true, status: 201 });
    const [first, second] = network.requests.slice(redemptions);
    expect(network.requests).toHaveLength(redemptions + 2);
    expect(second!.body).toBe(first!.body);
    expect(network.recorded.get(second!.body)).toBe(1);
    const verdict = await verifySignature({ secrets: SECRET, headers: second!.headers, body: second!.body });
    expect(verdict).toMatchObject({ ok: true, value: { id: JSON.parse(second!.body).id } });
    expect(await network!.alexCredit()).toMatchObject({ reversed: 1000 });
  });

  it('keeps a reversal that ran out of attempts and delivers it on flush()', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = serverClient({ limit: 1 });
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    const redemptions = network.requests.length;
    network.setChaos((n) => (n === redemptions + 1 ? 'drop' : 'pass'));
    await expect(referkit.reverse({ orderId: '1001', code: CODE })).resolves.toMatchObject({
      ok: false,
      queued: true,
    });
    await referkit.flush();
    expect(network.requests).toHaveLength(redemptions + 2);
    expect(await network!.alexCredit()).toMatchObject({ reversed: 1000 });
  });

  it('sends the id and time it is given, so a refund reported again is the same event', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = serverClient();
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    const refund = { orderId: '1001', code: CODE, id: 'evt_refund_1001', occurredAt: new Date().toISOString() };
    await expect(referkit.reverse(refund)).resolves.toMatchObject({ status: 201 });
    await expect(referkit.reverse(refund)).resolves.toMatchObject({ status: 200 });
    const [first, second] = network.requests.slice(-2);
    expect(second!.body).toBe(first!.body);
    expect(JSON.parse(first!.body)).toMatchObject({ id: refund.id, occurredAt: refund.occurredAt });
  });

  it.each([
    ['an id that is not an event id', { id: 'evt_1001' }, 'invalid_id', /^\[referkit\] Could not reverse: "evt_1001"/],
    ['an unknown reason', { reason: 'changed_mind' }, 'invalid_reason', /"changed_mind" is not a reason/],
    ['no code', { code: undefined }, 'invalid_code', /no code/],
    ['an empty code', { code: ' ' }, 'invalid_code', /no code/],
    ['a code no link could carry', { code: '<script>' }, 'invalid_code', /Not a referral code/],
  ])('refuses %s at once, without a request', async (_why, change, code, message) => {
    network = await networkWithReceiver({ secret: SECRET });
    const input = { orderId: '1001', code: CODE, ...change } as never;
    await expect(serverClient().reverse(input)).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code, message: expect.stringMatching(message) },
    });
    expect(network.requests).toEqual([]);
  });

  it('resolves input it cannot read, never throws', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    await expect(serverClient().reverse(undefined as never)).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'invalid_event' },
    });
    expect(network.requests).toEqual([]);
  });

  it('is not on the browser client: a page never reverses an order', () => {
    const browser = createBrowserClient({ program: 'spring-2026', endpoint: ENDPOINT });
    expect('reverse' in browser).toBe(false);
  });
});
