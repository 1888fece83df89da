import { describe, expect, it } from 'vitest';
import ar from './i18n/ar.js';
import de from './i18n/de.js';
import { en } from './i18n/en.js';
import es from './i18n/es.js';
import { composeMessage, prefillMessage } from './share-message.js';

const disclosure = { text: 'I get $10 credit if you order with my link.' };

describe('prefillMessage', () => {
  it('fills the program’s template and puts the disclosure on its own line', () => {
    const message = prefillMessage(
      en,
      { brand: 'Acme', offer: '15% off', name: 'Alex' },
      '{name} loves {brand}: {offer}',
      disclosure,
    );
    expect(message).toBe('Alex loves Acme: 15% off\n\nI get $10 credit if you order with my link.');
  });

  it('uses the catalogue’s template when the program has none', () => {
    expect(prefillMessage(en, { brand: 'Acme', offer: '15% off' })).toBe('I love Acme. Here is 15% off with my link.');
  });

  it("leaves out the catalogue's sentence about the brand when the terms have none, in every catalogue", () => {
    expect(prefillMessage(en, { brand: '', offer: '15% off' })).toBe('Here is 15% off with my link.');
    for (const catalogue of [es, de, ar]) {
      const message = prefillMessage(catalogue, { brand: '', offer: 'X' });
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
