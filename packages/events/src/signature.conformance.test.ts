/** The official Standard Webhooks vectors, and interop with the reference `standardwebhooks` package both ways. */
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signEvent, verifySignature } from './signature.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/standard-webhooks-vectors.json', import.meta.url), 'utf8'),
) as {
  secret: string;
  id: string;
  timestamp: number;
  payload: string;
  signature: string;
  toleranceSec: number;
  invalidTimestamps: string[];
  invalidSignatures: string[];
  otherSignatures: string[];
};
const signedAt = new Date(vectors.timestamp * 1000);
const headers = (overrides: Record<string, string | undefined> = {}) => ({
  'webhook-id': vectors.id,
  'webhook-timestamp': String(vectors.timestamp),
  'webhook-signature': vectors.signature,
  ...overrides,
});
const verify = (headerValues: Record<string, string | undefined>, now = signedAt, secrets = vectors.secret) =>
  verifySignature({ secrets, headers: headerValues, body: vectors.payload, now });

describe('Standard Webhooks vectors', () => {
  it('signs the published vector to the published signature', async () => {
    const signed = await signEvent({
      secret: vectors.secret,
      id: vectors.id,
      timestamp: signedAt,
      body: vectors.payload,
    });
    expect(signed['webhook-signature']).toBe(vectors.signature);
  });

  it('verifies the published vector', async () => {
    expect(await verify(headers())).toEqual({ ok: true, value: { id: vectors.id, timestamp: vectors.timestamp } });
  });

  it('verifies the vector with a secret given without its whsec_ prefix', async () => {
    expect((await verify(headers(), signedAt, vectors.secret.slice(6))).ok).toBe(true);
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('refuses the vector without %s', async (name) => {
    expect(await verify(headers({ [name]: undefined }))).toMatchObject({
      ok: false,
      error: { code: 'missing_signature' },
    });
  });

  it.each(vectors.invalidTimestamps)('refuses the timestamp %j', async (timestamp) => {
    expect(await verify(headers({ 'webhook-timestamp': timestamp }))).toMatchObject({ ok: false });
  });

  it.each(vectors.invalidSignatures)('refuses the signature %j', async (signature) => {
    expect(await verify(headers({ 'webhook-signature': signature }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_signature' },
    });
  });

  it('accepts the vector among other and unknown-version signatures', async () => {
    const [other, unknown] = vectors.otherSignatures;
    const signature = [other, unknown, vectors.signature, other].join(' ');
    expect((await verify(headers({ 'webhook-signature': signature }))).ok).toBe(true);
  });

  it.each([-1, 1])('refuses the vector one second past the tolerance (direction %i)', async (direction) => {
    const now = new Date(signedAt.getTime() + direction * (vectors.toleranceSec + 1) * 1000);
    expect(await verify(headers(), now)).toMatchObject({ ok: false, error: { code: 'timestamp_out_of_tolerance' } });
  });

  it.each([-1, 1])('accepts the vector at the edge of the tolerance (direction %i)', async (direction) => {
    const now = new Date(signedAt.getTime() + direction * vectors.toleranceSec * 1000);
    expect((await verify(headers(), now)).ok).toBe(true);
  });
});

describe('interop with the standardwebhooks package', () => {
  const body = '{"v":1,"type":"share"}';

  it('verifies what standardwebhooks signs', async () => {
    const now = new Date();
    const signature = new Webhook(vectors.secret).sign('msg_interop_1', now, body);
    const result = await verifySignature({
      secrets: vectors.secret,
      headers: {
        'webhook-id': 'msg_interop_1',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      now,
    });
    expect(result.ok).toBe(true);
  });

  it('signs what standardwebhooks verifies', async () => {
    const signed = await signEvent({ secret: vectors.secret, id: 'msg_interop_2', timestamp: new Date(), body });
    expect(() => new Webhook(vectors.secret).verify(body, { ...signed })).not.toThrow();
  });

  it('takes a secret written without its base64 padding, as standardwebhooks does, as the same key', async () => {
    // 25 bytes: padded, this secret ends in `==`; the reference libraries' tests give it without.
    const unpadded = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBg';
    const now = new Date();
    const signature = new Webhook(unpadded).sign('msg_interop_4', now, body);
    const signed = await signEvent({ secret: unpadded, id: 'msg_interop_4', timestamp: now, body });
    const padded = await signEvent({ secret: `${unpadded}==`, id: 'msg_interop_4', timestamp: now, body });
    expect([signed['webhook-signature'], padded['webhook-signature']]).toEqual([signature, signature]);
    const result = await verifySignature({ secrets: unpadded.slice(6), headers: signed, body, now });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a length no base64 has', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwB'],
    ['padding that is not whole', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBg='],
  ])('refuses a secret with %s', async (_, secret) => {
    await expect(signEvent({ secret, id: 'msg_interop_5', timestamp: new Date(), body })).rejects.toThrow(
      'not whsec_ followed by base64',
    );
  });

  it('neither signs nor verifies a message id with a full stop, which the spec forbids', async () => {
    const now = new Date();
    await expect(signEvent({ secret: vectors.secret, id: 'msg.1614265330', timestamp: now, body })).rejects.toThrow(
      'none of them a full stop',
    );
    const headersOf = new Webhook(vectors.secret).sign('msg.1', now, body);
    const result = await verifySignature({
      secrets: vectors.secret,
      headers: {
        'webhook-id': 'msg.1',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': headersOf,
      },
      body,
      now,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_signature' } });
  });

  it('signs what standardwebhooks refuses once the body changes by one byte', async () => {
    const signed = await signEvent({ secret: vectors.secret, id: 'msg_interop_3', timestamp: new Date(), body });
    expect(() => new Webhook(vectors.secret).verify(body.replace('share', 'shard'), { ...signed })).toThrow();
  });
});
