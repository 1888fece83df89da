/** What signing and verifying refuse: timestamps and ids the spec does not allow, secrets that are not whsec_ base64, oversized signature headers. */

import { describe, expect, it } from 'vitest';
import { signEvent } from './signature.js';
import { aRedemption } from './testing/fixtures.js';
import { aReceiver, errorCode, signed } from './testing/receiver-harness.js';

describe('signing', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  it('refuses a negative or fractional timestamp and an id with spaces, accepts 0', async () => {
    await expect(signEvent({ secret, id: 'a', timestamp: -1, body: '' })).rejects.toThrow(TypeError);
    await expect(signEvent({ secret, id: 'a', timestamp: 1.5, body: '' })).rejects.toThrow(TypeError);
    await expect(signEvent({ secret, id: 'a b', timestamp: 1, body: '' })).rejects.toThrow(TypeError);
    await expect(signEvent({ secret, id: 'a', timestamp: 0, body: '' })).resolves.toBeDefined();
  });
  it('refuses secrets that are not whsec_ + padded base64', async () => {
    for (const bad of [
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS',
      'whsec_MfKQ9r8GKYqrTwjUPD8I!PZIo2LaLaSw',
      'x whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    ])
      await expect(signEvent({ secret: bad, id: 'a', timestamp: 1, body: '' }), bad).rejects.toThrow(TypeError);
  });
  it('refuses a signed delivery whose id or timestamp header is malformed, or whose signature header is too long', async () => {
    const { receive } = await aReceiver();
    const ok = await signed(aRedemption());
    const bad = (h: Record<string, string>) => receive.handle({ ...ok, headers: { ...ok.headers, ...h } });
    expect(errorCode(await bad({ 'webhook-timestamp': `+${ok.headers['webhook-timestamp']}` }))).toBe(
      'invalid_signature',
    );
    expect(errorCode(await bad({ 'webhook-id': 'a b' }))).toBe('invalid_signature');
    expect(
      errorCode(await bad({ 'webhook-signature': `${ok.headers['webhook-signature']} ${'v1,x'.repeat(1100)}` })),
    ).toBe('invalid_signature');
  });
});
