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

  it('reads a repeated header as absent', () => {
    expect(readHeader({ 'webhook-id': ['msg_1', 'msg_2'] }, 'webhook-id')).toBeUndefined();
  });

  it('reads a missing header as absent', () => {
    expect(readHeader({ 'content-type': 'application/json' }, 'webhook-id')).toBeUndefined();
  });
});
