import { describe, expect, test } from 'vitest';
import { readIdempotencyKey } from './idempotency-key.js';

describe('readIdempotencyKey', () => {
  test('reads no header as no key', () => {
    expect(readIdempotencyKey(undefined)).toEqual({ ok: true, value: null });
  });

  test('reads a UUID, bare or as a quoted Structured Field string', () => {
    const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';
    expect(readIdempotencyKey(uuid)).toEqual({ ok: true, value: uuid });
    expect(readIdempotencyKey(`"${uuid}"`)).toEqual({ ok: true, value: uuid });
  });

  test('refuses a key too short to be unguessable, too long, or with other characters', () => {
    for (const header of [
      '',
      'abc',
      'x'.repeat(65),
      '"unbalanced-quotes-here',
      'key with spaces 0123',
      'ключ-0123456789abcdef',
    ]) {
      const read = readIdempotencyKey(header);
      expect([header, read.ok ? 'read' : read.error.code]).toEqual([header, 'invalid_idempotency_key']);
    }
  });
});
