/**
 * Picks the catalogue for a locale: English at once (it is built in), any other language from its
 * own small file. Adding a language is a catalogue file plus its name in `LOCALES`; no component changes.
 */
import { loadCatalogue } from '../lazy.js';
import { misconfigured, partNotLoaded } from '../log.js';
import type { Catalogue } from './catalogue.js';
import { en } from './en.js';

/** Languages with a catalogue file besides the built-in English. */
export const LOCALES = ['es', 'de', 'ar'];

/** A locale for `Intl` and the texts to show in it. */
export interface ResolvedLocale {
  locale: string;
  text: Catalogue;
}

const loading = new Map<string, Promise<Catalogue>>();

/**
 * Resolves a BCP 47 tag (`es-MX`, `ar`): its language's catalogue, or English when there is none, at
 * once for English and once its file has loaded for another language.
 * `explicit` says the tag was asked for (an attribute or init option), so a missing catalogue is reported.
 */
export function resolveLocale(raw: string | undefined, explicit: boolean): ResolvedLocale | Promise<ResolvedLocale> {
  // The language is the canonical tag's: `iw` is `he`, ` es ` is `es`, `EN_us` is `en`.
  const tag = canonical(raw?.trim());
  const language = tag?.split('-')[0]?.toLowerCase() ?? '';
  const english = { locale: language === 'en' && tag ? tag : 'en', text: en };
  if (!LOCALES.includes(language)) {
    if (explicit && language !== 'en') {
      misconfigured(
        `show the locale "${raw}"`,
        'there is no catalogue for it',
        `Use one of en, ${LOCALES.join(', ')}.`,
      );
    }
    return english;
  }
  let text = loading.get(language);
  if (!text) {
    // A catalogue may leave texts out; English fills them.
    text = loadCatalogue(language).then(
      (texts) => ({ ...en, ...Object.fromEntries(texts.filter(([, value]) => value != null)) }),
      (error) => {
        // Not kept: the next render that asks for the language loads its file again (a CDN's passing 503).
        loading.delete(language);
        misconfigured(`load the "${language}" catalogue`, ...partNotLoaded(`referkit-${language}.js`));
        throw error;
      },
    );
    loading.set(language, text);
  }
  // A failed load shows English, marked and formatted as English: a screen reader reads it in an English voice.
  return text.then(
    (text) => ({ locale: tag ?? language, text }),
    () => english,
  );
}

// `Intl` throws a RangeError on a tag it cannot read (`en_US`, `de-DE-x`): such a tag is read as its
// language, so a page's odd `lang` never stops the widget from rendering.
function canonical(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  for (const candidate of [tag.replace(/_/g, '-'), tag.split(/[-_]/)[0] ?? '']) {
    try {
      return Intl.getCanonicalLocales(candidate)[0];
    } catch {}
  }
  return undefined;
}
