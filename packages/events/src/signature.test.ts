import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generateSecret, signEvent, verifySignature } from './signature.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const now = new Date('2026-11-22T10:00:00.000Z');
const body = '{"v":1,"id":"evt_V1StGXR8Z5jdHi6BmyT","type":"share"}';
const signed = () => signEvent({ secret, id: 'evt_V1StGXR8Z5jdHi6BmyT', timestamp: now, body });

describe('verifySignature', () => {
  it('accepts a signature made with any one of several rotated secrets', async () => {
    const headers = await signed();
    expect((await verifySignature({ secrets: [generateSecret(), secret], headers, body, now })).ok).toBe(true);
  });

  it('refuses a signature made with a rotated-out secret', async () => {
    const headers = await signed();
    const result = await verifySignature({ secrets: [generateSecret()], headers, body, now });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_signature' } });
  });

  it('refuses a body changed by one byte', async () => {
    const headers = await signed();
    const result = await verifySignature({ secrets: secret, headers, body: body.replace('share', 'sharf'), now });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_signature' } });
  });

  it('refuses a replay outside the tolerance', async () => {
    const headers = await signed();
    const later = new Date(now.getTime() + 301_000);
    expect(await verifySignature({ secrets: secret, headers, body, now: later })).toMatchObject({
      ok: false,
      error: { code: 'timestamp_out_of_tolerance' },
    });
  });

  it('fails closed on an invalid clock or tolerance', async () => {
    const headers = await signed();
    const invalidClock = await verifySignature({ secrets: secret, headers, body, now: new Date(Number.NaN) });
    const invalidTolerance = await verifySignature({ secrets: secret, headers, body, now, toleranceSec: Number.NaN });
    expect([invalidClock, invalidTolerance]).toMatchObject([
      { ok: false, error: { code: 'timestamp_out_of_tolerance' } },
      { ok: false, error: { code: 'timestamp_out_of_tolerance' } },
    ]);
  });

  it('honours a custom tolerance', async () => {
    const headers = await signed();
    const later = new Date(now.getTime() + 20_000);
    expect((await verifySignature({ secrets: secret, headers, body, now: later, toleranceSec: 10 })).ok).toBe(false);
  });

  it.each(['1614265330abc', ' 1614265330', '1614265330 ', '+1614265330', '1.6e9', '0x60', '01614265330', ''])(
    'refuses the timestamp header %j',
    async (timestamp) => {
      const headers = { ...(await signed()), 'webhook-timestamp': timestamp };
      expect((await verifySignature({ secrets: secret, headers, body, now })).ok).toBe(false);
    },
  );

  it('reads headers from a Fetch Headers object', async () => {
    const headers = new Headers(Object.entries(await signed()));
    expect((await verifySignature({ secrets: secret, headers, body, now })).ok).toBe(true);
  });

  it('reads headers whatever their case in a plain object', async () => {
    const upper = Object.fromEntries(
      Object.entries(await signed()).map(([name, value]) => [name.toUpperCase(), value]),
    );
    expect((await verifySignature({ secrets: secret, headers: upper, body, now })).ok).toBe(true);
  });

  it('verifies a body given as bytes', async () => {
    const headers = await signed();
    const bytes = new TextEncoder().encode(body);
    expect((await verifySignature({ secrets: secret, headers, body: bytes, now })).ok).toBe(true);
  });

  it('verifies a body given as an ArrayBuffer', async () => {
    const headers = await signed();
    const { buffer } = new TextEncoder().encode(body);
    expect((await verifySignature({ secrets: secret, headers, body: buffer, now })).ok).toBe(true);
  });

  it('verifies a body given as a DataView over part of a larger buffer', async () => {
    const headers = await signed();
    const encoded = new TextEncoder().encode(body);
    const padded = new Uint8Array(encoded.length + 6);
    padded.set(encoded, 3);
    const view = new DataView(padded.buffer, 3, encoded.length);
    expect((await verifySignature({ secrets: secret, headers, body: view, now })).ok).toBe(true);
  });

  it('verifies a body given as bytes or an ArrayBuffer made in another realm', async () => {
    const headers = await signed();
    const [bytes, buffer] = runInNewContext('[new Uint8Array(encoded), new Uint8Array(encoded).buffer]', {
      encoded: [...new TextEncoder().encode(body)],
    });
    for (const foreign of [bytes, buffer]) {
      expect((await verifySignature({ secrets: secret, headers, body: foreign, now })).ok).toBe(true);
    }
  });

  it('answers a delivery without headers or a raw body instead of throwing', async () => {
    const headers = await signed();
    const verify = (input: Record<string, unknown>) =>
      verifySignature({ secrets: secret, headers, body, now, ...input } as Parameters<typeof verifySignature>[0]);
    await expect(verify({ headers: null })).resolves.toMatchObject({ error: { code: 'missing_signature' } });
    await expect(verify({ headers: undefined })).resolves.toMatchObject({ error: { code: 'missing_signature' } });
    // No body is an empty one: the signature over the real body does not cover it.
    await expect(verify({ body: null })).resolves.toMatchObject({ error: { code: 'invalid_signature' } });
    await expect(verify({ body: undefined })).resolves.toMatchObject({ error: { code: 'invalid_signature' } });
    for (const parsed of [42, { v: 1 }, [body]]) {
      await expect(verify({ body: parsed })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid_signature', message: expect.stringContaining('raw body') },
      });
    }
  });

  it('verifies headers given as one-value arrays', async () => {
    const headers = await signed();
    const distinct = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
    expect((await verifySignature({ secrets: secret, headers: distinct, body, now })).ok).toBe(true);
  });

  it('verifies a signature header repeated as an array when one line holds a valid signature', async () => {
    const headers = await signed();
    const forged = `v1,${btoa('x'.repeat(32))}`;
    const doubled = { ...headers, 'webhook-signature': [headers['webhook-signature'], forged] };
    expect((await verifySignature({ secrets: secret, headers: doubled, body, now })).ok).toBe(true);
  });

  it('refuses a repeated webhook-id, which joins into no valid id', async () => {
    const headers = await signed();
    const doubled = { ...headers, 'webhook-id': [headers['webhook-id'], headers['webhook-id']] };
    expect(await verifySignature({ secrets: secret, headers: doubled, body, now })).toMatchObject({
      ok: false,
      error: { code: 'invalid_signature' },
    });
  });

  it('never throws and never accepts arbitrary headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), fc.string(), async (id, timestamp, signature, text) => {
        const result = await verifySignature({
          secrets: secret,
          headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
          body: text,
          now,
        });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('secrets', () => {
  it('refuses a secret shorter than 24 bytes', async () => {
    await expect(verifySignature({ secrets: `whsec_${btoa('x'.repeat(23))}`, headers: {}, body, now })).rejects.toThrow(
      /24/,
    );
  });

  it('refuses a secret that is not base64', async () => {
    await expect(signEvent({ secret: 'whsec_not base64!', id: 'msg_1', timestamp: 0, body })).rejects.toThrow(/base64/);
  });

  it('generates secrets of 32 bytes that sign and verify', async () => {
    const fresh = generateSecret();
    expect(atob(fresh.slice(6))).toHaveLength(32);
    const headers = await signEvent({ secret: fresh, id: 'msg_1', timestamp: now, body });
    expect((await verifySignature({ secrets: fresh, headers, body, now })).ok).toBe(true);
  });
});

describe('WebCrypto fallback', () => {
  it('signs the same bytes as node:crypto when node:crypto is absent', async () => {
    const withNode = await signed();
    const original = process.getBuiltinModule;
    // The module reads getBuiltinModule once at load; a fresh copy sees it missing.
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      vi.resetModules();
      const fresh = await import('./signature.js');
      const withWeb = await fresh.signEvent({ secret, id: 'evt_V1StGXR8Z5jdHi6BmyT', timestamp: now, body });
      expect(withWeb).toEqual(withNode);
      expect((await fresh.verifySignature({ secrets: secret, headers: withWeb, body, now })).ok).toBe(true);
    } finally {
      process.getBuiltinModule = original;
    }
  });
});
