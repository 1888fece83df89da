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

/**
 * Formats a ratio (0.25) as a percent (25%), to a tenth of a percent, or to more digits where a tenth
 * would round a rate that is not 0 to 0% (1 first order from 2,001 landings: 0.05%) or one below
 * 100% to 100% (99.96%): a cell that says none, or all, must mean it.
 */
export function formatPercent(ratio: number, locale = 'en-US'): string {
  return percent(ratio, 1, locale);
}

/**
 * Formats a return on investment ((revenue − cost) / cost) as a whole percent, with more digits where
 * a whole percent would read 0% (an ROI of 0.3%) or ±100%; an undefined one as a dash.
 */
export function formatRoi(roi: number | null | undefined, locale = 'en-US'): string {
  if (roi === null || roi === undefined || !Number.isFinite(roi)) return '—';
  return percent(roi, 0, locale);
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** The most fraction digits a percent is given: enough for one in 10^20, far past any count of orders. */
const MAX_DIGITS = 20;

/** A ratio as a percent with `digits` fraction digits, or the fewest more that keep it off 0% and ±100% when it is neither. */
function percent(ratio: number, digits: number, locale: string): string {
  let shown = digits;
  while (shown < MAX_DIGITS && misleads(ratio, shown)) shown++;
  const key = `${locale}:${shown}`;
  let format = percentFormatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: shown });
    percentFormatters.set(key, format);
  }
  return format.format(ratio);
}

/** Whether a ratio rounded to `digits` fraction digits of a percent reads 0% or ±100% when it is not. */
function misleads(ratio: number, digits: number): boolean {
  const rounded = Number((Math.abs(ratio) * 100).toFixed(digits));
  return (rounded === 0 && ratio !== 0) || (rounded === 100 && Math.abs(ratio) !== 1);
}

const countFormatters = new Map<string, Intl.NumberFormat>();

/** Formats a count of things (landings, orders, points) with the locale's separators: `6947` → `6,947`. */
export function formatCount(count: number, locale = 'en-US'): string {
  let format = countFormatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    countFormatters.set(locale, format);
  }
  return format.format(count);
}
