import { describe, expect, it } from 'vitest';
import { ambassadorSchema } from './ambassador.js';

const alex = () => ({ id: 'amb_1', code: 'ALEX-7HC2QK', displayName: 'Alex', joinedAt: '2026-01-01T00:00:00Z' });

describe('ambassadorSchema', () => {
  it('defaults the role to ambassador', () => {
    expect(ambassadorSchema.parse(alex()).role).toBe('ambassador');
  });

  it('removes bidirectional overrides and control characters from the display name', () => {
    const parsed = ambassadorSchema.parse({ ...alex(), displayName: 'Al\u202Eex\u0000\u2066 Sm\u061Cith\u2069' });
    expect(parsed.displayName).toBe('Alex Smith');
  });

  it('keeps markup as plain text for the renderer to escape', () => {
    expect(ambassadorSchema.parse({ ...alex(), displayName: '<img src=x onerror=alert(1)>' }).displayName).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('caps the display name at 60 characters', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), displayName: 'A'.repeat(61) }).success).toBe(false);
  });

  it('rejects a name made only of invisible characters', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), displayName: '\u202E\u0007 ' }).success).toBe(false);
  });

  it.each([
    ['a zero-width space', '\u200B'],
    ['zero-width joiners', '\u200D \u200D'],
    ['a word joiner', '\u2060'],
    ['a soft hyphen', '\u00AD'],
    ['a variation selector', '\uFE0F'],
    ['Hangul fillers', '\u115F\u1160\u3164\uFFA0'],
    ['a Braille blank', '\u2800'],
    ['interlinear annotation controls', '\uFFF9\uFFFA\uFFFB'],
    ['an object replacement character', '\uFFFC'],
  ])('rejects a name of nothing but %s, which shows nothing', (_, name) => {
    const parsed = ambassadorSchema.safeParse({ ...alex(), displayName: name });
    expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['displayName'], message: 'Expected a name with at least one visible character' },
    ]);
  });

  it('keeps the joiners and spaces of zero width that are part of a visible name', () => {
    // A joined emoji (woman technologist) and a Persian name with its zero-width non-joiner.
    for (const name of ['\u{1F469}\u200D\u{1F4BB} Sam', 'Mahs\u200Cid', '\u0645\u06CC\u200C\u0631\u0636\u0627'])
      expect(ambassadorSchema.parse({ ...alex(), displayName: name }).displayName).toBe(name);
  });

  it.each([
    ['Devanagari', '\u092A\u094D\u0930\u093F\u092F\u093E'],
    ['Hangul', '\uAE40\uBBFC\uC900'],
    ['conjoining Hangul jamo', '\u1100\u1161\u11A8'],
    ['a flag', '\u{1F1F0}\u{1F1F7}'],
    ['a tag sequence', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
    ['an Arabic number sign before its digits', '\u0600\u0661\u0662'],
  ])('keeps a name in %s', (_, name) => {
    expect(ambassadorSchema.parse({ ...alex(), displayName: name }).displayName).toBe(name);
  });

  it('rejects a name that is not well-formed Unicode (a lone surrogate), which no JSON column stores', () => {
    for (const name of ['Alex\uD800', '\uDC00Alex', 'Al\uDFFF\uD83Dex']) {
      const parsed = ambassadorSchema.safeParse({ ...alex(), displayName: name });
      expect(parsed.error?.issues.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: ['displayName'], code: 'invalid_format' },
      ]);
    }
  });

  it('rejects an audience tier outside nano, micro and macro', () => {
    expect(ambassadorSchema.safeParse({ ...alex(), role: 'influencer', audienceTier: 'mega' }).success).toBe(false);
  });
});
