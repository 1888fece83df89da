/**
 * A page where an old library extended `Object.prototype` with enumerable functions
 * (`Object.prototype.extend = function () {}`): the widget reads only the properties its texts and
 * terms have, never one inherited from there.
 */
import { describe, expect, it } from 'vitest';
import { plural } from './i18n/catalogue.js';
import de from './i18n/de.js';
import { en } from './i18n/en.js';
import { friendOfferText } from './offer-text.js';

/** Runs `read` with enumerable functions of these names on `Object.prototype`, taken off again after. */
function withPatchedPrototype<T>(names: string[], read: () => T): T {
  const prototype = Object.prototype as Record<string, unknown>;
  for (const name of names) prototype[name] = () => {};
  try {
    return read();
  } finally {
    for (const name of names) delete prototype[name];
  }
}

describe('on a page whose Object.prototype carries enumerable functions', () => {
  it('says a count with the plural forms the text has, its other form for the rest', () => {
    // German's target has only its `other` form: "Mal" is the same for one and many.
    const said = withPatchedPrototype(['zero', 'one', 'two', 'few', 'many'], () =>
      [1, 3].map((n) => plural('de', de.week, n, { done: 1 })),
    );
    expect(said).toEqual(['Diese Woche 1 von 1 Mal geteilt', 'Diese Woche 1 von 3 Mal geteilt']);
  });

  it('says an offer without a cap as uncapped', () => {
    const terms = { currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } } as const;
    expect(withPatchedPrototype(['maxDiscount'], () => friendOfferText(en, 'en', terms))).toBe('15% off');
  });
});
