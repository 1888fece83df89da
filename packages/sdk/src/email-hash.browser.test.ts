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
  // The field writes an internationalised domain in ASCII, ß as ss and ς as σ (UTS 46's deviations, as
  // IDNA 2003 had them): its value is not what was typed, and must hash as what was typed does.
  it.each(['jurgen@bücher.de', 'alex@fußball.de', 'alex@müller-straße.de', 'alex@σίσυφος.gr', 'alex@ab\u200dc.com'])(
    'hashes the address its email field gives for %j like the one typed',
    async (typed) => {
      const field = document.createElement('input');
      field.type = 'email';
      document.body.append(field);
      try {
        await userEvent.fill(field, typed);
        expect(field.value).not.toBe(typed);
        await expect(hashEmail(field.value)).resolves.toBe(await hashEmail(typed));
      } finally {
        field.remove();
      }
    },
  );
});
