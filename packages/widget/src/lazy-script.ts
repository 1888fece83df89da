/**
 * The script-tag build's lazy parts: `referkit-qr.js`, `referkit-progress.js` and `referkit-{language}.js` are fetched from
 * beside `referkit.js` itself, so the widget works from any static server or CDN path.
 */
import { createElement } from 'preact';
import type { Catalogue } from './i18n/catalogue.js';

// `currentScript` is only set while the script first runs, so it is read once, at load.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

const load = (file: string) => import(new URL(file, base).href);

/** Loads the QR chunk that sits beside the script. */
export function loadQr(): Promise<typeof import('./qr.js')> {
  return load('referkit-qr.js');
}

/**
 * Loads the progress chunk that sits beside the script and hands it this bundle's `createElement`:
 * vnodes from a second copy of Preact would carry ids that collide with this copy's.
 */
export async function loadProgress(): Promise<typeof import('./share-progress.js')> {
  const chunk = await load('referkit-progress.js');
  chunk.provide(createElement);
  return chunk;
}

/** Loads a catalogue chunk that sits beside the script. */
export function loadCatalogue(language: string): Promise<{ default: Partial<Catalogue> | unknown[] }> {
  return load(`referkit-${language}.js`);
}
