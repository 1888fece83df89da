import { describe, expect, it } from 'vitest';
import type { Catalogue } from './i18n/catalogue.js';
import de from './i18n/de.js';
import { en } from './i18n/en.js';
import es from './i18n/es.js';
import { friendOfferText, money, offerHeadline, percent, rewardText } from './offer-text.js';

const german: Catalogue = { ...en, ...de };

describe('money', () => {
  it('drops the cents of a whole amount', () => {
    expect(money('en-US', 'USD', 1000)).toBe('$10');
  });

  it('keeps the cents of a fractional amount', () => {
    expect(money('en-US', 'USD', 950)).toBe('$9.50');
  });

  it('reads zero-decimal currencies as whole units', () => {
    expect(money('en-US', 'JPY', 500)).toBe('¥500');
  });

  it('follows the locale’s conventions', () => {
    expect(money('de-DE', 'EUR', 1050)).toBe('10,50\u00a0€');
  });

  it("reads minor units by ISO 4217's digits, not Intl's display digits", () => {
    // ICU shows HUF, IDR and RSD with no fraction digits and IQD with none: ISO's minor units are
    // 2, 2, 2 and 3, so 500000 HUF is 5,000 Ft, not 500,000.
    expect(money('en', 'HUF', 500000)).toBe('HUF\u00a05,000');
    expect(money('en', 'IDR', 5000000)).toBe('IDR\u00a050,000');
    expect(money('en', 'RSD', 150000)).toBe('RSD\u00a01,500');
    expect(money('en', 'IQD', 1500)).toBe('IQD\u00a01.500');
    expect(money('en', 'KWD', 1500)).toBe('KWD\u00a01.500');
    // A fraction ICU would not show is shown, not rounded into a bigger promise.
    expect(money('en', 'HUF', 500050)).toBe('HUF\u00a05,000.50');
  });
});

describe('percent', () => {
  it('formats 0–100 as a percent for the locale', () => {
    expect([percent('en', 15), percent('de', 15)]).toEqual(['15%', '15\u00a0%']);
  });
});

describe('friendOfferText', () => {
  const terms = { currency: 'USD', friendOffer: { kind: 'percent', percent: 15 } } as const;

  it('says a percent offer applies to the first order by default', () => {
    expect(friendOfferText(en, 'en', terms, true)).toBe('15% off your first order');
  });

  it('leaves out the first order when every order qualifies', () => {
    expect(friendOfferText(en, 'en', { ...terms, firstOrderOnly: false }, true)).toBe('15% off');
  });

  it('describes a fixed amount in the program’s currency', () => {
    expect(friendOfferText(en, 'en', { currency: 'EUR', friendOffer: { kind: 'fixed', amount: 1000 } })).toBe(
      '€10 off',
    );
  });

  it('describes free shipping with its minimum order', () => {
    const shipping = { currency: 'USD', friendOffer: { kind: 'free_shipping' }, minimumOrder: 5000 } as const;
    expect(friendOfferText(en, 'en', shipping)).toBe('free shipping ($50 minimum)');
  });

  it('adds the minimum order in Spanish as its own phrase after the first order', () => {
    const minimum = { ...terms, currency: 'EUR', minimumOrder: 5000 };
    expect(friendOfferText(es, 'es', minimum, true)).toBe(
      '15\u00a0% de descuento en tu primer pedido (pedido mínimo: 50\u00a0€)',
    );
  });
});

describe('rewardText', () => {
  it('describes credit as money', () => {
    expect(rewardText(en, 'en', 'USD', { basis: 'fixed', type: 'credit', amount: 1000 })).toBe('$10 credit');
  });

  it('counts points with the plural rules of the locale', () => {
    expect(rewardText(en, 'en', 'USD', { basis: 'fixed', type: 'points', amount: 1 })).toBe('1 point');
    expect(rewardText(en, 'en', 'USD', { basis: 'fixed', type: 'points', amount: 1500 })).toBe('1,500 points');
  });

  it('describes a percent reward as a share of each order', () => {
    expect(rewardText(en, 'en', 'USD', { basis: 'percent', type: 'cash', percent: 5 })).toBe('5% of each order');
  });
});

describe('offerHeadline', () => {
  const terms = {
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  } as const;

  it('states both sides in plain words', () => {
    expect(offerHeadline(en, 'en', terms)).toBe('Give 15% off, get $10 credit');
  });

  it('states both sides in German with German number formats', () => {
    expect(offerHeadline(german, 'de', { ...terms, currency: 'EUR' })).toBe(
      'Schenke 15\u00a0% Rabatt, erhalte 10\u00a0€ Guthaben',
    );
  });

  it('states only the friend’s side when the reward is not given', () => {
    expect(offerHeadline(en, 'en', { currency: 'USD', friendOffer: terms.friendOffer })).toBe('Give 15% off');
  });
});

