/**
 * A page whose `Object.prototype` an old library extended with enumerable properties (Prototype.js,
 * MooTools, a polyfill written with plain assignment): every object then seems to have them, to `for…in`
 * and to a read of a property the object lacks. The SDK reads what it was given as own properties.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaptureClient } from './capture-client.js';
import { buildShareLink } from './link.js';
import { installPage } from './testing/fake-page.js';

const prototype = Object.prototype as Record<string, unknown>;
const added: string[] = [];

/** Adds an enumerable property to Object.prototype until the test ends, as `Object.prototype.foo = 'bar'` does. */
function pollute(name: string, value: unknown) {
  prototype[name] = value;
  added.push(name);
}

afterEach(() => {
  for (const name of added.splice(0)) delete prototype[name];
  vi.unstubAllGlobals();
});

describe('with enumerable properties on Object.prototype', () => {
  it('builds a share link of the given tags only', () => {
    pollute('foo', 'bar');
    const link = buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm: { source: 'ambassador' } });
    expect(link).toEqual({ ok: true, value: 'https://shop.example/?ref=ALEX-7HC2QK&utm_source=ambassador' });
  });

  it('builds a share link without a channel, param or UTM tags it was not given', () => {
    pollute('channel', 'evil');
    pollute('param', 'evil');
    pollute('utm', { source: 'evil' });
    pollute('source', 'evil');
    const link = buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK', utm: {} });
    expect(link).toEqual({ ok: true, value: 'https://shop.example/?ref=ALEX-7HC2QK' });
    expect(buildShareLink({ base: 'https://shop.example/', code: 'ALEX-7HC2QK' })).toEqual(link);
  });

  it('captures with the param the brand left unset, `ref`', () => {
    installPage('https://shop.example/p?ref=alex-7hc2qk');
    pollute('param', 'evil');
    pollute('cleanUrl', true);
    const client = createCaptureClient({
      program: 'spring-2026',
      endpoint: '/api',
      fetch: async () => Response.json({ status: 'recorded' }, { status: 201 }),
    });
    expect(client.capture()?.code).toBe('ALEX-7HC2QK');
    expect(client.shareLink({ code: 'ALEX-7HC2QK' })).toEqual({
      ok: true,
      value: 'https://shop.example/?ref=ALEX-7HC2QK',
    });
  });
});
