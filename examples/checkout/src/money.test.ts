import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it("reads minor units by ISO 4217's digits, whatever Intl shows", () => {
    expect(formatMoney(720, 'USD')).toBe('$7.20');
    // Intl shows IDR with no fraction digits, but its minor units are sen: 5000000 is Rp 50,000.
    expect(formatMoney(5000000, 'IDR')).toBe('IDR\u00a050,000.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
  });
});
