/**
 * The script-tag build's lazy parts: `referkit-qr.js`, `referkit-progress.js` and `referkit-{language}.js` are fetched from
 * beside `referkit.js` itself, so the widget works from any static server or CDN path.
 *
 * They are modules, loaded with `import()`: no Trusted Types sink, where an injected `<script src>` needs a
 * TrustedScriptURL under `require-trusted-types-for 'script'`, so a policy of the widget's own, which a page's
 * `trusted-types` list would have to name. The price is CORS: a module from another origin than the page's is
 * refused unless its host sends `Access-Control-Allow-Origin` (public CDNs do). Classic scripts through a
 * policy, parts that hand their exports to a global, load without it: measured at ~120 B more in referkit.js
 * and 4–12 B in each part (German's catalogue 610 B, over its 600).
 */
import { createElement } from 'preact';
import { en } from './i18n/en.js';

// `currentScript` is only set while the script first runs, so it is read once, at load, and only as a script
// element: a page's markup may name an image `currentScript` (a review, a profile), which the document then
// returns in its place, and its `src` would have parts loaded from where the image is. A script inlined in
// the page (a builder's srcdoc frame, whose address is about:srcdoc) has no `src`: the page's base it is.
const script = document.currentScript;
const base = (script instanceof HTMLScriptElement && script.src) || document.baseURI;

// How often each part has failed to load. A document keeps a module that failed as failed (HTML's module
// map; Chromium does since 150): asked again, the same address fails at once, with no request. A retry
// (the next time a language is asked for, a second tap on the QR button) asks under a new address.
const failures: Record<string, number> = {};

// Async, so an address that cannot be made (a base with no hierarchy, an opaque frame's) is a failed load
// each caller answers, not an error thrown into the page.
const load = async (file: string) => {
  try {
    return await import(new URL(file, base).href + (failures[file] ? `?${failures[file]}` : ''));
  } catch (error) {
    failures[file] = (failures[file] || 0) + 1;
    throw error;
  }
};

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

/**
 * Loads a catalogue chunk that sits beside the script, as its texts by key: the chunk is an array in
 * English's key order (no key names, fewer bytes: build.mjs, `catalogueArray`).
 */
export async function loadCatalogue(language: string): Promise<[key: string, text: unknown][]> {
  const { default: texts } = await load(`referkit-${language}.js`);
  return Object.keys(en).map((key, index) => [key, texts[index]]);
}
