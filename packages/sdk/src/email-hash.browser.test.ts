import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { hashEmail, normalizeEmail } from './email-hash.js';
import { emailForms } from './testing/email-forms.js';

describe('normalizeEmail in Chromium', () => {
  it.each(emailForms)('normalises %j to %j, as Node does', (written, normalised) => {
    expect(normalizeEmail(written)).toBe(normalised);
  });
});

describe('hashEmail in Chromium', () => {
  it('hashes the address its email field gives like the one typed into it', async () => {
    const field = document.createElement('input');
    field.type = 'email';
    document.body.append(field);
    try {
      await userEvent.fill(field, 'jurgen@bücher.de');
      // The field writes an internationalised domain in ASCII: its value is not what was typed.
      expect(field.value).toBe('jurgen@xn--bcher-kva.de');
      await expect(hashEmail(field.value)).resolves.toBe(await hashEmail('jurgen@bücher.de'));
    } finally {
      field.remove();
    }
  });
});
