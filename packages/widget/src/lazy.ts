/**
 * The widget's lazily loaded parts, as plain dynamic imports so that an app's bundler splits them
 * into their own chunks. The script-tag build swaps this file for `lazy-script.ts`.
 */
import type { Catalogue } from './i18n/catalogue.js';

/** Loads the QR code module (its own chunk: QR encoding is only needed when an ambassador asks). */
export function loadQr(): Promise<typeof import('./qr.js')> {
  return import('./qr.js');
}

/** Loads the catalogue of one of `LOCALES` (the caller checks the name: it becomes part of a path). */
export function loadCatalogue(language: string): Promise<{ default: Partial<Catalogue> | unknown[] }> {
  return import(`./i18n/${language}.js`);
}
