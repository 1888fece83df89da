import { describe, expect, test } from 'vitest';
import { fromOtherOrigin, fromOwnOrigin } from './same-origin.js';

const SHOP = 'http://127.0.0.1:5173';
const ORIGINS = [SHOP, 'http://localhost:5173'];
const from = (headers: Record<string, string>) => fromOwnOrigin(new Headers(headers), ORIGINS);

describe('fromOwnOrigin', () => {
  test("takes a form posted from the shop's own page", () => {
    expect(from({ 'sec-fetch-site': 'same-origin', origin: SHOP })).toBe(true);
  });

  test('takes either header alone when it names the shop', () => {
    expect(from({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(from({ origin: SHOP })).toBe(true);
  });

  test('takes a form from the shop’s page opened under another of its names', () => {
    expect(from({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' })).toBe(true);
  });

  test.each([
    ['a cross-site form', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['a sibling site on another port', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:5174' }],
    ['another origin that claims same-origin', { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }],
    [
      'a page on a name pointed at the shop (DNS rebinding)',
      { 'sec-fetch-site': 'same-origin', origin: 'http://rebind.attacker.test:5173' },
    ],
    ['the shop’s origin with a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: SHOP }],
    ['an opaque origin', { origin: 'null' }],
    ['a typed address, not a page', { 'sec-fetch-site': 'none' }],
    ['a request that says neither', {}],
  ])('refuses %s', (_why, headers) => {
    expect(from(headers)).toBe(false);
  });
});

describe('fromOtherOrigin', () => {
  const other = (headers: Record<string, string>) => fromOtherOrigin(new Headers(headers), ORIGINS);

  test("takes the shop's own pages, and a script or server that names no origin", () => {
    expect([other({ origin: SHOP }), other({ origin: 'http://localhost:5173' }), other({})]).toEqual([
      false,
      false,
      false,
    ]);
  });

  test.each([
    ['another site', 'https://evil.example'],
    ['a page on a name pointed at the shop (DNS rebinding)', 'http://rebind.attacker.test:5173'],
    ['an opaque origin', 'null'],
  ])('refuses %s', (_why, origin) => {
    expect(other({ origin })).toBe(true);
  });
});
