import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildShareLink, fetchableUrl, readReferral, withoutParams } from './link.js';

describe('buildShareLink', () => {
  it('adds the normalised code and the channel', () => {
    expect(buildShareLink({ base: 'https://shop.example/p', code: 'alex 7hc2qk', channel: 'whatsapp' })).toEqual({
      ok: true,
      value: 'https://shop.example/p?ref=ALEX-7HC2QK&rk_ch=whatsapp',
    });
  });

  it('drops the channel of a base that was itself a shared link, and replaces it when one is given', () => {
    const base = 'https://shop.example/p?ref=SAM-7HC2QK&rk_ch=sms&size=m';
    expect(buildShareLink({ base, code: 'ALEX-7HC2QK' })).toEqual({
      ok: true,
      value: 'https://shop.example/p?size=m&ref=ALEX-7HC2QK',
    });
    expect(buildShareLink({ base, code: 'ALEX-7HC2QK', channel: 'qr' })).toEqual({
      ok: true,
      value: 'https://shop.example/p?size=m&ref=ALEX-7HC2QK&rk_ch=qr',
    });
  });

  it("keeps the base URL's query and hash", () => {
    const link = buildShareLink({ base: 'https://shop.example/p?size=m&color=red#reviews', code: 'ALEX-7HC2QK' });
    expect(link).toEqual({ ok: true, value: 'https://shop.example/p?size=m&color=red&ref=ALEX-7HC2QK#reviews' });
  });

  it("keeps the base's query byte for byte, however it is encoded", () => {
    // A signed or tracked address depends on its bytes: URLSearchParams would write `a+b`, `flag=`, `%7Ex`.
    const base = 'https://shop.example/p?x=1&y=a%20b&flag&t=~x&s=1;k=2#top';
    expect(buildShareLink({ base, code: 'ALEX-7HC2QK', channel: 'sms' })).toEqual({
      ok: true,
      value: 'https://shop.example/p?x=1&y=a%20b&flag&t=~x&s=1;k=2&ref=ALEX-7HC2QK&rk_ch=sms#top',
    });
  });

  it('replaces a UTM tag of the base', () => {
    const utm = { source: 'ambassador', medium: 'a&b' };
    const link = buildShareLink({ base: 'https://shop.example/?utm_source=old&id=7', code: 'ALEX-7HC2QK', utm });
    expect(link).toEqual({
      ok: true,
      value: 'https://shop.example/?id=7&ref=ALEX-7HC2QK&utm_source=ambassador&utm_medium=a%26b',
    });
  });

  it("keeps the base's own tag where a UTM tag is given as undefined (an unset variable)", () => {
    const utm = { source: undefined, campaign: 'spring' };
    const base = 'https://shop.example/spring?utm_source=newsletter&utm_medium=email';
    expect(buildShareLink({ base, code: 'ALEX-7HC2QK', utm })).toEqual({
      ok: true,
      value: 'https://shop.example/spring?utm_source=newsletter&utm_medium=email&ref=ALEX-7HC2QK&utm_campaign=spring',
    });
  });

  it('replaces an earlier code rather than adding a second one', () => {
    const link = buildShareLink({ base: 'https://shop.example/?ref=OTHER-2222222', code: 'ALEX-7HC2QK' });
    expect(link.ok && new URL(link.value).searchParams.getAll('ref')).toEqual(['ALEX-7HC2QK']);
  });

  it('adds UTM tags and a custom parameter name', () => {
    const link = buildShareLink({
      base: 'http://shop.example/',
      code: 'ALEX-7HC2QK',
      param: 'via',
      utm: { source: 'ambassador', campaign: 'spring sale' },
    });
    expect(link).toEqual({
      ok: true,
      value: 'http://shop.example/?via=ALEX-7HC2QK&utm_source=ambassador&utm_campaign=spring%20sale',
    });
  });

  it('never throws for a UTM value cut inside an emoji', () => {
    const campaign = 'Spring 🌸 sale'.slice(0, 8);
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm: { campaign } })).toEqual({
      ok: true,
      value: 'https://shop.example/?ref=ALEX-7HC2QK&utm_campaign=Spring%20%EF%BF%BD',
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://shop.example/', '/relative', '', 'not a url'])(
    'refuses the base %j',
    (base) => {
      expect(buildShareLink({ base, code: 'ALEX-7HC2QK' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_base' },
      });
    },
  );

  it.each(['https://user:pw@shop.example/p', 'https://user@shop.example/', 'https://:pw@shop.example/'])(
    'refuses the base %j, whose credentials a public link would give away',
    (base) => {
      expect(buildShareLink({ base, code: 'ALEX-7HC2QK' })).toEqual({
        ok: false,
        error: { code: 'invalid_base', message: 'Expected a valid base' },
      });
    },
  );

  it('refuses a code that does not normalise', () => {
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2Q0' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_code' },
    });
  });

  it.each([
    ['empty', { param: '' }],
    ['the channel', { param: 'rk_ch', channel: 'sms' }],
    ['a UTM tag also given', { param: 'utm_source', utm: { source: 'newsletter' } }],
  ] as const)('refuses a param that is %s, which would leave the link without its code', (_why, input) => {
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', ...input })).toEqual({
      ok: false,
      error: { code: 'invalid_param', message: 'Expected a valid param' },
    });
  });

  it.each([
    ['a number', { source: 5 }],
    ['a list', { campaign: ['a'] }],
    ['an object', { medium: { toString: () => 'x' } }],
  ])('refuses a UTM tag whose value is %s, not text', (_what, utm) => {
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm: utm as never })).toEqual({
      ok: false,
      error: { code: 'invalid_utm', message: 'Expected a valid utm' },
    });
  });

  it('refuses a UTM tag whose name is no name, such as the `__proto__` JSON.parse makes an own key', () => {
    for (const utm of [JSON.parse('{"__proto__":"x"}'), { '': 'x' }, { 'a&b': 'x' }]) {
      expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm })).toMatchObject({
        ok: false,
        error: { code: 'invalid_utm' },
      });
    }
  });

  it('takes a UTM tag of a name beyond the five, such as GA4 reads', () => {
    const utm = { source_platform: 'referkit', id: 'spring' } as never;
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm })).toEqual({
      ok: true,
      value: 'https://shop.example/?ref=ALEX-7HC2QK&utm_source_platform=referkit&utm_id=spring',
    });
  });

  it('round-trips every code and channel through readReferral', () => {
    const channel = fc.constantFrom('copy', 'whatsapp', 'x', 'email', 'sms', 'qr', undefined);
    const letters = (alphabet: string, minLength: number, maxLength: number) =>
      fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
    const code = fc
      .tuple(letters('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1, 12), letters('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 6, 6))
      .map(([handle, suffix]) => `${handle}-${suffix}`);
    const query = fc.webQueryParameters();
    fc.assert(
      fc.property(code, channel, query, (code, channel, extra) => {
        const link = buildShareLink({ base: `https://shop.example/p?${extra}`, code, channel });
        expect(link.ok && readReferral(link.value)).toEqual(channel ? { code, channel } : { code });
      }),
      { numRuns: 300 },
    );
  });
});

