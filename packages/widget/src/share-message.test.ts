import { describe, expect, it } from 'vitest';
import ar from './i18n/ar.js';
import de from './i18n/de.js';
import { en } from './i18n/en.js';
import es from './i18n/es.js';
import { composeMessage, fitForX, prefillMessage } from './share-message.js';

const disclosure = { text: 'I get $10 credit if you order with my link.' };

describe('prefillMessage', () => {
  it('fills the program’s template and puts the disclosure on its own line', () => {
    const message = prefillMessage(
      en,
      { brand: 'Acme', offer: '15% off', name: 'Alex', reward: '' },
      '{name} loves {brand}: {offer}',
      disclosure,
    );
    expect(message).toBe('Alex loves Acme: 15% off\n\nI get $10 credit if you order with my link.');
  });

  it('fills the four placeholders the program may use and shares any other as written', () => {
    const values = { brand: 'Acme', offer: '15% off', name: 'Alex', reward: '$10 credit' };
    const template = '{name}, {brand}, {offer}, {reward}; {constructor} {toString} {__proto__} {valueOf} {code}';
    expect(prefillMessage(en, values, template)).toBe(
      'Alex, Acme, 15% off, $10 credit; {constructor} {toString} {__proto__} {valueOf} {code}',
    );
  });

  it('uses the catalogue’s template when the program has none', () => {
    expect(prefillMessage(en, { brand: 'Acme', offer: '15% off', name: '', reward: '' })).toBe(
      'I love Acme. Here is 15% off with my link.',
    );
  });

  it("leaves out the catalogue's sentence about the brand when the terms have none, in every catalogue", () => {
    expect(prefillMessage(en, { brand: '', offer: '15% off', name: '', reward: '' })).toBe(
      'Here is 15% off with my link.',
    );
    for (const catalogue of [es, de, ar]) {
      const message = prefillMessage(catalogue, { brand: '', offer: 'X', name: '', reward: '' });
      expect(message).not.toMatch(/ \.|\{brand\}/);
      expect(message).toContain('X');
    }
  });
});

describe('composeMessage', () => {
  it('keeps a message that carries the disclosure as written', () => {
    expect(composeMessage(`Try it!\n${disclosure.text}`, disclosure)).toEqual({
      text: `Try it!\n${disclosure.text}`,
      restored: false,
    });
  });

  it('does not count changed spacing or case as removing the disclosure', () => {
    const edited = `Try it! i get  $10 credit\nif you order with my link.`;
    expect(composeMessage(edited, disclosure).restored).toBe(false);
  });

  it('puts back a required disclosure the ambassador deleted', () => {
    expect(composeMessage('Try it!', disclosure)).toEqual({ text: `Try it!\n\n${disclosure.text}`, restored: true });
  });

  it('shares the disclosure alone when the message is emptied', () => {
    expect(composeMessage('  ', disclosure)).toEqual({ text: disclosure.text, restored: true });
  });

  it('lets the ambassador drop a disclosure the program does not require', () => {
    expect(composeMessage('Try it!', { ...disclosure, required: false })).toEqual({ text: 'Try it!', restored: false });
  });
});

describe('composeMessage, on what counts as keeping the disclosure', () => {
  it('takes the disclosure written in other case or spacing as kept, and adds nothing', () => {
    expect(composeMessage('Hi\n\ni GET  $10 credit IF you order with my link.', disclosure)).toEqual({
      text: 'Hi\n\ni GET  $10 credit IF you order with my link.',
      restored: false,
    });
  });
});

