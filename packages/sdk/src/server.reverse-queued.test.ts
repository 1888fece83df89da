/**
 * `reverse()` while its order's redemption is still queued in the same server client: the shop refunds
 * at once, before a 503 the redemption met is retried. The reversal waits behind the redemption and is
 * sent after it, so the receiver (real, over a memory store, behind msw) takes the reward back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createReferkit } from './server.js';
import { CODE, ENDPOINT, networkWithReceiver } from './testing/receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
let network: Awaited<ReturnType<typeof networkWithReceiver>> | undefined;

afterEach(() => {
  network?.server.close();
  network = undefined;
});

/** A server client whose every answer is noted as `<event type>:<status>`, in the order they came. */
function tracedClient(retry: { limit?: number }) {
  const wire: string[] = [];
  const referkit = createReferkit({
    program: 'spring-2026',
    endpoint: ENDPOINT,
    secret: SECRET,
    retry: { sleep: async () => {}, ...retry },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      wire.push(`${JSON.parse(String(init?.body)).type}:${response.status}`);
      return response;
    },
  });
  return { referkit, wire };
}

describe('reverse() behind a queued redemption of its order', () => {
  it('sends the queued redemption first, then the reversal, so the refunded order keeps no reward', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    network.setChaos((n) => (n === 1 ? new Response(null, { status: 503 }) : 'pass'));
    const { referkit, wire } = tracedClient({ limit: 1 });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      ok: false,
      queued: true,
    });
    const reversed = await referkit.reverse({ orderId: '1001', code: CODE, reason: 'refund' });
    await referkit.flush();
    expect(network.recorded.get('1001')).toBe(1);
    expect(await network!.alexCredit()).toMatchObject({ pending: 0, confirmed: 0, reversed: 1000 });
    expect(wire).toEqual(['redemption:503', 'redemption:201', 'reversal:201']);
    expect(reversed).toEqual({ ok: true, status: 201 });
  });

  it('keeps the reversal queued, unsent, while the redemption is still refused a verdict, and sends it after on flush()', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    network.setChaos((n) => (n <= 2 ? new Response(null, { status: 503 }) : 'pass'));
    const { referkit, wire } = tracedClient({ limit: 1 });
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    await expect(referkit.reverse({ orderId: '1001', code: CODE, reason: 'refund' })).resolves.toMatchObject({
      ok: false,
      queued: true,
      error: { code: 'redemption_queued' },
    });
    expect(wire).toEqual(['redemption:503', 'redemption:503']);
    await referkit.flush();
    expect(wire).toEqual(['redemption:503', 'redemption:503', 'redemption:201', 'reversal:201']);
    expect(await network!.alexCredit()).toMatchObject({ pending: 0, reversed: 1000 });
  });

  it('waits for a redemption still on its way, not yet resolved', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    network.setChaos((n) => (n === 1 ? new Response(null, { status: 503 }) : 'pass'));
    const { referkit, wire } = tracedClient({ limit: 3 });
    const redeemed = referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    await expect(referkit.reverse({ orderId: '1001', code: CODE })).resolves.toMatchObject({ ok: true, status: 201 });
    await expect(redeemed).resolves.toMatchObject({ ok: true, status: 201 });
    expect(wire).toEqual(['redemption:503', 'redemption:201', 'reversal:201']);
    expect(await network!.alexCredit()).toMatchObject({ pending: 0, reversed: 1000 });
  });

  it("does not hold a reversal behind another order's queued redemption", async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const { referkit, wire } = tracedClient({ limit: 1 });
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    network.setChaos((n) => (n === 2 ? new Response(null, { status: 503 }) : 'pass'));
    await referkit.redeem({ orderId: '1002', order, referral: { code: CODE }, customer: { id: 'c_10' } });
    await expect(referkit.reverse({ orderId: '1001', code: CODE })).resolves.toMatchObject({ ok: true, status: 201 });
    expect(wire).toEqual(['redemption:201', 'redemption:503', 'reversal:201']);
  });
});
