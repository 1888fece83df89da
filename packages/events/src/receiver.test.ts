import { describe, expect, it, vi } from 'vitest';
import { rewardsFor } from './rewards.js';
import { generateSecret, signEvent } from './signature.js';
import { memoryStore } from './stores/memory-store.js';
import type { ReferralStore } from './stores/store.js';
import { aLanding, anAmbassador, aRedemption, aReversal, aShare } from './testing/fixtures.js';
import { aReceiver, NOW, SECRET, signed, unsigned } from './testing/receiver-harness.js';

// The real rewardsFor, which one test makes throw as a bug in it would.
vi.mock('./rewards.js', async (original) => {
  const rewards = await original<typeof import('./rewards.js')>();
  return { ...rewards, rewardsFor: vi.fn(rewards.rewardsFor) };
});

const code = (answer: { body: unknown }) => (answer.body as { error?: { code: string } }).error?.code;

describe('createReceiver: recording', () => {
  it('records a signed redemption with both sides of the rewards', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption()));
    expect(answer).toEqual({
      status: 201,
      body: {
        status: 'recorded',
        rewards: {
          friend: { discount: 900, currency: 'USD' },
          ambassador: {
            amount: 1000,
            type: 'credit',
            currency: 'USD',
            status: 'pending',
            confirmsAt: '2026-12-06T10:00:12.000Z',
            reason: 'first_order',
          },
        },
      },
    });
  });

  it('answers a replay with the same content as a duplicate with the first rewards', async () => {
    const { receive } = await aReceiver();
    const first = await receive.handle(await signed(aRedemption()));
    const again = await receive.handle(await signed(aRedemption()));
    expect(again).toEqual({
      status: 200,
      body: { status: 'duplicate', rewards: (first.body as { rewards: unknown }).rewards },
    });
  });

  it('answers the same order sent again under a new event id as a duplicate', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    const again = await receive.handle(
      await signed(aRedemption({ id: 'evt_fromTheServer01', occurredAt: '2026-11-22T10:00:05.000Z' })),
    );
    expect(again.status).toBe(200);
  });

  it('refuses the same order with different content as a conflict', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    const changed = aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5000 } });
    expect(code(await receive.handle(await signed(changed)))).toBe('idempotency_conflict');
  });

  it('refuses a webhook-id reused for another event as a conflict', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption(), { id: 'msg_1' }));
    const other = aRedemption({ id: 'evt_anotherOrder01', orderId: '1002', customer: { id: 'c_10' } });
    expect(code(await receive.handle(await signed(other, { id: 'msg_1' })))).toBe('idempotency_conflict');
  });

  it.each([
    ['landing', aLanding()],
    ['share', aShare()],
  ])('records a %s without rewards', async (_type, event) => {
    const { receive } = await aReceiver();
    expect(await receive.handle(await signed(event))).toEqual({ status: 201, body: { status: 'recorded' } });
  });

  it('records a reversal of a redeemed order and claws the reward back', async () => {
    const { receive, store, program } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    expect((await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' })))).status).toBe(
      201,
    );
    const stats = await store.stats({ program, now: NOW });
    expect(stats.ambassadors[0]?.rewards).toEqual({ type: 'credit', pending: 0, confirmed: 0, reversed: 1000 });
  });

  it('answers a second reversal of the order as a duplicate', async () => {
    const { receive } = await aReceiver();
    await receive.handle(await signed(aRedemption()));
    await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' })));
    const again = await receive.handle(
      await signed(aReversal({ id: 'evt_reversal00002', occurredAt: '2026-11-22T10:00:11.000Z' })),
    );
    expect(again.status).toBe(200);
  });

  it('answers a Fetch Request with a JSON Response', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const response = await receive(
      new Request('http://127.0.0.1/api/referrals/events', {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: 'recorded' });
  });
});

