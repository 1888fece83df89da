/**
 * A referral read back from the device: localStorage and the first-party cookie are the page's to write
 * too (another script, an extension, a visitor in DevTools), so what they hold is trusted only when it is
 * what the SDK writes. Anything else is no referral: ignored, forgotten, never thrown, never sent.
 */
import { parseEvent } from '@referkit/events';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReferkit } from './client.js';
import { installPage } from './testing/fake-page.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';
const NOW = '2026-11-22T10:00:00.000Z';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
const stored = { code: 'ALEX-7HC2QK', landedAt: '2026-11-21T09:00:00.000Z', expiresAt: '2026-12-21T09:00:00.000Z' };
let posted: string[];

beforeEach(() => {
  posted = [];
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(NOW) });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const aClient = () =>
  createReferkit({
    program: 'spring-2026',
    endpoint: 'https://shop.example/api',
    fetch: async (_url, init) => {
      posted.push(String(init?.body));
      return Response.json({ status: 'recorded' }, { status: 201 });
    },
  });

/** Times the receiver refuses for `landedAt`, each one a Date reads. */
const refusedTimes = [
  '-000001-01-01T00:00:00Z',
  '1999-12-31T23:00Z',
  '2026-11-21T21:40:55',
  '2026-11-21',
  new Date('2026-11-21T09:00:00.000Z').toString(),
  '2026-11-21T11:00:00.000+02:00',
];

describe('a stored referral the SDK did not write', () => {
  it.each(refusedTimes)('is no referral in localStorage, landed at %s, and is forgotten', async (landedAt) => {
    const page = installPage();
    page.storage.setItem('rk_ref', JSON.stringify({ ...stored, landedAt }));
    const client = aClient();
    expect(client.referral()).toBeNull();
    expect(page.storage.getItem('rk_ref')).toBeNull();
    expect(await client.redeem({ orderId: '1001', order })).toMatchObject({ error: { code: 'no_referral' } });
    expect(posted).toEqual([]);
  });

  it.each(refusedTimes)('is no referral in the cookie, landed at %s, and is forgotten', (landedAt) => {
    const page = installPage();
    page.cookies.cookie = `rk_ref=${encodeURIComponent(JSON.stringify({ ...stored, landedAt }))}`;
    expect(aClient().referral()).toBeNull();
    expect(page.cookies.cookie).not.toContain('rk_ref=');
  });

  it.each([
    ['a channel that is an object', { ...stored, channel: { toString: 1 } }],
    ['a channel in a list', { ...stored, channel: ['sms'] }],
    ['a channel of null', { ...stored, channel: null }],
    ['a code that is an object', { ...stored, code: { toString: 1 } }],
    ['a landing time that is an object', { ...stored, landedAt: { toString: 1 } }],
    ['an expiry that is an object', { ...stored, expiresAt: { toString: 1 } }],
    ['an expiry on a date alone', { ...stored, expiresAt: '2026-12-21' }],
    ['an expiry before its landing', { ...stored, landedAt: '2026-11-23T09:00:00.000Z', expiresAt: NOW }],
    ['a landing far past any date', { ...stored, landedAt: '+275760-09-13T00:00:00.000Z', expiresAt: NOW }],
    ['no object', 'ALEX-7HC2QK'],
    ['null', null],
    ['not JSON', undefined],
  ])('is no referral with %s, and neither capture() nor referral() throws', (_what, junk) => {
    const page = installPage(LINK);
    page.storage.setItem('rk_ref', junk === undefined ? '{"code":' : JSON.stringify(junk));
    const client = aClient();
    expect(client.referral()).toBeNull();
    expect(page.storage.getItem('rk_ref')).toBeNull();
    page.storage.setItem('rk_ref', junk === undefined ? '{"code":' : JSON.stringify(junk));
    expect(client.capture()).toMatchObject({ code: 'ALEX-7HC2QK', channel: 'whatsapp', landedAt: NOW });
  });

  it('takes no credit under first touch from the link followed before consent was given', () => {
    const page = installPage(LINK);
    page.storage.setItem('rk_ref', JSON.stringify({ ...stored, code: 'SAM-222222', landedAt: '2026-11-21' }));
    const client = createReferkit({
      program: 'spring-2026',
      endpoint: 'https://shop.example/api',
      consent: 'pending',
      attribution: { model: 'first_touch' },
      fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }),
    });
    client.capture();
    client.setConsent('granted');
    expect(client.referral()).toMatchObject({ code: 'ALEX-7HC2QK', landedAt: NOW });
  });

  it('is never sent: a referral the client keeps redeems as an event the receiver takes', async () => {
    // How many runs the client kept the referral in: the property must meet both outcomes.
    let keptRuns = 0;
    // Most around now, some anywhere a Date can be.
    const near = fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    const date = fc.oneof(near, near, fc.date({ noInvalidDate: true }));
    const landedAt = fc.oneof(
      { arbitrary: near.map((at) => at.toISOString()), weight: 4 },
      date.map((at) => at.toISOString()),
      date.map((at) => at.toISOString().replace(/\.\d+Z$/, 'Z')),
      date.map((at) => at.toISOString().slice(0, 19)),
      date.map((at) => at.toISOString().slice(0, 10)),
      date.map((at) => at.toString()),
      date.map((at) => at.toUTCString()),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(landedAt, async (landedAt) => {
        posted = [];
        const page = installPage();
        page.storage.setItem('rk_ref', JSON.stringify({ ...stored, landedAt, expiresAt: '2099-01-01T00:00:00.000Z' }));
        const client = aClient();
        const kept = client.referral();
        if (kept) keptRuns++;
        const delivery = await client.redeem({ orderId: '1001', order });
        if (kept) expect(parseEvent(JSON.parse(posted[0]!), { now: new Date() })).toMatchObject({ ok: true });
        else expect(delivery).toMatchObject({ error: { code: 'no_referral' } });
      }),
      { numRuns: 300 },
    );
    expect(keptRuns).toBeGreaterThan(30);
    expect(keptRuns).toBeLessThan(270);
  });
});
