import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashEmail, normalizeEmail } from './email-hash.js';
import { emailForms } from './testing/email-forms.js';

describe('normalizeEmail', () => {
  it.each(emailForms)('normalises %j to %j', (input, expected) => {
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

  it('hashes the Unicode and ASCII forms of an internationalised domain alike', async () => {
    await expect(hashEmail('jurgen@bücher.de')).resolves.toBe(await hashEmail('jurgen@xn--bcher-kva.de'));
  });

  it('hashes a quoted local part as the same address unquoted', async () => {
    await expect(hashEmail('"sam+2"@example.com')).resolves.toBe(await hashEmail('sam@example.com'));
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
