/** Money and numbers for people: minor units through `Intl.NumberFormat`, never string-built. */

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units of a currency, e.g. `formatMoney(1000, 'USD')` → `$10.00`. */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}:${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** Formats a ratio (0.25) as a percent (25%). */
export function formatPercent(ratio: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Formats a return on investment ((revenue − cost) / cost) as a percent; an undefined one as a dash. */
export function formatRoi(roi: number | null | undefined, locale = 'en-US'): string {
  if (roi === null || roi === undefined || !Number.isFinite(roi)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(roi);
}