describe('createReceiver: refusals', () => {
  it('refuses another method with 405 and an Allow header', async () => {
    const { receive } = await aReceiver();
    const response = await receive(new Request('http://127.0.0.1/', { method: 'GET' }));
    expect([response.status, response.headers.get('allow'), (await response.json()).error.code]).toEqual([
      405,
      'POST',
      'method_not_allowed',
    ]);
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({
      ...delivery,
      headers: { ...delivery.headers, 'content-type': 'text/plain' },
    });
    expect([answer.status, code(answer)]).toEqual([415, 'unsupported_media_type']);
  });

  it('refuses a body over the limit with 413', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const answer = await receive.handle(await signed(aRedemption()));
    expect([answer.status, code(answer)]).toEqual([413, 'payload_too_large']);
  });

  it('counts multi-byte characters against the limit', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const answer = await receive.handle(unsigned(`"${'é'.repeat(60)}"`));
    expect(answer.status).toBe(413);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 100 });
    const response = await receive(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000000' },
        body: '{}',
      }),
    );
    expect(response.status).toBe(413);
  });

  it('stops reading an endless body at the limit', async () => {
    const { receive } = await aReceiver({ maxBodyBytes: 65_536 });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4096).fill(32));
      },
    });
    const request = new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const response = await receive(request);
    expect([response.status, pulled < 40]).toEqual([413, true]);
  });

  it('answers 408 when a body stalls', async () => {
    const { receive } = await aReceiver({ bodyTimeoutMs: 50 });
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const request = new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stalled,
      duplex: 'half',
    } as RequestInit);
    expect((await receive(request)).status).toBe(408);
  });

  it.each(['{', '', 'null x', '\u00ff'])('refuses the malformed JSON %j with 400', async (body) => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(body));
    expect([answer.status, code(answer)]).toEqual([400, 'invalid_json']);
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    const answer = await receive.handle({
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x22, 0xff, 0x22]),
    });
    expect(code(answer)).toBe('invalid_json');
  });

  it('refuses an event off the contract with 400 and the path of each problem', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(
      await signed(
        JSON.stringify({ ...aRedemption(), order: { currency: 'USD', subtotal: 1.5, discount: 0, total: 1 } }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_event', issues: [{ path: ['order', 'subtotal'] }] } });
  });

  it('refuses an event from the future with 400', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption({ occurredAt: '2026-11-22T11:00:00.000Z' })));
    expect(answer.body).toMatchObject({
      error: { code: 'invalid_event', issues: [{ path: ['occurredAt'], code: 'future_timestamp' }] },
    });
  });

  it('refuses an unsigned request when a secret is set with 401', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(unsigned(aRedemption()));
    expect([answer.status, code(answer)]).toEqual([401, 'missing_signature']);
  });

  it('refuses a body changed by one byte', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({ ...delivery, body: delivery.body.replace('5099', '5098') });
    expect([answer.status, code(answer)]).toEqual([401, 'invalid_signature']);
  });

  it('refuses a replay outside the tolerance', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption(), { at: new Date(NOW.getTime() - 301_000) }));
    expect([answer.status, code(answer)]).toEqual([401, 'timestamp_out_of_tolerance']);
  });

  it('refuses a signature made with a rotated-out secret', async () => {
    const current = generateSecret();
    const { receive } = await aReceiver({ secret: [current] });
    expect(code(await receive.handle(await signed(aRedemption())))).toBe('invalid_signature');
  });

  it('accepts the new and the old secret while rotating', async () => {
    const current = generateSecret();
    const { receive } = await aReceiver({ secret: [current, SECRET] });
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('refuses an unknown program', async () => {
    const { receive } = await aReceiver();
    expect(code(await receive.handle(await signed(aRedemption({ program: 'autumn-2026' }))))).toBe('unknown_program');
  });

  it('refuses an unknown code with its path', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption({ code: 'SAM-7HC2QK' })));
    expect(answer).toMatchObject({
      status: 422,
      body: { error: { code: 'unknown_code', issues: [{ path: ['code'] }] } },
    });
  });

  it.each<[string, Parameters<typeof aReceiver>[0], Parameters<typeof aRedemption>[0]]>([
    ['program_inactive', { program: { endsAt: '2026-11-01T00:00:00Z' } }, {}],
    [
      'campaign_inactive',
      {
        program: { roles: { influencer: { endsAt: '2026-11-01T00:00:00Z' } } },
        ambassadors: [anAmbassador({ role: 'influencer' })],
      },
      {},
    ],
    ['self_referral', {}, { customer: { id: 'c_alex' } }],
    ['not_first_order', {}, { customer: { firstOrder: false } }],
    ['below_minimum', { program: { minimumOrder: 10_000 } }, {}],
    ['currency_mismatch', {}, { order: { currency: 'EUR', subtotal: 5999, discount: 900, total: 5099 } }],
    ['discount_exceeds_offer', {}, { order: { currency: 'USD', subtotal: 5999, discount: 2000, total: 3999 } }],
  ])('refuses a redemption for %s with 422', async (expected, options, redemption) => {
    const { receive } = await aReceiver(options);
    const answer = await receive.handle(await signed(aRedemption(redemption)));
    expect([answer.status, code(answer)]).toEqual([422, expected]);
  });

  it('refuses a redemption past the code cap with 422 code_exhausted', async () => {
    const { receive } = await aReceiver({ program: { maxRedemptionsPerCode: 1 } });
    await receive.handle(await signed(aRedemption()));
    const second = aRedemption({ id: 'evt_secondOrder001', orderId: '1002', customer: { id: 'c_10' } });
    expect(code(await receive.handle(await signed(second)))).toBe('code_exhausted');
  });

  it('refuses a reversal of an order never redeemed with 422 unknown_order', async () => {
    const { receive } = await aReceiver();
    expect(code(await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T10:00:00.000Z' }))))).toBe(
      'unknown_order',
    );
  });

  it("refuses another program's code with 422 unknown_code", async () => {
    const { receive, store } = await aReceiver({ ambassadors: [] });
    await store.upsertAmbassador('autumn-2026', anAmbassador());
    expect(code(await receive.handle(await signed(aRedemption())))).toBe('unknown_code');
  });

  it("refuses a reversal carrying another ambassador's code with 422 unknown_order", async () => {
    const bob = anAmbassador({
      id: 'amb_bob',
      code: 'BOB-7HC2QK',
      displayName: 'Bob',
      customerId: 'c_bob',
      emailHash: 'c'.repeat(64),
    });
    const { receive } = await aReceiver({ ambassadors: [anAmbassador(), bob] });
    await receive.handle(await signed(aRedemption()));
    const reversal = aReversal({ code: 'BOB-7HC2QK', occurredAt: '2026-11-22T10:00:10.000Z' });
    expect(code(await receive.handle(await signed(reversal)))).toBe('unknown_order');
  });

  it('records nothing for a refused redemption, so a corrected one is recorded', async () => {
    const { receive } = await aReceiver();
    await receive.handle(
      await signed(aRedemption({ order: { currency: 'USD', subtotal: 5999, discount: 2000, total: 3999 } })),
    );
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });
});

