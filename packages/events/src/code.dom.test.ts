import { describe, expect, it } from 'vitest';
import { normalizeCode } from './code.js';

describe('normalizeCode in a page', () => {
  it('normalises what a shopper types into a code field', () => {
    document.body.innerHTML = '<label>Referral code <input name="code"></label>';
    const field = document.querySelector('input') as HTMLInputElement;
    field.value = ' alex 7hc2qk ';
    expect(normalizeCode(field.value)).toBe('ALEX-7HC2QK');
  });

  it('reads a code from the page address', () => {
    const url = new URL('https://shop.example/p?ref=alex7hc2qk#reviews');
    expect(normalizeCode(url.searchParams.get('ref'))).toBe('ALEX-7HC2QK');
  });
});
