import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { entityTags, notModified } from './conditional-get.js';

const file = { etag: '"c2hhLTI1Ng"', lastModified: Date.UTC(2026, 10, 25, 9, 30, 15, 480) };
const ask = (headers: Record<string, string>) => notModified(new Headers(headers), file);

describe('conditional GET', () => {
  test('answers 304 to its own ETag, alone, among others or marked weak', () => {
    for (const field of ['"c2hhLTI1Ng"', '"x", "c2hhLTI1Ng"', 'W/"c2hhLTI1Ng"', ' W/"x" ,, "c2hhLTI1Ng" '])
      expect([field, ask({ 'if-none-match': field })]).toEqual([field, true]);
  });

  test('answers 304 to * for any file it has', () => {
    expect(ask({ 'if-none-match': '*' })).toBe(true);
  });

  test('sends the file to another ETag, and to a field that is no list of entity tags', () => {
    for (const field of [
      '"x"',
      'c2hhLTI1Ng',
      '"c2hhLTI1Ng" "x"',
      'W/ "c2hhLTI1Ng"',
      'w/"c2hhLTI1Ng"',
      '*, "c2hhLTI1Ng"',
      '',
    ])
      expect([field, ask({ 'if-none-match': field })]).toEqual([field, false]);
  });

  test('reads an entity tag whose characters include a comma as one tag', () => {
    expect(entityTags('"a,b", W/"c"')).toEqual(['"a,b"', '"c"']);
  });

  test('finds its own ETag wherever it stands in any list of valid tags', () => {
    const tag = fc.stringMatching(/^"[\x21\x23-\x7e]*"$/);
    const element = fc
      .tuple(fc.boolean(), tag, fc.constantFrom('', ' ', '\t'))
      .map(([weak, t, space]) => `${space}${weak ? 'W/' : ''}${t}${space}`);
    fc.assert(
      fc.property(fc.array(element), fc.array(element), fc.boolean(), (before, after, weak) => {
        const field = [...before, `${weak ? 'W/' : ''}${file.etag}`, ...after].join(',');
        expect(ask({ 'if-none-match': field })).toBe(true);
      }),
    );
  });

  test('answers 304 to an If-Modified-Since at or after the second the file changed in', () => {
    expect(ask({ 'if-modified-since': 'Wed, 25 Nov 2026 09:30:15 GMT' })).toBe(true);
    expect(ask({ 'if-modified-since': 'Thu, 26 Nov 2026 00:00:00 GMT' })).toBe(true);
    expect(ask({ 'if-modified-since': 'Wed, 25 Nov 2026 09:30:14 GMT' })).toBe(false);
  });

  test('reads no If-Modified-Since beside an If-None-Match, nor one that is no date', () => {
    expect(ask({ 'if-modified-since': 'Thu, 26 Nov 2026 00:00:00 GMT', 'if-none-match': '"x"' })).toBe(false);
    expect(ask({ 'if-modified-since': '9999' })).toBe(false);
  });

  test('sends the file to a request that asks nothing', () => {
    expect(ask({})).toBe(false);
  });
});