describe('fitForX', () => {
  /** X's count: two for each character from U+1100 on, one below (twitter-text's weights, emoji as two). */
  const weighed = (text: string) => [...text].reduce((sum, char) => sum + (char.codePointAt(0)! < 0x1100 ? 1 : 2), 0);

  it('leaves a message X can post beside its link as it is', () => {
    const message = `${'a'.repeat(200)}\n\n${disclosure.text}`;
    expect(fitForX(message, disclosure)).toBe(message);
    expect(fitForX('b'.repeat(256))).toBe('b'.repeat(256));
  });

  it('cuts a longer message short and keeps the disclosure whole at its end', () => {
    const words = 'I have been ordering from Acme for years and the coffee keeps getting better. '.repeat(5);
    const fitted = fitForX(`${words}\n\n${disclosure.text}`, disclosure);
    expect(fitted.endsWith(`…\n\n${disclosure.text}`)).toBe(true);
    expect(fitted.startsWith('I have been ordering from Acme')).toBe(true);
    // X's 280, less the link's 23 and the space before it; "…" weighs two.
    expect(weighed(fitted)).toBeLessThanOrEqual(256);
    expect(weighed(fitted)).toBeGreaterThan(250);
  });

  it('moves a disclosure written mid-message to the end, and counts wide characters twice', () => {
    const words = '我很喜欢这家店的咖啡，'.repeat(20);
    const fitted = fitForX(`${disclosure.text} ${words}`, disclosure);
    expect(fitted.endsWith(`…\n\n${disclosure.text}`)).toBe(true);
    expect(fitted.startsWith('我很喜欢')).toBe(true);
    expect(weighed(fitted)).toBeLessThanOrEqual(256);
  });

  it('keeps whole a disclosure the ambassador typed in another case or over two lines', () => {
    const words = 'I have been ordering from Acme for years and the coffee keeps getting better. '.repeat(5);
    for (const typed of [
      'i get $10 credit if you order with my link.',
      'I get $10 credit if you order\nwith my link.',
    ]) {
      const fitted = fitForX(composeMessage(`${words}\n\n${typed}`, disclosure).text, disclosure);
      expect(fitted.endsWith(`…\n\n${disclosure.text}`)).toBe(true);
      expect(weighed(fitted)).toBeLessThanOrEqual(256);
    }
  });

  it("takes the ambassador's own copy of the disclosure out of their words, however typed, so it is said once", () => {
    const words = 'I have been ordering from Acme for years and the coffee keeps getting better. '.repeat(4);
    const first = fitForX(`i get $10 credit if you order with my link. ${words}`, disclosure);
    expect(first.toLowerCase().split(disclosure.text.toLowerCase())).toHaveLength(2);
    // Typed over two lines, with words after it: those words are kept as they are after an exact copy.
    const after = `Thanks!! ${'y'.repeat(10)}`;
    const exact = fitForX(`${'x'.repeat(200)} ${disclosure.text} ${after}`, disclosure);
    expect(exact).toBe(`${'x'.repeat(200)} Thanks!!…\n\n${disclosure.text}`);
    const twoLines = fitForX(`${'x'.repeat(200)} I get $10 credit if you order\nwith my link. ${after}`, disclosure);
    expect(twoLines).toBe(exact);
  });

  it('cuts between emoji sequences, never inside one (a family, a flag)', () => {
    const family = '👨‍👩‍👧‍👦';
    const fitted = fitForX(`${'a'.repeat(230)}${family.repeat(5)}`);
    expect(fitted).toMatch(new RegExp(`^a{230}(${family})*…$`, 'u'));
    const flags = fitForX(`${'a'.repeat(251)}🇩🇪🇩🇪🇩🇪`);
    expect(flags).toMatch(/^a{251}(🇩🇪)*…$/u);
  });

  it('sends a disclosure longer than X allows alone, without an ellipsis', () => {
    const long = { text: `I get $10 credit if you order with my link. ${'Terms apply. '.repeat(20)}`.trim() };
    expect(fitForX(long.text, long)).toBe(long.text);
  });

  it('cuts a message without the disclosure (one the program does not require) at its end', () => {
    const fitted = fitForX('c'.repeat(300), disclosure);
    expect(fitted).toBe(`${'c'.repeat(254)}…`);
  });
});
