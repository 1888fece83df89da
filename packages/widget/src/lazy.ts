/**
 * The widget's lazily loaded parts, as plain dynamic imports so that an app's bundler splits them
 * into their own chunks. The script-tag build swaps this file for `lazy-script.ts`.
 */
import type { Catalogue } from './i18n/catalogue.js';

/** Loads the QR code module (its own chunk: QR encoding is only needed when an ambassador asks). */
export function loadQr(): Promise<typeof import('./qr.js')> {
  return import('./qr.js');
}

/** Loads the progress block (its own chunk: it is drawn only once the brand's endpoint answers with stats). */
export function loadProgress(): Promise<typeof import('./share-progress.js')> {
  return import('./share-progress.js');
}

// Literal paths rather than a template, so that every bundler (and Vite's test runner, which serves the
// `.ts` sources) can resolve them. A new language adds its line here and its name to `LOCALES`.
const catalogues: Record<string, () => Promise<{ default: Partial<Catalogue> }>> = {
  es: () => import('./i18n/es.js'),
  de: () => import('./i18n/de.js'),
  ar: () => import('./i18n/ar.js'),
};

/** Loads the catalogue of one of `LOCALES`, as its texts by key. */
export async function loadCatalogue(language: string): Promise<[key: string, text: unknown][]> {
  const { default: texts } = await (
    catalogues[language] ?? (() => Promise.reject(new Error(`No catalogue for ${language}`)))
  )();
  return Object.entries(texts);
}
