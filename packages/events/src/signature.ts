/**
 * Standard Webhooks (v1) signing and verification, zod-free so that any runtime can load it.
 * node:crypto is used where the runtime has it (about 10× faster than awaited WebCrypto), loaded
 * through `process.getBuiltinModule` so that bundlers for edge runtimes never see an import of it.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */

import { type Hmac, type NodeCrypto, nodeHmac } from './node-hmac.js';
import { rawBytes } from './read-body.js';
import { type HeaderSource, readHeader } from './read-header.js';
import { readV1Signatures } from './v1-signatures.js';

export type { HeaderSource } from './read-header.js';

/** The three headers of a signed delivery. */
export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** What {@link signEvent} signs. */
export interface SignEventInput {
  /** `whsec_` followed by the base64 of at least 24 random bytes. */
  secret: string;
  /** The message id, stable across retries of one delivery (the event id serves well). */
  id: string;
  /** Seconds since the epoch, or a Date; a fresh one for every attempt. */
  timestamp: number | Date;
  /** The exact body that will be sent. */
  body: string;
}

/** What {@link verifySignature} checks. */
export interface VerifySignatureInput {
  /** One secret, or several while rotating: a signature made with any one of them passes. */
  secrets: string | readonly string[];
  headers: HeaderSource;
  /**
   * The raw body, exactly as received, before any `JSON.parse`: text, or bytes as an `ArrayBuffer` or any
   * view of one (a Buffer, a `Uint8Array`, a `DataView`), read as the bytes it views.
   */
  body: string | ArrayBufferView | ArrayBuffer;
  /** How far the timestamp may be from `now`, either way. @default 300 */
  toleranceSec?: number | undefined;
  /** The current time. @default new Date() */
  now?: Date | undefined;
}

/** Why a delivery's signature was refused. */
export type SignatureErrorCode = 'missing_signature' | 'invalid_signature' | 'timestamp_out_of_tolerance';

/** The verdict on a signature: the verified message id and timestamp, or a coded refusal. */
export type VerifyResult =
  | { ok: true; value: { id: string; timestamp: number } }
  | { ok: false; error: { code: SignatureErrorCode; message: string } };

/** The smallest secret accepted, in bytes (192 bits, the spec's lower bound for HMAC keys). */
export const MIN_SECRET_BYTES = 24;

// Printable ASCII but the full stop: the signed content is `id.timestamp.body`, and the spec asks that an
// id carry no `.`, so that no id and timestamp can be split another way into the same content.
const ID_PATTERN = /^[\x21-\x2d\x2f-\x7e]{1,256}$/;
// Digits only: `1614265330abc`, ` 1614265330`, `+1614265330` and `1e9` are all refused.
const TIMESTAMP_PATTERN = /^(?:0|[1-9][0-9]{0,14})$/;
const MAX_SIGNATURE_HEADER = 4096;

const nodeCrypto: NodeCrypto | undefined = (() => {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return runtime?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
})();

const encoder = new TextEncoder();
// Decoding a secret is the slow part of a small HMAC; a receiver uses the same few secrets forever.
const keyCache = new Map<string, Uint8Array>();
const webKeyCache = new Map<string, Promise<CryptoKey>>();
const nodeHmacCache = new Map<string, Hmac>();

/**
 * Signs a body for delivery: the three Standard Webhooks headers.
 * @example
 * const headers = await signEvent({ secret, id: event.id, timestamp: new Date(), body });
 */
export async function signEvent(input: SignEventInput): Promise<SignedHeaders> {
  secretBytes(input.secret);
  const seconds = typeof input.timestamp === 'number' ? input.timestamp : Math.floor(input.timestamp.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw new TypeError('[referkit] Could not sign: the timestamp is not a time in whole seconds.');
  if (!ID_PATTERN.test(input.id))
    throw new TypeError(
      '[referkit] Could not sign: the id must be 1–256 printable ASCII characters, none of them a full stop.',
    );
  const prefix = `${input.id}.${seconds}.`;
  const digest = nodeCrypto
    ? hmacOf(nodeCrypto, input.secret)(prefix, input.body)
    : await webHmac(input.secret, prefix, input.body);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': `v1,${toBase64(digest)}`,
  };
}

/**
 * Verifies a delivery's Standard Webhooks signature over the raw body; never throws for bad input.
 * @example
 * const verdict = await verifySignature({ secrets: [current, previous], headers: request.headers, body });
 * if (!verdict.ok) return Response.json({ error: verdict.error }, { status: 401 });
 */
export async function verifySignature(input: VerifySignatureInput): Promise<VerifyResult> {
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  // Decoded first so that a misconfigured secret fails loudly even on a request without headers.
  for (const secret of secrets) secretBytes(secret);
  const body = rawBytes(input.body);
  if (body === null) {
    return refuse('invalid_signature', 'Expected the raw body as a string or bytes, not a parsed value');
  }
  return checkSignature(secrets, { ...input, body });
}

/**
 * {@link verifySignature} for secrets already decoded once (the receiver does so at creation):
 * synchronous where node:crypto is present, so that a delivery does not wait a turn of the event
 * loop for a verdict that is ready; a promise on WebCrypto.
 * @internal The receiver's way in; applications call `verifySignature`.
 */
