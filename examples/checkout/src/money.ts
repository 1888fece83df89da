/** Money for people: minor units through `Intl.NumberFormat`. */

/** Formats minor units of a currency, e.g. `formatMoney(720, 'USD')` → `$7.20`. */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(minorUnits / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
