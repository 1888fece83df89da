import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { customerIdentity, emailSchema } from './customer-identity.js';

const controlCharacter = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }),
  fc.constant(0x7f),
  fc.integer({ min: 0x80, max: 0x9f }),
);

const address = 'sam@example.com';

describe('emailSchema', () => {
  test('takes an address, trimmed', () => {
    expect(emailSchema.parse(' sam+tea@example.com ')).toBe('sam+tea@example.com');
  });

  test('takes an internationalised domain, which the email field sends in its ASCII form', () => {
    expect(emailSchema.parse('jurgen@bücher.de')).toBe('jurgen@bücher.de');
    // Its dot too may be written full-width.
    expect(emailSchema.parse('jurgen@bücher\uff0ede')).toBe('jurgen@bücher\uff0ede');
  });

  test('is one customer for a domain however the shopper wrote it, as the SDK hashes it and the email field sends it', async () => {
    // Chromium's email field sends `fußball.de` as `fussball.de` (UTS 46's deviation, as the SDK maps it).
    const typed = await customerIdentity(emailSchema.parse('alex@fußball.de'));
    expect(typed).toEqual(await customerIdentity(emailSchema.parse('alex@fussball.de')));
  });

  test.each(['"sam"@example.com', 'sam(2)@gmail.com', 'Sam <sam@gmail.com>', 'sam@localhost', 'a@b'])(
    'refuses %j, which an email field refuses too',
    (email) => {
      expect(emailSchema.safeParse(email).success).toBe(false);
    },
  );

  test('refuses a NUL byte, with a message that names it', () => {
    const parsed = emailSchema.safeParse('sam\u0000@example.com');
    expect(parsed.success ? 'taken' : parsed.error.issues.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'invalid_format', message: 'Expected an email address without control characters' },
    ]);
  });

  test('refuses a control character anywhere inside an address (tabs and newlines at its ends are trimmed)', () => {
    fc.assert(
      fc.property(controlCharacter, fc.integer({ min: 1, max: address.length - 1 }), (char, at) => {
        expect(
          emailSchema.safeParse(address.slice(0, at) + String.fromCharCode(char) + address.slice(at)).success,
        ).toBe(false);
      }),
    );
  });
});
