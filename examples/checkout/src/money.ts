/** Money for people: minor units through `Intl.NumberFormat`. */
import { minorUnitDigits } from '@referkit/events/minor-units';

/**
 * Formats minor units of a currency, e.g. `formatMoney(720, 'USD')` → `$7.20`. The digits of the
 * minor units are ISO 4217's: `Intl`'s are a display preference (0 for HUF, whose minor units are 2).
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(minorUnits / 10 ** digits);
}
