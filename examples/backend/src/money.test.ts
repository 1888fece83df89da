import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatRoi } from './money.js';

describe('formatMoney', () => {
  it("reads minor units by ISO 4217's digits, whatever Intl shows", () => {
    expect(formatMoney(1000, 'USD')).toBe('$10.00');
    // Intl shows HUF with no fraction digits, but its minor units are fillér: 500000 is 5,000 Ft.
    expect(formatMoney(500000, 'HUF')).toBe('HUF\u00a05,000.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1500, 'KWD')).toBe('KWD\u00a01.500');
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.25, '25%'],
    [0.1234, '12.3%'],
    [1.5, '150%'],
    [1 / 2001, '0.05%'],
    [0.9996, '99.96%'],
    [1 - 1 / 1_000_000, '99.9999%'],
  ])('shows %s as %s', (ratio, shown) => {
    expect(formatPercent(ratio)).toBe(shown);
  });

  it('reads 0% only for no orders at all, and 100% only for every one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (of, some) => {
        const count = some % (of + 1);
        const shown = formatPercent(count / of);
        expect(shown === '0%').toBe(count === 0);
        expect(shown === '100%').toBe(count === of);
      }),
    );
  });
});

describe('formatRoi', () => {
  it.each([
    [2.5, '250%'],
    [0.003, '0.3%'],
    [-0.003, '-0.3%'],
    [0.9996, '99.96%'],
    [-1, '-100%'],
    [0, '0%'],
    [null, '—'],
  ])('shows %s as %s', (roi, shown) => {
    expect(formatRoi(roi)).toBe(shown);
  });
});
