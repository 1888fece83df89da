/**
 * Both sides of a program's offer in plain words ("Give 15% off, get $10 credit"), with money
 * and percents formatted by `Intl` for the locale and the program's currency.
 */
import type { AmbassadorReward, FriendOffer } from '@referkit/events';
import { minorUnitDigits } from '@referkit/events/minor-units';
import { type Catalogue, fill, plural } from './i18n/catalogue.js';

/** The public terms a widget describes: what the friend gets and what the ambassador earns. */
export interface OfferTerms {
  /** ISO 4217 code of every amount. */
  currency: string;
  friendOffer: FriendOffer;
  /** @default true */
  firstOrderOnly?: boolean;
  /** In minor units. */
  minimumOrder?: number;
  ambassadorReward?: AmbassadorReward;
}

/** True when the terms say enough to describe the friend's offer: the offer and its currency. */
export function hasOffer(terms: Partial<OfferTerms> | undefined): terms is OfferTerms {
  return !!terms?.friendOffer && !!terms.currency;
}

/**
 * An amount the widget can put in words: a finite number from `least` (0 unless said) up to `most`
 * (100 for a percent). Terms or stats that say otherwise ("abc", -5, 1500 percent, an offer of an
 * unknown kind without an amount) throw here, so the element logs one line and shows nothing rather
 * than "NaN% off" or "1,500% off".
 */
export function checked(value: number, most = Number.MAX_VALUE, least = 0): number {
  if (typeof value !== 'number' || !(value >= least && value <= most))
    throw new RangeError(`${JSON.stringify(value) ?? 'nothing'} is not an amount or a percent`);
  return value;
}

/** A count of minor units or points: a whole number from `least` on, as the program's schema has it. */
function whole(value: number, least = 0): number {
  if (!Number.isInteger(checked(value, undefined, least))) throw new RangeError(`${value} is not in minor units`);
  return value;
}

/**
 * Formats an amount in minor units as money, dropping `.00` from whole amounts ("$10", "$9.50").
 * The minor units' digits are ISO 4217's (`minorUnitDigits`), not `Intl`'s display digits, which are 0
 * for HUF or IDR: 500000 HUF is 5,000 Ft, and a fraction is shown rather than rounded away.
 * `Intl` refuses a currency that is not three letters ("DOLLARS"). A well-formed one it does not know
 * ("XYZ") is shown as its code: the engine's own list of currencies lags ISO 4217 (Node 20 lacks VED),
 * and refusing a currency the receiver takes would leave the widget empty.
 */
export function money(locale: string, currency: string, minor: number, least = 0): string {
  const digits = minorUnitDigits(currency);
  const major = whole(minor, least) / 10 ** digits;
  return Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(major) ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
}

/**
 * Formats a percent given as more than 0 and at most 100 ("15 %" in German, "15%" in English), with
 * every digit the program gave: a reward of 2.555% or 0.001% (which the program's schema takes) is said
 * as it is paid, not rounded to "2.56%" or "0%". Percent as a unit, not `style: 'percent'`, which
 * needs the value divided by 100 and then shows the division's float error (2.5550000000000003%).
 */
export function percent(locale: string, value: number): string {
  return Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', maximumFractionDigits: 20 }).format(
    checked(value, 100, Number.MIN_VALUE),
  );
}

/**
 * A percent off, which the program's schema (`friendOfferSchema`) takes whole: 10.5% is not an offer
 * checkout gives. Apart from `whole`, which the progress chunk carries a copy of.
 */
function percentOff(locale: string, value: number): string {
  const words = percent(locale, value);
  if (!Number.isInteger(value)) throw new RangeError(`${value} is not a whole percent`);
  return words;
}

/** What the friend gets; `first` adds "your first order" when the program is first-order-only. */
export function friendOfferText(text: Catalogue, locale: string, terms: OfferTerms, first = false): string {
  const offer = terms.friendOffer;
  const firstOnly = first && terms.firstOrderOnly !== false;
  const kind = offer.kind as string;
  // Any other kind ("percentage") would be read as a fixed amount: `amount: 15` promised "$0.15 off".
  if (kind !== 'percent' && kind !== 'fixed' && kind !== 'free_shipping')
    throw new RangeError(`${kind} is not a kind of friend offer`);
  const words =
    offer.kind === 'free_shipping'
      ? firstOnly
        ? text.shipFirst
        : text.ship
      : fill(firstOnly ? text.offFirst : text.off, {
          value:
            offer.kind === 'percent'
              ? percentOff(locale, offer.percent)
              : money(locale, terms.currency, offer.amount, 1),
        });
  // A capped offer says its cap: "50% off" alone would promise more than checkout gives on a large order.
  // A percent capped at nothing is an offer of nothing, which the program's schema refuses: not "50% off
  // (up to $0)". Free shipping capped at nothing is still free shipping (the shop waives it and reports no
  // discount for it, as the schema has it): there is no cap to say.
  // The offer's own cap, not one a page's old library put on Object.prototype.
  const cap = Object.hasOwn(offer, 'maxDiscount') ? (offer as { maxDiscount?: number }).maxDiscount : undefined;
  const capped =
    cap !== undefined && (cap || offer.kind !== 'free_shipping')
      ? `${words} ${fill(text.cap, { amount: money(locale, terms.currency, cap, 1) })}`
      : words;
  return terms.minimumOrder
    ? `${capped} ${fill(text.minimum, { amount: money(locale, terms.currency, terms.minimumOrder) })}`
    : capped;
}

/** What the ambassador earns per friend's order ("$10 credit", "500 points", "5% of each order"). */
export function rewardText(text: Catalogue, locale: string, currency: string, reward: AmbassadorReward): string {
  if (reward.basis === 'percent') return fill(text.share, { value: percent(locale, reward.percent) });
  if (reward.type === 'points') return plural(locale, text.points, whole(reward.amount, 1));
  // Any other type would pick a catalogue text by its name, or none.
  if (reward.type !== 'credit' && reward.type !== 'cash') throw new RangeError(`${reward.type} is not a reward type`);
  return fill(text[reward.type], { value: money(locale, currency, reward.amount, 1) });
}

/** The share panel's headline: both sides when the reward is known, else the friend's side. */
export function offerHeadline(text: Catalogue, locale: string, terms: OfferTerms): string {
  const offer = friendOfferText(text, locale, terms);
  return terms.ambassadorReward
    ? fill(text.both, { offer, reward: rewardText(text, locale, terms.currency, terms.ambassadorReward) })
    : fill(text.give, { offer });
}
