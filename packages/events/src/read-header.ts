/** Reading one request header from a Fetch `Headers` or from a plain object such as Node's `req.headers`. */

/** Where headers come from: a Fetch `Headers`, or a plain object such as Node's `req.headers`. */
export type HeaderSource = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * The value of a header by its lower-case name, or `undefined`. Node lower-cases the names it
 * parses, so the exact key is tried first; other spellings are matched without regard to case.
 * A header given as an array (Node's `req.headersDistinct`, a framework's repeated header) reads
 * as its values joined with `", "`, as HTTP combines repeated fields (RFC 9110 §5.3) and as Fetch's
 * `Headers.get` and Node's `req.headers` already hand them over: each source gives one value.
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
  if (typeof value === 'string') return value;
  // An empty list sent nothing, as Headers.get answers for a name it does not hold.
  return Array.isArray(value) && value.length > 0 ? value.join(', ') : undefined;
}
