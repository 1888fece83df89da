import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, CODE_SUFFIX_ALPHABET, EARLIEST_EVENT_TIME, mintCode, normalizeCode } from './code.js';

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
