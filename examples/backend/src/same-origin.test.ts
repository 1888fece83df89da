import { describe, expect, test } from 'vitest';
import { fromOwnOrigin } from './same-origin.js';

const SHOP = 'http://127.0.0.1:5173';
const from = (headers: Record<string, string>) => fromOwnOrigin(new Headers(headers), SHOP);

describe('fromOwnOrigin', () => {
  test("takes a form posted from the shop's own page", () => {
    expect(from({ 'sec-fetch-site': 'same-origin', origin: SHOP })).toBe(true);
  });

  test('takes either header alone when it names the shop', () => {
    expect(from({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(from({ origin: SHOP })).toBe(true);
  });

  test.each([
    ['a cross-site form', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['a sibling site on another port', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:5174' }],
    ['another origin that claims same-origin', { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }],
    ['the shop’s origin with a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: SHOP }],
    ['an opaque origin', { origin: 'null' }],
    ['a typed address, not a page', { 'sec-fetch-site': 'none' }],
    ['a request that says neither', {}],
  ])('refuses %s', (_why, headers) => {
    expect(from(headers)).toBe(false);
  });
});
