/**
 * HMAC-SHA256 on node:crypto, made for the receiver's hot path.
 *
 * `createHmac` builds a stream-like object on every call, and for an event of a few hundred bytes
 * that costs more than the hashing itself. `crypto.hash` (Node ≥ 20.12) hashes in one call, and
 * HMAC is two hashes over the key padded to a block (RFC 2104): with the padded keys made once per
 * secret, one HMAC is two one-shot calls, about a third cheaper in all. Where `crypto.hash` or
 * Buffer is missing, `createHmac` does the work. Both are held to each other by a property test.
 */

interface NodeHmacObject {
  update(data: string | Uint8Array): NodeHmacObject;
  digest(): Uint8Array;
}

/** The part of node:crypto the signature module uses. */
export interface NodeCrypto {
  createHmac(algorithm: string, key: unknown): NodeHmacObject;
  createSecretKey(key: Uint8Array): unknown;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  /** One-shot digest, absent before Node 20.12. */
  hash?(algorithm: string, data: Uint8Array, outputEncoding: 'binary'): string;
}

interface NodeBuffer {
  alloc(size: number): Uint8Array;
  allocUnsafe(size: number): Uint8Array & { write(text: string, offset: number, encoding: 'utf8' | 'latin1'): number };
  byteLength(text: string, encoding: 'utf8'): number;
  from(text: string, encoding: 'latin1'): Uint8Array;
}

/** The HMAC of `prefix` then `body` under one secret. */
export type Hmac = (prefix: string, body: string | Uint8Array) => Uint8Array;

const BLOCK = 64;
const DIGEST = 32;
const INNER = 0x36;
const OUTER = 0x5c;

/** An HMAC-SHA256 under `key` on node:crypto: two one-shot hashes where it can, `createHmac` elsewhere. */
export function nodeHmac(node: NodeCrypto, key: Uint8Array): Hmac {
  const hash = node.hash;
  const Buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (typeof hash !== 'function' || !Buffer) {
    // A KeyObject spares node:crypto from importing the raw key again on every HMAC.
    const keyObject = node.createSecretKey(key);
    return (prefix, body) => node.createHmac('sha256', keyObject).update(prefix).update(body).digest();
  }
  // A key longer than a block is hashed first; a shorter one is padded with zeros.
  const block = Buffer.alloc(BLOCK);
  block.set(key.length > BLOCK ? Buffer.from(hash('sha256', key, 'binary'), 'latin1') : key);
  const innerPad = block.map((byte) => byte ^ INNER);
  const outerPad = block.map((byte) => byte ^ OUTER);
  return (prefix, body) => {
    const prefixLength = Buffer.byteLength(prefix, 'utf8');
    const bodyLength = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
    const message = Buffer.allocUnsafe(BLOCK + prefixLength + bodyLength);
    message.set(innerPad);
    message.write(prefix, BLOCK, 'utf8');
    if (typeof body === 'string') message.write(body, BLOCK + prefixLength, 'utf8');
    else message.set(body, BLOCK + prefixLength);
    // A digest as 'binary' (latin1) text is its bytes one per character: written back, they are the same bytes.
    const outer = Buffer.allocUnsafe(BLOCK + DIGEST);
    outer.set(outerPad);
    outer.write(hash('sha256', message, 'binary'), BLOCK, 'latin1');
    return Buffer.from(hash('sha256', outer, 'binary'), 'latin1');
  };
}
