import { parseEvent } from '@referkit/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureClient } from './capture-client.js';
import { createReferkit } from './client.js';
import { installPage } from './testing/fake-page.js';

const LINK = 'https://shop.example/p?ref=alex-7hc2qk&rk_ch=whatsapp';
let posted: string[];
const receiver = async (_url: RequestInfo | URL, init?: RequestInit) => {
  posted.push(String(init?.body));
  return Response.json({ status: 'recorded' }, { status: 201 });
};

beforeEach(() => {
  posted = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('createCaptureClient', () => {
  it('captures, reports the landing and a share, and has no redeem', async () => {
    installPage(LINK);
    const client = createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    await expect(client.trackShare('alex-7hc2qk', 'sms')).resolves.toMatchObject({ ok: true, status: 201 });
    await client.flush();
    const events = posted.map((body) => JSON.parse(body));
    expect(events.map((event) => event.type).sort()).toEqual(['landing', 'share']);
    expect(events.every((event) => parseEvent(event).ok)).toBe(true);
    expect('redeem' in client).toBe(false);
  });

  it('shares its storage with createReferkit, so a checkout redeems what a storefront captured', async () => {
    installPage(LINK);
    createCaptureClient({ program: 'spring-2026', endpoint: '/api', fetch: receiver }).capture();
    const checkout = createReferkit({ program: 'spring-2026', endpoint: '/api', fetch: receiver });
    const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
    await expect(checkout.redeem({ orderId: '1001', order })).resolves.toMatchObject({ ok: true });
    const redemption = posted.map((body) => JSON.parse(body)).find((event) => event.type === 'redemption');
    expect(redemption).toMatchObject({ code: 'ALEX-7HC2QK', attribution: { channel: 'whatsapp' } });
  });
});
