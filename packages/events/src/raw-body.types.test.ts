/**
 * A raw body may be text or bytes of any kind the runtime reads (`rawBytes`): an `ArrayBuffer`, or any
 * view of one, a `DataView` included, as the README says. `consumerCode` is what a consumer writes with
 * the bytes their framework hands over; the test checks it with `tsc`. It is never run.
 */
import { describe, expect, it } from 'vitest';
import type { Receiver } from './receiver.js';
import { verifySignature } from './signature.js';
import { typeErrorsIn } from './testing/type-errors.js';

declare const receive: Receiver;
declare const headers: Record<string, string>;
declare const secret: string;
declare const bytes: Uint8Array;

export async function consumerCode() {
  const views = [
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    Buffer.from(bytes),
    bytes,
    new Uint16Array(bytes.buffer),
  ];
  for (const body of views) {
    await receive.handle({ headers, body });
    await verifySignature({ secrets: secret, headers, body });
  }
  await receive.handle({ headers, body: bytes.buffer as ArrayBuffer });
  await verifySignature({ secrets: secret, headers, body: bytes.buffer as ArrayBuffer });
}

describe('the raw body types', () => {
  it('take a DataView and every other view of bytes, as the runtime does', () => {
    const { checked, errors, stderr } = typeErrorsIn(import.meta.url);
    expect(checked).toBe(true);
    expect(errors).toEqual([]);
    expect(stderr).toBe('');
  });
});
