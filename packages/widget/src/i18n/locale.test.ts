import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './en.js';
import { LOCALES, resolveLocale } from './locale.js';

afterEach(() => vi.restoreAllMocks());

describe('resolveLocale', () => {
  it('answers English at once, for painting in the first frame', () => {
    expect(resolveLocale('en-GB', true)).toEqual({ locale: 'en-GB', text: en });
  });

  it('loads the catalogue of a regional tag’s language and keeps the tag for Intl', async () => {
    const { locale, text } = await resolveLocale('es-MX', true);
    expect(locale).toBe('es-MX');
    expect(text.copy).toBe('Copiar enlace');
  });

  it('falls back to English quietly for a page language without a catalogue', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(resolveLocale('fr', false)).toEqual({ locale: 'en', text: en });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('resolveLocale with tags Intl cannot read', () => {
  it.each([
    ['en_US', 'en-US'],
    ['es_MX', 'es-MX'],
    ['de-DE-x', 'de'],
  ])('reads %s as %s, which Intl accepts', async (tag, expected) => {
    const { locale } = await resolveLocale(tag, false);
    expect(locale).toBe(expected);
    expect(() => new Intl.NumberFormat(locale).format(1)).not.toThrow();
  });
});

describe('resolveLocale with tags written another way', () => {
  it.each([
    [' es ', 'es', 'Copiar enlace'],
    ['DE_at', 'de-AT', 'Link kopieren'],
  ])('reads %j by its canonical tag, %s', async (tag, expected, copy) => {
    const warn = vi.spyOn(console, 'warn');
    const { locale, text } = await resolveLocale(tag, true);
    expect([locale, text.copy]).toEqual([expected, copy]);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('LOCALES', () => {
  it('lists every catalogue file in i18n', () => {
    const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
      .map((file) => /^([a-z]{2,3})\.ts$/.exec(file)?.[1])
      .filter((language) => language && language !== 'en');
    expect([...LOCALES].sort()).toEqual(files.sort());
  });

  it.each(LOCALES)('loads the %s catalogue, English filling any text it leaves out', async (language) => {
    const { text } = await resolveLocale(language, true);
    expect(Object.keys(text).sort()).toEqual(Object.keys(en).sort());
    expect(text.copy).not.toBe(en.copy);
  });
});
