/**
 * Whether a GET or HEAD may be answered `304 Not Modified` (RFC 9110 §13.2.2, steps 3 and 4): the
 * client holds the file already, as its `If-None-Match` or `If-Modified-Since` says. A file sent
 * `no-cache` is kept by the browser but not used unasked; these are how it asks, and without them it
 * downloads the whole file again on every page view.
 */
import { parseHttpDate } from './http-date.js';

/** What the server knows of the file it would send. */
export interface Validators {
  /** A strong entity tag, quotes included, e.g. `"Zm9v"`. */
  etag: string;
  /** When the file last changed, in milliseconds since the epoch. */
  lastModified: number;
}

// One element of the list and the comma after it: `W/"…"` or `"…"`, whose characters may include a comma.
// An empty element (`a, , b`) is allowed, as in every HTTP list (RFC 9110 §5.6.1.2).
const LIST_ELEMENT = /[ \t]*(?:(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*"))?[ \t]*(?:,|$)/y;

/**
 * The opaque tags an `If-None-Match` names, with any `W/` dropped since the comparison is weak
 * (RFC 9110 §8.8.3.2), `'*'` for any, or null for a field that is no list of entity tags.
 */
export function entityTags(field: string): string[] | '*' | null {
  if (field.trim() === '*') return '*';
  const tags: string[] = [];
  let at = 0;
  while (at < field.length) {
    LIST_ELEMENT.lastIndex = at;
    const element = LIST_ELEMENT.exec(field);
    if (!element) return null;
    if (element[1]) tags.push(element[1]);
    at = LIST_ELEMENT.lastIndex;
  }
  return tags;
}

/**
 * True when a GET or HEAD with `headers` is to be answered 304 for a file with `validators`. A
 * malformed `If-None-Match` matches nothing, so the file is sent whole; its presence still means
 * `If-Modified-Since` is not read, as the RFC orders.
 */
export function notModified(headers: Headers, validators: Validators): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    const tags = entityTags(ifNoneMatch);
    return tags === '*' || (tags?.includes(validators.etag.replace(/^W\//, '')) ?? false);
  }
  const ifModifiedSince = headers.get('if-modified-since');
  const since = ifModifiedSince === null ? null : parseHttpDate(ifModifiedSince);
  // Last-Modified names whole seconds, so the file's time is compared to its second. A file rewritten
  // within the second it was fetched in is still told apart by its ETag, which browsers send instead.
  return since !== null && Math.floor(validators.lastModified / 1000) * 1000 <= since;
}
