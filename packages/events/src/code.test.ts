import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_PATTERN,
  CODE_SUFFIX_ALPHABET,
  EARLIEST_EVENT_TIME,
  EVENT_ID_PATTERN,
  mintCode,
  normalizeCode,
  SLUG_PATTERN,
} from './code.js';

describe('normalizeCode', () => {
  it.each([
    ['ALEX-7HC2QK', 'ALEX-7HC2QK'],
    ['alex-7hc2qk', 'ALEX-7HC2QK'],
    ['  alex 7hc2qk ', 'ALEX-7HC2QK'],
    ['ALEX7HC2QK', 'ALEX-7HC2QK'],
    ['ａｌｅｘ－７ｈｃ２ｑｋ', 'ALEX-7HC2QK'],
    ['a l e x\t7 h c 2 q k', 'ALEX-7HC2QK'],
    ['A-7HC2QK', 'A-7HC2QK'],
    ['ZOEOBRIEN123-7HC2QK', 'ZOEOBRIEN123-7HC2QK'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['-7HC2QK', 'no handle'],
    ['ALEX-7HC2Q', 'a short suffix'],
    ['ALEX-7HC2Q0', 'a zero in the suffix'],
    ['ALEX-7HC2QO', 'an O in the suffix'],
    ['ALEX-7HC2QI', 'an I in the suffix'],
    ['ALEX-7HC2Q1', 'a one in the suffix'],
    ['ALEX-7HC2QL', 'an L in the suffix'],
    ['ABCDEFGHIJKLM-7HC2QK', 'a handle of 13'],
    ['ALEX_7HC2QK', 'an underscore'],
    ['ALEX--7HC2QK', 'two dashes'],
    ['STRAßE-7HC2QK', 'a letter outside A–Z'],
    ['<script>-7HC2QK', 'markup'],
    ['ALEX-7HC2QK'.padEnd(1_000_000, 'A'), 'a megabyte'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizeCode(input)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ['ALEX-7HC2QK']])('refuses the non-string %j', (input) => {
    expect(normalizeCode(input)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const once = normalizeCode(input);
        expect(once === null ? null : normalizeCode(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns only codes that match the pattern', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (input) => {
        const code = normalizeCode(input);
        if (code !== null) expect(code).toMatch(CODE_PATTERN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mintCode', () => {
  it('derives the handle from a name without accents or punctuation', () => {
    expect(mintCode("Zoë O'Brien")).toMatch(/^ZOEOBRIEN-[2-9A-HJKMNP-Z]{6}$/);
  });

  it('cuts a long handle to 12 characters', () => {
    expect(mintCode('Maximiliana Featherstonehaugh').split('-')[0]).toBe('MAXIMILIANAF');
  });

  it('falls back to REF when the name has no usable character', () => {
    expect(mintCode('李小龙')).toMatch(/^REF-/);
    expect(mintCode()).toMatch(/^REF-/);
  });

  it('uses only the suffix alphabet without look-alikes', () => {
    const suffixes = Array.from({ length: 200 }, () => mintCode('a').slice(2)).join('');
    for (const character of suffixes) expect(CODE_SUFFIX_ALPHABET).toContain(character);
    expect(suffixes).not.toMatch(/[01OIL]/);
  });

  it('round-trips through normalizeCode, whatever the name', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (name) => {
        const code = mintCode(name);
        expect(normalizeCode(code)).toBe(code);
        expect(normalizeCode(code.toLowerCase().replace('-', ' '))).toBe(code);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('EARLIEST_EVENT_TIME', () => {
  it('is the first moment of 2000 in UTC', () => {
    expect(new Date(EARLIEST_EVENT_TIME).toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});

// The browser bundles carry these patterns: each is written short, and accepts exactly what it says
// spelled out in full. Candidates are the pattern's own characters and some others, of every length
// around the bounds, each length as likely as the next (ſ and the Kelvin sign are `\w` under the `iu` flags).
describe('the event id and slug patterns', () => {
  const ofLength = (prefix: string, characters: string) =>
    fc
      .integer({ min: 0, max: 70 })
      .chain((length) => fc.string({ unit: fc.constantFrom(...characters), minLength: length, maxLength: length }))
      .map((rest) => prefix + rest);
  const candidates = (prefix: string, valid: string, others: string) =>
    fc.oneof(fc.string({ maxLength: 70 }), ofLength(prefix, valid), ofLength(prefix, valid + others));

  it('takes as an event id exactly `evt_` and 8–64 of A–Z, a–z, 0–9, _ and -', () => {
    const spelled = /^evt_[A-Za-z0-9_-]{8,64}$/;
    fc.assert(
      fc.property(candidates('evt_', 'aZ09_-', '.é\u017f\u212a\n'), (id) => {
        expect(EVENT_ID_PATTERN.test(id)).toBe(spelled.test(id));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes as a slug exactly 1–64 of a–z, 0–9 and dashes, with no dash at either end', () => {
    const spelled = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
    fc.assert(
      fc.property(candidates('', 'az09-', 'A_\n'), (slug) => {
        expect(SLUG_PATTERN.test(slug)).toBe(spelled.test(slug));
      }),
      { numRuns: 2000 },
    );
  });
});
