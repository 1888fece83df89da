/** The receiver when something other than the input fails: the store (503, retryable) or its own code (500). */
import { describe, expect, it, vi } from 'vitest';
import { rewardsFor } from './rewards.js';
import { memoryStore } from './stores/memory-store.js';
import type { ReferralStore } from './stores/store.js';
import { anAmbassador, aRedemption, aSecondAmbassador } from './testing/fixtures.js';
import { aReceiver, errorCode, signed } from './testing/receiver-harness.js';

// The real rewardsFor, which one test makes throw as a bug in it would.
vi.mock('./rewards.js', async (original) => {
  const rewards = await original<typeof import('./rewards.js')>();
  return { ...rewards, rewardsFor: vi.fn(rewards.rewardsFor) };
});

describe('createReceiver: failures', () => {
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
    expect([answer.status, errorCode(answer)]).toEqual([503, 'store_unavailable']);
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
    expect([answer.status, errorCode(answer)]).toEqual([500, 'internal_error']);
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
    expect(errorCode(await receive.handle(await signed(aRedemption())))).toBe('store_unavailable');
  });

  it('answers 503 when a synchronous resolveCode throws', async () => {
    const { receive } = await aReceiver({
      resolveCode: () => {
        throw new Error('down');
      },
    });
    expect(errorCode(await receive.handle(await signed(aRedemption())))).toBe('store_unavailable');
  });

  it('answers 503 and names the problem when resolveCode answers something that is not an ambassador', async () => {
    const onError = vi.fn();
    const store = memoryStore();
    // A database row read as is: snake_case columns, the customer id under another name.
    const row = { id: 'amb_alex', code: 'ALEX-7HC2QK', display_name: 'Alex', customer_id: 'c_alex' };
    const { receive } = await aReceiver({ store, onError, resolveCode: () => row as never });
    const answer = await receive.handle(await signed(aRedemption({ customer: { id: 'c_alex', firstOrder: true } })));
    expect([answer.status, errorCode(answer)]).toEqual([503, 'store_unavailable']);
    const [error, failure] = onError.mock.calls[0] ?? [];
    expect((error as Error).message).toMatch(
      /^\[referkit\] resolveCode answered something that is not an ambassador \(/,
    );
    expect((error as Error).message).toContain('displayName');
    expect(failure).toMatchObject({ status: 503, code: 'store_unavailable' });
    // Nothing was recorded: the sender's retry, once the lookup is fixed, is the first.
    const fixed = await aReceiver({ store, resolveCode: () => anAmbassador({ customerId: 'c_alex' }) });
    const retried = await fixed.receive.handle(
      await signed(aRedemption({ customer: { id: 'c_alex', firstOrder: true } })),
    );
    expect([retried.status, errorCode(retried)]).toEqual([422, 'self_referral']);
  });

  it("answers 503 and names both codes when resolveCode answers another code's ambassador", async () => {
    const onError = vi.fn();
    const store = memoryStore();
    // A lookup that matched loosely (a prefix, a LIKE) found Sam for Alex's code: Sam must not be paid.
    const { receive } = await aReceiver({ store, onError, resolveCode: () => aSecondAmbassador() });
    const answer = await receive.handle(await signed(aRedemption()));
    expect([answer.status, errorCode(answer)]).toEqual([503, 'store_unavailable']);
    expect(onError.mock.calls[0]?.[0]).toHaveProperty(
      'message',
      '[referkit] resolveCode answered the ambassador of SAM-7HC2QK for the code ALEX-7HC2QK. Answer the ambassador whose code it is, or null.',
    );
    // Nothing was recorded: the retry, once the lookup is fixed, is the first.
    const fixed = await aReceiver({ store, resolveCode: () => anAmbassador() });
    expect((await fixed.receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('reads an ambassador as a brand writes it, with its defaults, on every order', async () => {
    const { role: _, ...input } = anAmbassador();
    const resolveCode = vi.fn(() => input as never);
    const { receive } = await aReceiver({ resolveCode });
    expect(
      (await receive.handle(await signed(aRedemption({ id: 'evt_order1aaaaaaaaaaaa', orderId: 'order-1' })))).status,
    ).toBe(201);
    expect(
      (
        await receive.handle(
          await signed(
            aRedemption({
              id: 'evt_order2aaaaaaaaaaaa',
              orderId: 'order-2',
              customer: { id: 'c_10', firstOrder: true },
            }),
          ),
        )
      ).status,
    ).toBe(201);
    expect(resolveCode).toHaveBeenCalledTimes(2);
  });

  it('reads a lookup row with fields of its own and Date times, as the rules need it', async () => {
    const row = {
      ...anAmbassador(),
      email: 'alex@example.com',
      joinedAt: new Date('2026-01-10T00:00:00Z'),
      campaign: { startsAt: new Date('2026-11-01T00:00:00Z'), endsAt: new Date('2026-12-31T00:00:00Z') },
    };
    const { receive } = await aReceiver({ resolveCode: () => row as never });
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('reads an object the lookup changes between events as it is now; a frozen one is checked once', async () => {
    const { customerId: _, ...withoutCustomer } = anAmbassador();
    const live: Record<string, unknown> = { ...withoutCustomer };
    const { receive } = await aReceiver({ resolveCode: () => live as never });
    const own = (n: number) =>
      aRedemption({
        id: `evt_own${n}aaaaaaaaaaaaaa`,
        orderId: `own-${n}`,
        customer: { id: 'c_alex', firstOrder: true },
      });
    expect((await receive.handle(await signed(own(1)))).status).toBe(201);
    // The brand learns Alex's customer id: his next order with his own code is his own.
    live.customerId = 'c_alex';
    const refused = await receive.handle(await signed(own(2)));
    expect([refused.status, errorCode(refused)]).toEqual([422, 'self_referral']);
    const frozen = Object.freeze(anAmbassador());
    const fixed = await aReceiver({ resolveCode: () => frozen });
    expect((await fixed.receive.handle(await signed(aRedemption()))).status).toBe(201);
    expect(
      (
        await fixed.receive.handle(
          await signed(
            aRedemption({ id: 'evt_again1aaaaaaaaaaa', orderId: '1002', customer: { id: 'c_10', firstOrder: true } }),
          ),
        )
      ).status,
    ).toBe(201);
  });

  it('records with a synchronous resolveCode, and waits for a thenable one', async () => {
    const ambassador = anAmbassador();
    const sync = await aReceiver({ resolveCode: () => ambassador });
    // A promise of another library or realm: not a native Promise, but awaited all the same.
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, as another promise library's is
    const foreign = { then: (resolve: (found: typeof ambassador) => void) => resolve(ambassador) };
    const thenable = await aReceiver({ resolveCode: () => foreign as unknown as Promise<typeof ambassador> });
    expect((await sync.receive.handle(await signed(aRedemption()))).status).toBe(201);
    expect((await thenable.receive.handle(await signed(aRedemption()))).status).toBe(201);
  });

  it('tells onError the cause of a 503 and of a 500, with the event, and answers the same when onError throws', async () => {
    const seen: unknown[] = [];
    const onError = (error: unknown, failure: unknown) => {
      seen.push([(error as Error).message, failure]);
      throw new Error('a logger that fails');
    };
    const outage = await aReceiver({ store: flakyStore(1), onError });
    const refused = await outage.receive.handle(await signed(aRedemption()));
    const broken = await aReceiver({ onError });
    vi.mocked(rewardsFor).mockImplementationOnce(() => {
      throw new TypeError('a bug in the rewards');
    });
    const failed = await broken.receive.handle(await signed(aRedemption()));
    expect([refused.status, failed.status]).toEqual([503, 500]);
    expect(seen).toEqual([
      [
        'connection reset',
        expect.objectContaining({
          status: 503,
          code: 'store_unavailable',
          event: expect.objectContaining({ orderId: aRedemption().orderId }),
        }),
      ],
      [
        'a bug in the rewards',
        expect.objectContaining({
          status: 500,
          code: 'internal_error',
          event: expect.objectContaining({ type: 'redemption' }),
        }),
      ],
    ]);
  });

  it('does not call onError for a refusal of the input', async () => {
    const onError = vi.fn();
    const { receive } = await aReceiver({ onError });
    await receive.handle({ headers: { 'content-type': 'application/json' }, body: '{' });
    await receive.handle(await signed({ ...aRedemption(), code: 'NOPE-0000' }));
    expect(onError).not.toHaveBeenCalled();
  });
});
