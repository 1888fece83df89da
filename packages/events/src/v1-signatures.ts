/**
 * Reading the v1 entries of a `webhook-signature` header: `v1,` and the canonical base64 of a
 * 32-byte HMAC, space-separated, beside entries of other schemes (`v1a,`, `v2,`) that the spec says
 * to skip. Read by hand, without split, a regex or substrings: on the receiver's hot path a split
 * and a capturing regex cost more than a tenth of the HMAC itself.
 */

// `v1,` + 43 base64 characters + `=`.
const ENTRY_LENGTH = 47;
const NOT_BASE64 = 255;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Uint8Array(128).fill(NOT_BASE64);
for (let index = 0; index < BASE64.length; index++) BASE64_VALUES[BASE64.charCodeAt(index)] = index;

/**
 * The 32-byte digests of every well-formed v1 entry of a header, in order; other entries are skipped.
 * Two `webhook-signature` lines (a proxy that splits a rotation's signatures) reach us joined with
 * `", "` by Fetch's Headers, Node's `req.headers` and `readHeader` alike, so a comma that ends an
 * entry before a space ends the entry: a v1 entry ends in `=`, never in a comma, and every line is tried.
 */
export function readV1Signatures(header: string): Uint8Array[] {
  const digests: Uint8Array[] = [];
  for (let start = 0; start <= header.length; ) {
    const space = header.indexOf(' ', start);
    const end = space === -1 ? header.length : space;
    const digest = v1Digest(header, start, space > start && header.charCodeAt(space - 1) === 0x2c ? end - 1 : end);
    if (digest) digests.push(digest);
    start = end + 1;
  }
  return digests;
}

/** The digest of the entry `header[start, end)`, or `null` unless it is exactly `v1,` + canonical base64 of 32 bytes. */
function v1Digest(header: string, start: number, end: number): Uint8Array | null {
  if (end - start !== ENTRY_LENGTH || !header.startsWith('v1,', start) || header.charCodeAt(end - 1) !== 0x3d) {
    return null;
  }
  const digest = allocate32();
  const first = start + 3;
  // Ten groups of four characters make the first 30 bytes.
  for (let group = 0; group < 10; group++) {
    const at = first + group * 4;
    const a = sextet(header, at);
    const b = sextet(header, at + 1);
    const c = sextet(header, at + 2);
    const d = sextet(header, at + 3);
    if ((a | b | c | d) > 63) return null;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    digest[group * 3] = bits >> 16;
    digest[group * 3 + 1] = (bits >> 8) & 0xff;
    digest[group * 3 + 2] = bits & 0xff;
  }
  // The last three characters carry 18 bits for the last 2 bytes: canonical base64 leaves the 2 spare bits at zero.
  const a = sextet(header, first + 40);
  const b = sextet(header, first + 41);
  const c = sextet(header, first + 42);
  if ((a | b | c) > 63 || (c & 0b11) !== 0) return null;
  const bits = (a << 12) | (b << 6) | c;
  digest[30] = bits >> 10;
  digest[31] = (bits >> 2) & 0xff;
  return digest;
}

/** The 6-bit value of a base64 character, or {@link NOT_BASE64}. */
function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (BASE64_VALUES[code] as number) : NOT_BASE64;
}

const NodeBuffer = (globalThis as { Buffer?: { allocUnsafe(size: number): Uint8Array } }).Buffer;

/**
 * 32 bytes for a digest. Node's timingSafeEqual must first move the bytes of a small Uint8Array off
 * V8's heap (about 1 µs); a Buffer from Node's pool is off it already. Every byte is written after.
 */
function allocate32(): Uint8Array {
  return NodeBuffer ? NodeBuffer.allocUnsafe(32) : new Uint8Array(32);
}
