import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it("reads minor units by ISO 4217's digits, whatever Intl shows", () => {
    expect(formatMoney(1000, 'USD')).toBe('$10.00');
    // Intl shows HUF with no fraction digits, but its minor units are fillér: 500000 is 5,000 Ft.
    expect(formatMoney(500000, 'HUF')).toBe('HUF\u00a05,000.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1500, 'KWD')).toBe('KWD\u00a01.500');
  });
});
