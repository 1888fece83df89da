import { parseEvent } from '@referkit/events';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReferkit, type ReferkitOptions } from './client.js';
import { installPage } from './testing/fake-page.js';

// Mistakes a brand makes in its own code (an id, a program, an option read with the wrong type) are
// refused at once with a code, as a bad endpoint is: never queued for a receiver that must refuse
// them, never thrown into the page.

const LINK = 'https://shop.example/p?ref=alex-7hc2qk';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
const referral = { code: 'ALEX-7HC2QK' };
let posted: string[];

beforeEach(() => {
  posted = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function aClient(options: Partial<Record<keyof ReferkitOptions, unknown>> = {}) {
  return createReferkit({
    program: 'spring-2026',
    endpoint: 'https://shop.example/api',
    fetch: async (_url: string, init?: RequestInit) => {
      posted.push(String(init?.body));
      return Response.json({ status: 'recorded' }, { status: 201 });
    },
    ...options,
  } as ReferkitOptions);
}

/** The SDK's keys on the page's localStorage. */
const stored = (storage: object) => Object.keys(storage).filter((key) => key.startsWith('rk_'));

describe('an id given to redeem', () => {
  it.each(['', 'x', 'evt_1', 42, null])('refuses %j at once as invalid_id, storing and sending nothing', async (id) => {
    const page = installPage();
    const client = aClient();
    const first = await client.redeem({ id: id as string, orderId: 'A-1', order, referral });
    const second = await client.redeem({ id: id as string, orderId: 'B-2', order, referral });
    for (const delivery of [first, second]) {
      expect(delivery).toEqual({
        ok: false,
        queued: false,
        error: { code: 'invalid_id', message: expect.stringMatching(/event id/) },
      });
    }
    await client.flush();
    expect(stored(page.storage)).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('takes exactly the ids the receiver takes', async () => {
    const client = aClient();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^evt_[\w-]{0,70}$/)),
        async (id) => {
          posted = [];
          const delivery = await client.redeem({ id, orderId: 'A-1', order, referral });
          const valid = parseEvent({ ...aRedemption(), id }).ok;
          expect(delivery).toMatchObject(valid ? { ok: true } : { ok: false, error: { code: 'invalid_id' } });
          expect(posted.map((body) => JSON.parse(body).id)).toEqual(valid ? [id] : []);
        },
      ),
    );
  });
});

/** A redemption the receiver takes, to try ids on. */
const aRedemption = () => ({
  v: 1,
  id: 'evt_ord_1001',
  type: 'redemption',
  program: 'spring-2026',
  code: 'ALEX-7HC2QK',
  occurredAt: new Date().toISOString(),
  orderId: 'A-1',
  order,
});

describe('a client without a usable program', () => {
  it.each([
    ['no program', undefined],
    ['an empty one', ''],
    ['one that is no slug', 'Spring 2026'],
    ['a number', 42],
  ])('refuses every event at once with %s, keeping nothing of it on the device', async (_what, program) => {
    const page = installPage(LINK);
    const client = aClient({ program });
    expect(client.capture()).toMatchObject(referral);
    const deliveries = [await client.redeem({ orderId: 'A-1', order }), await client.trackShare('ALEX-7HC2QK', 'x')];
    for (const delivery of deliveries) {
      expect(delivery).toEqual({
        ok: false,
        queued: false,
        error: { code: 'invalid_program', message: expect.stringMatching(/program/) },
      });
    }
    await client.flush();
    // The referral is the site's, kept for any program's client; no landing, no event is this one's.
    expect(stored(page.storage)).toEqual(['rk_ref']);
    expect(posted).toEqual([]);
  });
});

describe('options of the wrong type', () => {
  it.each(['attribution', 'storage', 'retry', 'consent', 'param', 'fetch', 'cleanUrl'])(
    'reads %s: null as absent, as undefined is',
    async (option) => {
      installPage(LINK);
      const client = aClient({ [option]: null });
      vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
        posted.push(String(init?.body));
        return Response.json({ status: 'recorded' }, { status: 201 });
      });
      expect(client.capture()).toMatchObject(referral);
      expect(await client.redeem({ orderId: 'A-1', order })).toMatchObject({ ok: true });
      expect(posted.map((body) => JSON.parse(body).type).sort()).toEqual(['landing', 'redemption']);
    },
  );

  it.each([42, {}, null, undefined])(
    'refuses every event for an endpoint of %j at once as invalid_endpoint, without throwing',
    async (endpoint) => {
      const page = installPage(LINK);
      const client = aClient({ endpoint });
      client.capture();
      for (const delivery of [
        await client.redeem({ orderId: 'A-1', order }),
        await client.trackShare('ALEX-7HC2QK', 'x'),
      ]) {
        expect(delivery).toMatchObject({ ok: false, queued: false, error: { code: 'invalid_endpoint' } });
      }
      await client.flush();
      expect(stored(page.storage).filter((key) => key.startsWith('rk_outbox'))).toEqual([]);
      expect(posted).toEqual([]);
    },
  );
});
