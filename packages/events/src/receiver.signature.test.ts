/** The receiver's answers about Standard Webhooks signatures. */
import { describe, expect, it } from 'vitest';
import { generateSecret, signEvent } from './signature.js';
import { aRedemption } from './testing/fixtures.js';
import { aReceiver, errorCode, NOW, SECRET, signed, unsigned } from './testing/receiver-harness.js';

describe('createReceiver: signatures', () => {
  it('refuses an unsigned request when a secret is set with 401', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(unsigned(aRedemption()));
    expect([answer.status, errorCode(answer)]).toEqual([401, 'missing_signature']);
  });

  it('refuses a body changed by one byte', async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const answer = await receive.handle({ ...delivery, body: delivery.body.replace('5099', '5098') });
    expect([answer.status, errorCode(answer)]).toEqual([401, 'invalid_signature']);
  });

  it('refuses a replay outside the tolerance', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed(aRedemption(), { at: new Date(NOW.getTime() - 301_000) }));
    expect([answer.status, errorCode(answer)]).toEqual([401, 'timestamp_out_of_tolerance']);
  });

  it('refuses a signature made with a rotated-out secret', async () => {
    const current = generateSecret();
    const { receive } = await aReceiver({ secret: [current] });
    expect(errorCode(await receive.handle(await signed(aRedemption())))).toBe('invalid_signature');
  });

  it('accepts the new and the old secret while rotating', async () => {
    const current = generateSecret();
    const { receive } = await aReceiver({ secret: [current, SECRET] });
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
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

  it("accepts a delivery whose headers are arrays, as Node's req.headersDistinct gives them", async () => {
    const { receive } = await aReceiver();
    const delivery = await signed(aRedemption());
    const distinct = Object.fromEntries(Object.entries(delivery.headers).map(([name, value]) => [name, [value]]));
    expect((await receive.handle({ ...delivery, headers: distinct })).status).toBe(201);
  });

  it.each([
    ['the valid one last', (old: string, valid: string) => [old, valid]],
    ['the valid one first', (old: string, valid: string) => [valid, old]],
  ])('tries each of two webhook-signature lines, %s, as an array, Node or Fetch join them', async (_, order) => {
    const delivery = await signed(aRedemption());
    const old = (
      await signEvent({
        secret: generateSecret(),
        id: delivery.headers['webhook-id'],
        timestamp: NOW,
        body: delivery.body,
      })
    )['webhook-signature'];
    const lines = order(old, delivery.headers['webhook-signature']);
    const headers = new Headers({ ...delivery.headers, 'webhook-signature': '' });
    headers.delete('webhook-signature');
    for (const line of lines) headers.append('webhook-signature', line);
    const statuses = [];
    for (const given of [
      { ...delivery.headers, 'webhook-signature': lines },
      { ...delivery.headers, 'webhook-signature': lines.join(', ') },
      headers,
    ]) {
      const { receive } = await aReceiver();
      statuses.push((await receive.handle({ ...delivery, headers: given })).status);
    }
    expect(statuses).toEqual([201, 201, 201]);
  });
});
