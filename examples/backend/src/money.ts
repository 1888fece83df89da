/** Money and numbers for people: minor units through `Intl.NumberFormat`, never string-built. */
import { minorUnitDigits } from '@referkit/events';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units of a currency, e.g. `formatMoney(1000, 'USD')` → `$10.00`. The digits of the
 * minor units are ISO 4217's: `Intl`'s are a display preference (0 for HUF, whose minor units are 2).
 */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}:${currency}`;
  const digits = minorUnitDigits(currency);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
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
