import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashEmail, normalizeEmail } from './email-hash.js';

describe('normalizeEmail', () => {
  it.each([
    ['  Alex@Example.COM ', 'alex@example.com'],
    ['alex+shop@example.com', 'alex@example.com'],
    ['alex+a+b@example.com', 'alex@example.com'],
    ['a.l.ex@example.com', 'a.l.ex@example.com'],
    ['A.Lex+promo@Gmail.com', 'alex@gmail.com'],
    ['a.lex@googlemail.com', 'alex@gmail.com'],
    ['A.Lex+x@GoogleMail.com', 'alex@gmail.com'],
    ['alex@googlemail.com.evil', 'alex@googlemail.com.evil'],
    ['a.lex@mail.gmail.com.evil', 'a.lex@mail.gmail.com.evil'],
    ['+tag@example.com', '+tag@example.com'],
    ['not-an-email', 'not-an-email'],
    // é as e and a combining acute accent (NFD).
    ['Jose\u0301@Example.com', 'jos\u00e9@example.com'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('hashEmail', () => {
  it('hashes the normalised address with SHA-256 as 64 hex digits', async () => {
    const expected = createHash('sha256').update('alex@gmail.com').digest('hex');
    await expect(hashEmail(' A.Lex+shop@GMAIL.com')).resolves.toBe(expected);
  });

  it('hashes the NFC and NFD spellings of one address alike', async () => {
    await expect(hashEmail('jose\u0301@example.com')).resolves.toBe(await hashEmail('jos\u00e9@example.com'));
  });

  it('leaves the email out where WebCrypto is missing', async () => {
    vi.stubGlobal('crypto', {});
    try {
      await expect(hashEmail('alex@example.com')).resolves.toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