describe('createReceiver: unsigned claims', () => {
  it('records a landing from a browser', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    expect((await receive.handle(unsigned(aLanding()))).status).toBe(201);
  });

  it('refuses an unconfirmed redemption with 422 order_not_confirmed', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => false });
    expect(code(await receive.handle(unsigned(aRedemption())))).toBe('order_not_confirmed');
  });

  it('refuses every unsigned redemption without confirmOrder', async () => {
    const { receive } = await aReceiver({ secret: undefined });
    expect(code(await receive.handle(unsigned(aRedemption())))).toBe('order_not_confirmed');
  });

  it('records a redemption the shop confirms', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: async (event) => event.orderId === '1001' });
    expect((await receive.handle(unsigned(aRedemption()))).status).toBe(201);
  });
});

describe('createReceiver: an unavailable store', () => {
  function flakyStore(failures: number): ReferralStore {
    const store = memoryStore();
    let left = failures;
    return {
      ...store,
      async commit(request) {
        if (left-- > 0) throw new Error('connection reset');
        return store.commit(request);
      },
    };
  }

  it('answers 503 store_unavailable when the store throws', async () => {
    const { receive } = await aReceiver({ store: flakyStore(1) });
    const answer = await receive.handle(await signed(aRedemption()));
    expect([answer.status, code(answer)]).toEqual([503, 'store_unavailable']);
  });

  it('records the retry after a 503', async () => {
    const { receive } = await aReceiver({ store: flakyStore(1) });
    await receive.handle(await signed(aRedemption()));
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('answers 500 internal_error, not 503, when the rewards computation throws inside the commit', async () => {
    const { receive } = await aReceiver();
    vi.mocked(rewardsFor).mockImplementationOnce(() => {
      throw new TypeError('a bug in the rewards');
    });
    const answer = await receive.handle(await signed(aRedemption()));
    expect([answer.status, code(answer)]).toEqual([500, 'internal_error']);
  });

  it('records the redemption after a decision that threw', async () => {
    const { receive } = await aReceiver();
    vi.mocked(rewardsFor).mockImplementationOnce(() => {
      throw new TypeError('a bug in the rewards');
    });
    await receive.handle(await signed(aRedemption()));
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('answers 503 when resolveCode throws', async () => {
    const { receive } = await aReceiver({ resolveCode: () => Promise.reject(new Error('down')) });
    expect(code(await receive.handle(await signed(aRedemption())))).toBe('store_unavailable');
  });
});

describe('createReceiver: configuration', () => {
  it('refuses a short secret at creation', async () => {
    await expect(aReceiver({ secret: 'whsec_c2hvcnQ=' })).rejects.toThrow(/24/);
  });

  it('refuses a program off the schema at creation', async () => {
    await expect(aReceiver({ programs: [{ id: 'Bad Id' } as never] })).rejects.toThrow();
  });

  it('signs with headers a receiver reads from a Fetch Headers object', async () => {
    const { receive } = await aReceiver();
    const body = JSON.stringify(aRedemption());
    const headers = new Headers({
      'content-type': 'application/json',
      ...(await signEvent({ secret: SECRET, id: 'msg_h', timestamp: NOW, body })),
    });
    expect((await receive.handle({ headers, body })).status).toBe(201);
  });
});