describe('a capped offer', () => {
  it('says the cap of a percent offer, before its minimum', () => {
    const capped = {
      currency: 'USD',
      friendOffer: { kind: 'percent', percent: 50, maxDiscount: 2000 },
      minimumOrder: 3000,
    } as const;
    expect(friendOfferText(en, 'en', capped, true)).toBe('50% off your first order (up to $20) ($30 minimum)');
    expect(friendOfferText(german, 'de', { ...capped, currency: 'EUR' })).toBe(
      '50\u00a0% Rabatt (bis zu 20\u00a0€) ab 30\u00a0€ Bestellwert',
    );
  });

  it('says the cap of free shipping', () => {
    const shipping = { currency: 'USD', friendOffer: { kind: 'free_shipping', maxDiscount: 1000 } } as const;
    expect(friendOfferText(en, 'en', shipping)).toBe('free shipping (up to $10)');
  });
});

describe('terms that cannot be put in words honestly', () => {
  const usd = { currency: 'USD' } as const;

  it.each([
    ['an amount that is not in minor units', () => money('en', 'USD', 10.5), '10.5 is not in minor units'],
    ['a percent of nothing', () => percent('en', 0), '0 is not an amount or a percent'],
    [
      'a fixed offer of nothing',
      () => friendOfferText(en, 'en', { ...usd, friendOffer: { kind: 'fixed', amount: 0 } }),
      '0 is not an amount or a percent',
    ],
    [
      'an offer of a kind the program does not have, rather than reading it as a fixed amount',
      () => friendOfferText(en, 'en', { ...usd, friendOffer: { kind: 'percentage', amount: 15 } as never }),
      'percentage is not a kind of friend offer',
    ],
    [
      'a percent off that is not whole, as the program schema does',
      () => friendOfferText(en, 'en', { ...usd, friendOffer: { kind: 'percent', percent: 10.5 } }),
      '10.5 is not a whole percent',
    ],
    [
      'a reward type the program cannot pay',
      () => rewardText(en, 'en', 'USD', { basis: 'fixed', type: 'bitcoin' as 'cash', amount: 100 }),
      'bitcoin is not a reward type',
    ],
    [
      'a reward of no points',
      () => rewardText(en, 'en', 'USD', { basis: 'fixed', type: 'points', amount: 0 }),
      '0 is not an amount or a percent',
    ],
  ])('refuses %s', (_case, words, message) => {
    expect(words).toThrow(message);
  });

  it('reads a currency in lower case as Intl does, rather than refusing a program the receiver takes', () => {
    expect(money('en', 'usd', 1000)).toBe('$10');
  });

  it('refuses a percent capped at nothing, an offer of nothing as the program schema has it', () => {
    const friendOffer = { kind: 'percent', percent: 50, maxDiscount: 0 } as const;
    expect(() => friendOfferText(en, 'en', { currency: 'USD', friendOffer })).toThrow(
      '0 is not an amount or a percent',
    );
  });

  it('says free shipping capped at nothing as free shipping, which the shop still waives', () => {
    const friendOffer = { kind: 'free_shipping', maxDiscount: 0 } as const;
    expect(friendOfferText(en, 'en', { currency: 'USD', friendOffer })).toBe('free shipping');
  });

  it('still says a reward earned so far may be nothing', () => {
    expect(money('en', 'USD', 0)).toBe('$0');
  });
});

describe('the limits of what is put in words', () => {
  it.each([
    ['en', 2.555, '2.555% of each order'],
    ['en', 0.001, '0.001% of each order'],
    ['de', 2.5, '2,5\u00a0% jeder Bestellung'],
    ['en', 12.5, '12.5% of each order'],
  ])('words a reward percent in %s with every digit the program pays: %d', (locale, value, words) => {
    const catalogue = locale === 'de' ? german : en;
    expect(rewardText(catalogue, locale, 'USD', { basis: 'percent', type: 'cash', percent: value })).toBe(words);
  });

  it('words a percent at its limit, 100%, and refuses one past it', () => {
    expect(percent('en', 100)).toBe('100%');
    expect(() => percent('en', 101)).toThrow(RangeError);
  });

  it('refuses a reward percent that is not a number, and a reward type it has no words for', () => {
    const percentOf = (value: unknown) => ({ basis: 'percent', type: 'cash', percent: value }) as never;
    expect(() => rewardText(en, 'en', 'USD', percentOf('5'))).toThrow(RangeError);
    expect(() => rewardText(en, 'en', 'USD', percentOf(null))).toThrow(RangeError);
    const gift = { basis: 'fixed', type: 'gift', amount: 1000 } as never;
    expect(() => rewardText(en, 'en', 'USD', gift)).toThrow('gift is not a reward type');
  });
});
