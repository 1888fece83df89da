import { describe, expect, it } from 'vitest';
import { readHeader } from './read-header.js';

describe('readHeader', () => {
  it('reads a header from a Fetch Headers object', () => {
    expect(readHeader(new Headers({ 'Webhook-Id': 'msg_1' }), 'webhook-id')).toBe('msg_1');
  });

  it("reads a lower-case key as Node's req.headers has it", () => {
    expect(readHeader({ 'webhook-id': 'msg_1' }, 'webhook-id')).toBe('msg_1');
  });

  it('reads a key spelled in another case', () => {
    expect(readHeader({ 'Webhook-ID': 'msg_1' }, 'webhook-id')).toBe('msg_1');
  });

  it("reads one value given as an array, as Node's req.headersDistinct has it", () => {
    expect(readHeader({ 'webhook-id': ['msg_1'] }, 'webhook-id')).toBe('msg_1');
  });

  it('reads a repeated header as its values joined with a comma, as HTTP and Fetch join them', () => {
    const repeated = { 'Webhook-Signature': ['v1,a', 'v1,b'] };
    expect(readHeader(repeated, 'webhook-signature')).toBe(
      new Headers(Object.entries(repeated).flatMap(([name, values]) => values.map((value) => [name, value]))).get(
        'webhook-signature',
      ),
    );
  });

  it('reads an empty array as absent', () => {
    expect(readHeader({ 'webhook-id': [] }, 'webhook-id')).toBeUndefined();
  });

  it('reads a missing header as absent', () => {
    expect(readHeader({ 'content-type': 'application/json' }, 'webhook-id')).toBeUndefined();
  });
});