describe('readReferral', () => {
  it('finds and normalises the code and the channel', () => {
    expect(readReferral('https://shop.example/?ref=alex-7hc2qk&rk_ch=sms')).toEqual({
      code: 'ALEX-7HC2QK',
      channel: 'sms',
    });
  });

  it('reads a relative URL and a custom parameter', () => {
    expect(readReferral('/p?via=ALEX7HC2QK', 'via')).toEqual({ code: 'ALEX-7HC2QK' });
  });

  it('reads the first real code when the parameter comes twice', () => {
    expect(readReferral('https://shop.example/?ref=&ref=junk&ref=alex-7hc2qk&ref=SAM-7HC2QK')).toEqual({
      code: 'ALEX-7HC2QK',
    });
  });

  it('drops a channel the contract does not know', () => {
    expect(readReferral('https://shop.example/?ref=ALEX-7HC2QK&rk_ch=<script>')).toEqual({ code: 'ALEX-7HC2QK' });
  });

  it.each([
    'https://shop.example/',
    'https://shop.example/?ref=',
    'https://shop.example/?ref=<script>alert(1)</script>',
    'https://shop.example/?ref=ALEX-7HC2Q0',
    'http://[::1',
  ])('ignores the junk in %j', (url) => {
    expect(readReferral(url)).toBeNull();
  });
});

