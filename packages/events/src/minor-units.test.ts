import { describe, expect, it } from 'vitest';
import { CURRENCIES } from './currency.js';
import { minorUnitDigits } from './minor-units.js';

describe('minorUnitDigits', () => {
  it("gives ISO 4217's exponent, not Intl's display digits", () => {
    // ICU shows these with 0 fraction digits; ISO 4217's minor unit is 2, 2, 2, 2 and 3.
    expect(['HUF', 'IDR', 'COP', 'RSD', 'IQD'].map(minorUnitDigits)).toEqual([2, 2, 2, 2, 3]);
    expect(['JPY', 'KRW', 'CLP', 'ISK', 'VND', 'UGX'].map(minorUnitDigits)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'LYD'].map(minorUnitDigits)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(['USD', 'EUR', 'GBP', 'HUF'].map(minorUnitDigits)).toEqual([2, 2, 2, 2]);
  });

  it('reads a code in any case, and only a whole code', () => {
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(['IF ', 'JP', 'JPYX', ''].map(minorUnitDigits)).toEqual([2, 2, 2, 2]);
  });

  it('agrees with the receiver’s currencies: each is 0, 2 or 3', () => {
    for (const currency of CURRENCIES) expect([0, 2, 3]).toContain(minorUnitDigits(currency));
  });
});
