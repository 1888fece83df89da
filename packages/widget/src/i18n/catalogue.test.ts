import { describe, expect, it } from 'vitest';
import { friendOfferText, type OfferTerms, offerHeadline } from '../offer-text.js';
import ar from './ar.js';
import { fill, plural } from './catalogue.js';
import de from './de.js';
import { en } from './en.js';
import es from './es.js';

const placeholders = (text: unknown) =>
  [...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('fill', () => {
  it('replaces placeholders with their values', () => {
    expect(fill('{name} gave you {offer}', { name: 'Alex', offer: '15% off' })).toBe('Alex gave you 15% off');
  });

  it('leaves a placeholder it is given no value for as written, though Object has a property of its name', () => {
    expect(fill('{name}: {constructor} {toString} {__proto__} {valueOf} {hasOwnProperty} {n}', { name: 'Alex' })).toBe(
      'Alex: {constructor} {toString} {__proto__} {valueOf} {hasOwnProperty} {n}',
    );
  });

  it('fills an empty value as nothing', () => {
    expect(fill('Hi {name}!', { name: '' })).toBe('Hi !');
  });
});

describe('channel labels', () => {
  it('shares by email and SMS in every language, rather than on them', () => {
    expect(
      [en, es, de, ar].map((text) => [fill(text.on, { channel: text.email }), fill(text.on, { channel: text.sms })]),
    ).toEqual([
      ['Share via Email', 'Share via SMS'],
      ['Compartir por correo', 'Compartir por SMS'],
      ['Per E-Mail teilen', 'Per SMS teilen'],
      ['شارك عبر البريد', 'شارك عبر رسالة نصية'],
    ]);
  });
});

describe('failed copies', () => {
  it('names the macOS shortcut beside Ctrl+C in every language', () => {
    expect([en, es, de, ar].map((text) => text.copyFailed.includes('+C') && text.copyFailed.includes('⌘C'))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('tells the ambassador in Arabic, as in English, to copy the message themselves and paste it into the post', () => {
    expect(ar.messageNotCopied).toBe('تعذر النسخ. انسخ رسالتك والصقها في منشورك.');
  });

  it('tells the ambassador in German too where to paste the message they copy themselves', () => {
    expect(de.messageNotCopied).toBe('Nicht kopiert: selbst kopieren und im Beitrag einfügen.');
  });
});

describe('the Arabic offer', () => {
  const kinds: [string, OfferTerms['friendOffer']][] = [
    ['percent', { kind: 'percent', percent: 15 }],
    ['fixed', { kind: 'fixed', amount: 1000 }],
    ['free_shipping', { kind: 'free_shipping' }],
  ];
  const offers = (firstOrderOnly: boolean) =>
    kinds.map(([, friendOffer]) => friendOfferText(ar, 'ar', { currency: 'EGP', friendOffer, firstOrderOnly }, true));

  // The widget cannot know whether the ambassador is a woman or a man: no verb that says which.
  it('gives the banner without a gendered verb, for a named ambassador and for a friend', () => {
    const [percent, fixed, shipping] = offers(false) as [string, string, string];
    expect([percent, fixed, shipping].map((offer) => fill(ar.named, { name: 'سارة', offer }))).toEqual([
      `هدية من سارة: ${percent}`,
      `هدية من سارة: ${fixed}`,
      'هدية من سارة: الشحن المجاني',
    ]);
    expect(offers(true).map((offer) => fill(ar.friend, { offer }))).toEqual([
      `هدية من صديق: ${percent} على طلبك الأول`,
      `هدية من صديق: ${fixed} على طلبك الأول`,
      'هدية من صديق: الشحن المجاني لطلبك الأول',
    ]);
  });

  // "امنح شحن مجاني" wanted the accusative ("شحنًا مجانيًا"), which the banner's and the template's
  // places do not: the definite "الشحن المجاني" shows no case ending in any of them.
  it('says free shipping with no case ending, after a verb as after a preposition', () => {
    const terms = { currency: 'EGP', friendOffer: { kind: 'free_shipping' } } as const;
    expect(offerHeadline(ar, 'ar', terms)).toBe('امنح الشحن المجاني');
    expect(fill(ar.template, { brand: 'Acme', offer: friendOfferText(ar, 'ar', terms) })).toBe(
      'أحب Acme. احصل على الشحن المجاني برابطي.',
    );
  });
});

describe('plural', () => {
  it('picks the English form for one and for many', () => {
    expect([plural('en', en.joined, 1), plural('en', en.joined, 3)]).toEqual(['1 friend joined', '3 friends joined']);
  });

  it('picks the Arabic dual', () => {
    expect(plural('ar', ar.joined, 2)).toBe('انضم صديقان');
  });

  it('says two points in the case each sentence gives them: after a verb or a noun, the oblique dual', () => {
    const two = plural('ar', ar.points, 2);
    expect(fill(ar.both, { offer: 'خصم 15%', reward: two })).toBe('امنح خصم 15% واحصل على نقطتين');
    expect(fill(ar.earned, { amount: two })).toBe('ربحت نقطتين');
    expect(fill(ar.pending, { amount: two })).toBe('بانتظار نقطتين');
  });

  it('counts Arabic friends with the noun each number takes: plural to ten, then singular', () => {
    expect([3, 11, 100].map((n) => plural('ar', ar.joined, n))).toEqual([
      'انضم 3 أصدقاء',
      'انضم 11 صديقًا',
      'انضم 100 صديق',
    ]);
  });

  it('puts the Arabic target as a label then the count, right for every count', () => {
    expect([1, 11].map((n) => plural('ar', ar.week, n, { done: 1 }))).toEqual([
      'مشاركات هذا الأسبوع: 1 من 1',
      'مشاركات هذا الأسبوع: 1 من 11',
    ]);
  });

  it('says in German how often the link was shared against the target', () => {
    expect([1, 3].map((n) => plural('de', de.week, n, { done: 1 }))).toEqual([
      'Diese Woche 1 von 1 Mal geteilt',
      'Diese Woche 1 von 3 Mal geteilt',
    ]);
  });

  it('says in Spanish how many times the link was shared, one time or several', () => {
    expect([1, 3].map((n) => plural('es', es.week, n, { done: 1 }))).toEqual([
      'Compartido 1 de 1 vez esta semana',
      'Compartido 1 de 3 veces esta semana',
    ]);
  });

  it('labels Spanish rewards, so that one point and an amount of money both read right', () => {
    expect(fill(es.earned, { amount: plural('es', es.points, 1) })).toBe('Ganado: 1 punto');
    expect(fill(es.pending, { amount: '10,00 €' })).toBe('Pendiente: 10,00 €');
  });

  it('formats the count for the locale', () => {
    expect(plural('de', de.points, 1500)).toBe('1.500 Punkte');
  });
});

describe.each([
  ['es', es],
  ['de', de],
  ['ar', ar],
])('the %s catalogue', (_, catalogue) => {
  it('translates every English text', () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders as English in each text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[key];
      const theirs = catalogue[key];
      // Plural forms may drop {n} where the word says the number ("one point", Arabic's dual).
      if (typeof english === 'object' && typeof theirs === 'object') {
        const named = (text: string) => placeholders(text).filter((name) => name !== 'n');
        expect(named(theirs.other), key).toEqual(named(english.other));
      } else expect(placeholders(theirs), key).toEqual(placeholders(english));
    }
  });
});
