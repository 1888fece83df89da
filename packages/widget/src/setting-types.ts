/**
 * The shape of the settings of `Referkit('init', …)` and of a `terms` attribute that code reads as
 * text or as a list. One of another type (a number for `locale`, a string for `channels`) would
 * otherwise throw into the page, or fail deep in a component under a minified name; it gets one
 * line naming the setting. Amounts, currencies and offers need no entry here: putting them in
 * words checks them (`offer-text.ts`), and the element says so.
 */
import { fetchableUrl } from '@referkit/sdk';
import { misconfigured } from './log.js';

const TEXTS = ['program', 'endpoint', 'brand', 'shareMessage', 'base', 'locale', 'param'];

/** What a setting must be, in words; undefined when `value` is one. */
function mismatch(name: string, value: unknown): string | undefined {
  if (name === 'channels') return Array.isArray(value) ? undefined : 'a list';
  // A disclosure without text would share no disclosure at all.
  if (name === 'disclosure') return typeof (value as { text?: unknown }).text === 'string' ? undefined : '{ text }';
  if (TEXTS.includes(name) && typeof value !== 'string') return 'text';
  // Events name their program: one without a name is refused by every receiver.
  if (name === 'program' && !(value as string).trim()) return 'a program id';
  // Capture reads the code from the parameter of this name, and links carry it there: a blank one has none.
  if (name === 'param' && !(value as string).trim()) return 'a query parameter name';
  if (/^(firstOrderOnly|disclosure\.required)$/.test(name) && typeof value !== 'boolean') return 'true or false';
  // Checked here, not only where an amount is put in words: terms that format no money (a percent off,
  // no reward) would carry a currency like "DOLLARS" unseen until the first amount shown.
  if (name === 'currency' && !/^[a-z]{3}$/i.test(value as string)) return 'three letters (ISO 4217)';
  if (name === 'attribution' && (typeof value !== 'object' || Array.isArray(value))) return '{ model, windowDays }';
  if (name === 'attribution.model' && !/^(last|first)_touch$/.test(value as string)) return 'last_touch or first_touch';
  if (name === 'attribution.windowDays' && typeof value !== 'number') return 'a number of days';
  // Unset, consent is granted: a consent manager's state not read yet (null) must not store the referral.
  if (name === 'consent' && value === null) return 'pending, granted or denied';
  // A client the page made is used for every capture and share: one without capture() would throw into the page.
  if (name === 'client' && typeof (value as { capture?: unknown }).capture !== 'function') return 'an SDK client';
  // Requests go to the endpoint: an empty or blank one, or a scheme fetch cannot use (javascript:,
  // ftp:), would fail in the console on every page instead of once here. A path is read as fetch reads
  // it, against the document's base URL: an about:blank or srcdoc frame's is its parent's address. An
  // http one from an https page the browser blocks, every time, and says nothing of Referkit: the
  // banner named "A friend" and every event was retried for good (the SDK refuses it, `fetchableUrl`).
  if (name === 'endpoint') {
    try {
      // Rendered on a server there is no document: a path is then read against any http address.
      const base = globalThis.document?.baseURI ?? 'http://x';
      if ((value as string).trim() && /^https?:$/.test(new URL(value as string, base).protocol))
        return fetchableUrl(value as string, base) ? undefined : 'https, as an https page needs (mixed content)';
    } catch {}
    return 'a path or an http(s) address';
  }
}

/**
 * True when every setting has its shape (a `null` or absent one is unset, but for `consent`); else logs one
 * line for the first that does not, ending with `fix`. The fields of `disclosure` and `attribution` are
 * settings of their own, named by their path (`attribution.model`), `within` that setting.
 * @example settingsHaveTheirTypes({ locale: 42 }, 'Fix it in init.') // false: "…the setting locale: 42 is not text…"
 */
export function settingsHaveTheirTypes(settings: object, fix: string, within = ''): boolean {
  for (const [key, value] of Object.entries(settings)) {
    const name = within + key;
    const wanted = value === undefined || (value === null && name !== 'consent') ? undefined : mismatch(name, value);
    if (wanted) {
      // The value named, so that a second mistake in the same setting (an ftp: endpoint after an empty one)
      // is a line of its own, where the log says each line once. As JSON cut short: a setting's text may be
      // long, and JSON cannot say a circular object or a BigInt, which is then "it". A number is itself, as
      // JSON says NaN and Infinity both as null; the cut is 40 code points, not halving an emoji's pair.
      let shown = 'it';
      try {
        shown = [...(typeof value === 'number' ? String(value) : JSON.stringify(value))].slice(0, 40).join('');
      } catch {}
      misconfigured(`use the setting ${name}`, `${shown} is not ${wanted}`, fix);
      return false;
    }
    if (/^(disclosure|attribution)$/.test(name) && value && !settingsHaveTheirTypes(value, fix, `${name}.`))
      return false;
  }
  return true;
}
