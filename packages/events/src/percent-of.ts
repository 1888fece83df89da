/**
 * A percent of an amount of money, rounded half up to a whole minor unit, computed exactly: the
 * percent is read as the decimal it was written as (2.5, 12.75), not as the nearest binary
 * fraction, and no product passes through a double that could drop a unit near 2^53.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * `amount × percent / 100`, rounded half up. `amount` is whole minor units, 0 up to 2^53;
 * `percent` is above 0 and at most 100.
 * @example percentOf(5999, 15) // 900 (899.85)
 */
export function percentOf(amount: number, percent: number): number {
  if (Number.isInteger(percent)) return wholePercentOf(amount, percent);
  // A fractional percent, as its decimal digits and a power of ten (JavaScript's shortest round-trip
  // spelling of it), in integers: amount × digits / (100 × 10^scale), rounded half up.
  const [, whole, fraction = '', exponent = '0'] = DECIMAL.exec(String(percent)) as RegExpExecArray;
  const scale = fraction.length - Number(exponent);
  const product = BigInt(amount) * BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, -scale));
  const divisor = 100n * 10n ** BigInt(Math.max(0, scale));
  return Number((2n * product + divisor) / (2n * divisor));
}

/**
 * {@link percentOf} for a whole percent (a friend's offer is one), without the decimal path: a
 * browser pricing a discount carries only this.
 */
export function wholePercentOf(amount: number, percent: number): number {
  // A percent the schema would refuse (a brand's lookup answered 12.5) is rounded the plain way, to a
  // whole unit still, rather than giving a fraction of one.
  if (!Number.isInteger(percent)) return Math.floor((amount * percent) / 100 + 0.5);
  // (100q + r) × p / 100 = q·p + r·p / 100, where q·p is at most the amount and r·p at most 9,900:
  // both exact in a double, and only the second part needs rounding.
  const q = Math.floor(amount / 100);
  return q * percent + Math.floor(((amount - q * 100) * percent + 50) / 100);
}
