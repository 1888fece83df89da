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

/** The 32-byte digests of every well-formed v1 entry of a header, in order; other entries are skipped. */
export function readV1Signatures(header: string): Uint8Array[] {
  const digests: Uint8Array[] = [];
  for (let start = 0; start <= header.length; ) {
    const space = header.indexOf(' ', start);
    const end = space === -1 ? header.length : space;
    const digest = v1Digest(header, start, end);
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
  const digest = new Uint8Array(32);
  let bits = 0;
  let pending = 0;
  let out = 0;
  for (let index = start + 3; index < end - 1; index++) {
    const code = header.charCodeAt(index);
    const value = code < 128 ? (BASE64_VALUES[code] as number) : NOT_BASE64;
    if (value === NOT_BASE64) return null;
    // At most 13 bits wait here at once; the mask keeps the number small.
    pending = ((pending << 6) | value) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      digest[out++] = (pending >> bits) & 0xff;
    }
  }
  // 43 characters carry 258 bits for 256: canonical base64 leaves the last 2 at zero.
  return (pending & ((1 << bits) - 1)) === 0 ? digest : null;
}
