import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureClient } from './capture-client.js';

/** A redemption's body with the given id, as the outbox stores it: some 450 B. */
const redemption = (id: string) =>
  JSON.stringify({
    v: 1,
    id,
    type: 'redemption',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-22T10:00:00.000Z',
    orderId: id.slice(4),
    order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
    customer: { id: 'c_9', emailHash: 'e3b0c442'.repeat(8), firstOrder: true },
    attribution: { landedAt: '2026-11-21T09:00:00.000Z', channel: 'whatsapp', model: 'last_touch' },
  });

afterEach(() => localStorage.clear());

// A file of its own: Chromium counts the keepalive bytes of the whole page, and another test's
// requests still in flight would take part of them.
describe('the send as the page goes, in Chromium', () => {
  it('has no keepalive request refused for the quota, and sends the events only the page holds first', async () => {
    // An earlier page left 150 redemptions on the device, some 70 KB. Events this size keep the
    // requests far below Chromium's own cap on how many keepalive requests may be in flight (a few
    // hundred small ones exceed it, and it refuses some, however few bytes they carry).
    for (let n = 0; n < 150; n++) {
      localStorage.setItem(`rk_outbox:evt_stored_${n}`, redemption(`evt_stored_${n}`));
    }
    const sent: Promise<string>[] = [];
    const client = createCaptureClient({
      program: 'spring-2026',
      endpoint: '/api',
      retry: { limit: 1 },
      // Offline until the page goes; then Chromium's own fetch, which refuses a keepalive request past the quota.
      fetch: async (url, init) => {
        if (!init?.keepalive) throw new TypeError('Failed to fetch');
        const body = String(init.body);
        const answer = fetch(url, init);
        sent.push(
          answer.then(
            () => body,
            () => `refused ${JSON.parse(body).id}`,
          ),
        );
        return answer;
      },
    });
    await client.flush();
    // localStorage is full: two shares live only in the page's memory.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await client.trackShare('ALEX-7HC2QK', 'sms');
      await client.trackShare('ALEX-7HC2QK', 'email');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    dispatchEvent(new Event('pagehide'));
    const answered = await Promise.all(sent);
    expect(answered.filter((body) => body.startsWith('refused'))).toEqual([]);
    expect(answered.slice(0, 2).map((body) => JSON.parse(body).channel)).toEqual(['sms', 'email']);
  });
});
