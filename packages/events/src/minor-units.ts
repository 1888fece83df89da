/**
 * How many digits a currency's minor units have: ISO 4217's exponent (2 for USD: 1000 is $10.00).
 * Every amount in Referkit is an integer of minor units, so showing one needs this number, and `Intl`
 * does not give it: its fraction digits are CLDR's display preference, which differs from ISO for
 * currencies whose cents are not used in daily life (ICU shows HUF, IDR, COP and RSD with 0 digits and
 * IQD with 0, where ISO has 2, 2, 2, 2 and 3) and differs between engines' ICU versions. Reading it
 * from `Intl` showed 5,000 Ft (500000 minor units) as 500,000 Ft.
 */

// The currencies of `CURRENCIES` whose ISO 4217 exponent is not 2. (The list's fund codes CLF, UYI and
// UYW, which no order is priced in and the receiver does not take, are left out: bytes in every widget.)
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ');
const THREE = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');

/** ISO 4217's minor-unit digits of `currency` (`JPY` 0, `USD` 2, `KWD` 3); 2 for any other code. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  return ZERO.includes(code) ? 0 : THREE.includes(code) ? 3 : 2;
}
