import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readV1Signatures } from './v1-signatures.js';

// The rule as the spec states it, read the slow way: the oracle for the hand-written reader. A comma
// before a space is where HTTP joined two header lines (`, `), so it ends the entry before it.
const V1_ENTRY = /^v1,([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)$/;
const oracle = (header: string) =>
  header
    .split(' ')
    .map((entry, index, entries) => (index < entries.length - 1 && entry.endsWith(',') ? entry.slice(0, -1) : entry))
    .map((entry) => V1_ENTRY.exec(entry)?.[1])
    .filter((encoded) => encoded !== undefined)
    .map((encoded) => new Uint8Array(Buffer.from(encoded, 'base64')));

const digest = fc.uint8Array({ minLength: 32, maxLength: 32 });
const entry = digest.map((bytes) => `v1,${Buffer.from(bytes).toString('base64')}`);
const noise = fc.constantFrom(
  'v1',
  'v1,',
  'v2,',
  'v1a,',
  '=',
  ' ',
  ',',
  ', ',
  '-',
  '_',
  'A',
  '+',
  '/',
  'é',
  '\u0000',
  'v1,A',
);
// Valid entries with characters inserted, removed or swapped, so near misses of every kind come up.
const mutated = fc
  .tuple(entry, fc.nat(47), fc.nat(2), noise)
  .map(([text, at, how, insert]) =>
    how === 0
      ? text.slice(0, at) + insert + text.slice(at)
      : how === 1
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + insert + text.slice(at + 1),
  );
// Buffers in Node, Uint8Arrays elsewhere: compared as bytes.
const read = (text: string) => readV1Signatures(text).map((digest) => new Uint8Array(digest));

const header = fc
  .tuple(
    fc.array(fc.oneof(entry, mutated, fc.string(), noise), { minLength: 0, maxLength: 4 }),
    fc.constantFrom(' ', ', '),
  )
  .map(([entries, separator]) => entries.join(separator));

describe('readV1Signatures', () => {
  it('reads exactly the entries the spec pattern matches, with the bytes base64 gives', () => {
    fc.assert(
      fc.property(header, (text) => {
        expect(read(text)).toEqual(oracle(text));
      }),
      { numRuns: 20_000 },
    );
    // 20,000 cases take ~2 s alone; a loaded CI machine gets room rather than a flaky timeout.
  }, 30_000);

  it('reads both entries of a header signed during a rotation', () => {
    const first = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
    const second = `v1,${Buffer.alloc(32, 2).toString('base64')}`;
    expect(read(`${first} v1a,xyz ${second}`)).toEqual([new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]);
  });

  it('reads both entries of two header lines joined with a comma, the valid one first or last', () => {
    const first = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
    const second = `v1,${Buffer.alloc(32, 2).toString('base64')}`;
    expect(read(`${first}, ${second}`)).toEqual([new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]);
  });

  it('skips an entry whose base64 is not canonical (padding bits set)', () => {
    const canonical = Buffer.alloc(32, 0).toString('base64');
    expect(read(`v1,${canonical.slice(0, 42)}B=`)).toEqual([]);
  });
});
