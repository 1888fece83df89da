/** The one-shot HMAC is held to node:crypto's createHmac on every kind of key, prefix and body. */
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NodeCrypto, nodeHmac } from './node-hmac.js';

const reference = (key: Uint8Array, prefix: string, body: string | Uint8Array) =>
  crypto.createHmac('sha256', key).update(prefix).update(body).digest();

describe('nodeHmac', () => {
  it('uses the one-shot hash where node:crypto has one', () => {
    expect(typeof crypto.hash).toBe('function');
    let created = 0;
    const counting: NodeCrypto = {
      ...crypto,
      createHmac: (algorithm: string, key: unknown) => {
        created++;
        return crypto.createHmac(algorithm, key as crypto.KeyObject);
      },
    };
    nodeHmac(counting, new Uint8Array(32))('id.1.', '{}');
    expect(created).toBe(0);
  });

  it('equals createHmac for keys shorter and longer than a block, text with any code points, and bytes', () => {
    const oneShot = crypto as NodeCrypto;
    const withoutHash: NodeCrypto = { ...crypto, hash: undefined };
    fc.assert(
      fc.property(
        // fast-check keeps lengths small unless told: keys past a block (64 bytes) are drawn apart.
        fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uint8Array({ minLength: 65, maxLength: 200 })),
        fc.string({ maxLength: 40 }),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600, size: 'max' }),
          fc.uint8Array({ maxLength: 600, size: 'max' }),
        ),
        (key, prefix, body) => {
          const expected = Buffer.from(reference(key, prefix, body)).toString('hex');
          expect(Buffer.from(nodeHmac(oneShot, key)(prefix, body)).toString('hex')).toBe(expected);
          expect(Buffer.from(nodeHmac(withoutHash, key)(prefix, body)).toString('hex')).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers the same for one key called many times (no state kept between calls)', () => {
    const hmac = nodeHmac(crypto as NodeCrypto, new Uint8Array(24).fill(7));
    const first = Buffer.from(hmac('a.1.', 'body')).toString('hex');
    hmac('b.2.', 'x'.repeat(5000));
    expect(Buffer.from(hmac('a.1.', 'body')).toString('hex')).toBe(first);
  });
});
