import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { iso } from './sql-rows.js';

describe('iso', () => {
  it('reads a timestamptz as a driver hands it over, a Date or text, to the millisecond', () => {
    expect(iso(new Date('2026-11-22T10:00:00.123Z'))).toBe('2026-11-22T10:00:00.123Z');
    expect(iso('2026-11-22 10:00:00.123+00')).toBe('2026-11-22T10:00:00.123Z');
    expect(iso(null)).toBeNull();
  });

  it('reads a Date made in another realm (a driver loaded in a vm context) to the millisecond', () => {
    const foreign = runInNewContext('new Date("2026-11-22T10:00:00.123Z")');
    expect(iso(foreign)).toBe('2026-11-22T10:00:00.123Z');
  });
});