describe('withoutParams', () => {
  it.each([
    [
      'https://shop.example/p?q=a%20b&ref=x&flag&rk_ch=sms&sig=x%2Fy#top',
      'https://shop.example/p?q=a%20b&flag&sig=x%2Fy#top',
    ],
    ['https://shop.example/p?ref=x&page=2', 'https://shop.example/p?page=2'],
    ['https://shop.example/p?referrer=x&ref=x', 'https://shop.example/p?referrer=x'],
    ['https://shop.example/p?x=1&r%65f=x&rk%5Fch=sms', 'https://shop.example/p?x=1'],
    // A name that is not valid percent-encoding is compared as written, and kept.
    ['https://shop.example/p?%E0%A4%A=1&ref=x', 'https://shop.example/p?%E0%A4%A=1'],
    ['https://shop.example/p?ref=x', 'https://shop.example/p'],
  ])('takes the referral out of %s and leaves the rest as written', (url, clean) => {
    expect(withoutParams(url, ['ref', 'rk_ch']).href).toBe(clean);
  });

  it('takes out a custom parameter, not ref', () => {
    expect(withoutParams('https://shop.example/?ref=keep&via=x', ['via']).href).toBe('https://shop.example/?ref=keep');
  });
});

describe('fetchableUrl', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads an address against the base, and refuses one that is not http(s)', () => {
    expect(fetchableUrl('/api', 'http://shop.example/p')?.href).toBe('http://shop.example/api');
    expect(fetchableUrl('/api')).toBeUndefined();
    expect(fetchableUrl('ftp://shop.example/api')).toBeUndefined();
  });

  it('refuses an http address from a document whose origin is https, but for a potentially trustworthy host', () => {
    vi.stubGlobal('origin', 'https://shop.example');
    expect(fetchableUrl('http://api.shop.example/api')).toBeUndefined();
    expect(fetchableUrl('//api.shop.example/api', 'http://shop.example/')).toBeUndefined();
    expect(fetchableUrl('https://api.shop.example/api')?.href).toBe('https://api.shop.example/api');
    expect(fetchableUrl('http://0x7f.1:8787/api')?.href).toBe('http://127.0.0.1:8787/api');
  });

  it('takes an http address from a document whose origin is http, or opaque with an http address', () => {
    vi.stubGlobal('origin', 'http://shop.example');
    expect(fetchableUrl('http://api.shop.example/api')).toBeDefined();
    vi.stubGlobal('origin', 'null');
    vi.stubGlobal('location', new URL('http://shop.example/'));
    expect(fetchableUrl('http://api.shop.example/api')).toBeDefined();
    vi.stubGlobal('location', new URL('https://shop.example/'));
    expect(fetchableUrl('http://api.shop.example/api')).toBeUndefined();
  });

  // A sandboxed srcdoc frame (qa153): both origins opaque, its address about:srcdoc, its base its parent's.
  it('goes by the base where neither origin is one, as in a sandboxed srcdoc frame', () => {
    vi.stubGlobal('origin', 'null');
    vi.stubGlobal('location', { origin: 'null', href: 'about:srcdoc' });
    expect(fetchableUrl('http://api.shop.example/api', 'https://shop.example/p')).toBeUndefined();
    expect(fetchableUrl('http://api.shop.example/api', 'http://shop.example/p')).toBeDefined();
  });
});