export function checkSignature(
  secrets: readonly string[],
  input: Omit<VerifySignatureInput, 'secrets' | 'body'> & { body: string | Uint8Array },
): VerifyResult | Promise<VerifyResult> {
  const id = readHeader(input.headers, 'webhook-id');
  const timestamp = readHeader(input.headers, 'webhook-timestamp');
  const signature = readHeader(input.headers, 'webhook-signature');
  if (!id || !timestamp || !signature) {
    return refuse('missing_signature', 'Expected the webhook-id, webhook-timestamp and webhook-signature headers');
  }
  if (!ID_PATTERN.test(id) || !TIMESTAMP_PATTERN.test(timestamp) || signature.length > MAX_SIGNATURE_HEADER) {
    return refuse(
      'invalid_signature',
      'Expected well-formed webhook-id, webhook-timestamp and webhook-signature headers',
    );
  }
  const seconds = Number(timestamp);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  // Written to fail closed: an invalid clock or tolerance (NaN) refuses rather than waving a replay through.
  if (!(Math.abs(nowSeconds - seconds) <= (input.toleranceSec ?? 300))) {
    return refuse(
      'timestamp_out_of_tolerance',
      'Expected a webhook-timestamp within the tolerance of the current time',
    );
  }
  const candidates = readV1Signatures(signature);
  const prefix = `${id}.${timestamp}.`;
  if (candidates.length > 0 && nodeCrypto) {
    for (const secret of secrets) {
      if (matchesAny(hmacOf(nodeCrypto, secret)(prefix, input.body), candidates)) {
        return { ok: true, value: { id, timestamp: seconds } };
      }
    }
  } else if (candidates.length > 0) {
    return webCheck(secrets, prefix, input.body, candidates, { ok: true, value: { id, timestamp: seconds } });
  }
  return notSigned();
}

async function webCheck(
  secrets: readonly string[],
  prefix: string,
  body: string | Uint8Array,
  candidates: Uint8Array[],
  verified: VerifyResult,
): Promise<VerifyResult> {
  for (const secret of secrets) if (matchesAny(await webHmac(secret, prefix, body), candidates)) return verified;
  return notSigned();
}

function matchesAny(expected: Uint8Array, candidates: Uint8Array[]): boolean {
  for (const candidate of candidates) if (equalBytes(expected, candidate)) return true;
  return false;
}

/** Decodes a `whsec_` secret (the prefix is optional, as in the reference libraries) and checks its length. */
export function secretBytes(secret: string): Uint8Array {
  const cached = keyCache.get(secret);
  if (cached) return cached;
  const encoded = typeof secret === 'string' && secret.startsWith('whsec_') ? secret.slice(6) : secret;
  // Padding is optional, as the reference libraries read it (an unpadded secret is the same key), but a
  // padded one must be whole, and no length leaves a lone character over (4n + 1 is not base64).
  if (
    typeof encoded !== 'string' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ||
    encoded.length % 4 === 1 ||
    (encoded.endsWith('=') && encoded.length % 4 !== 0)
  ) {
    throw new TypeError(
      '[referkit] Could not use the webhook secret: it is not whsec_ followed by base64. Generate one with generateSecret().',
    );
  }
  const bytes = fromBase64(encoded);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new TypeError(
      `[referkit] Could not use the webhook secret: it has ${bytes.length} bytes, fewer than ${MIN_SECRET_BYTES}. Generate one with generateSecret().`,
    );
  }
  if (keyCache.size > 64) keyCache.clear();
  keyCache.set(secret, bytes);
  return bytes;
}

/** A fresh secret of 32 random bytes, `whsec_`-prefixed. */
export function generateSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** The node:crypto HMAC of a secret, made once: the padded keys (or KeyObject) are kept with it. */
function hmacOf(node: NodeCrypto, secret: string): Hmac {
  let hmac = nodeHmacCache.get(secret);
  if (hmac === undefined) {
    hmac = nodeHmac(node, secretBytes(secret));
    if (nodeHmacCache.size > 64) nodeHmacCache.clear();
    nodeHmacCache.set(secret, hmac);
  }
  return hmac;
}

async function webHmac(secret: string, prefix: string, body: string | Uint8Array): Promise<Uint8Array> {
  const key = secretBytes(secret);
  let webKey = webKeyCache.get(secret);
  if (!webKey) {
    webKey = crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (webKeyCache.size > 64) webKeyCache.clear();
    webKeyCache.set(secret, webKey);
  }
  const head = encoder.encode(prefix);
  const tail = typeof body === 'string' ? encoder.encode(body) : body;
  const message = new Uint8Array(head.length + tail.length);
  message.set(head);
  message.set(tail, head.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', await webKey, message));
}

/** Compares in time that depends only on the length, which is public (32 bytes for v1). */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b);
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] as number) ^ (b[index] as number);
  return difference === 0;
}

function refuse(code: SignatureErrorCode, message: string): VerifyResult {
  return { ok: false, error: { code, message } };
}

function notSigned(): VerifyResult {
  return refuse('invalid_signature', 'Expected a v1 signature made with the shared secret over this exact body');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const NodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;

function fromBase64(encoded: string): Uint8Array {
  // Buffer decodes natively; atob and a loop are for runtimes without it.
  if (NodeBuffer) return NodeBuffer.from(encoded, 'base64');
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
