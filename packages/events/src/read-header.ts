/** Reading one request header from a Fetch `Headers` or from a plain object such as Node's `req.headers`. */

/** Where headers come from: a Fetch `Headers`, or a plain object such as Node's `req.headers`. */
export type HeaderSource = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * The value of a header by its lower-case name, or `undefined`. Node lower-cases the names it
 * parses, so the exact key is tried first; other spellings are matched without regard to case.
 * A repeated header (Node joins those into an array) reads as absent: no single value was sent.
 */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  // A framework that hands over no headers at all (null) sent none.
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | readonly string[] | undefined>;
  let value = record[name];
  if (value === undefined) {
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === name) {
        value = record[key];
        break;
      }
    }
  }
  return typeof value === 'string' ? value : undefined;
}
