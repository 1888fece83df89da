/** The landing session: views of one code within half an hour are one landing; after it, a new landing and a new window. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attribution } from './attribution.js';
import { createStorage } from './storage.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the landing session', () => {
  const found = { code: 'ALEX-7HC2QK' };
  const T = Date.parse('2026-11-22T10:00:00.000Z');
  it('counts a second landing of the same code after the half-hour session', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const memory = attribution(createStorage('granted'));
    memory.land(found);
    expect(memory.landing(found.code)).toBe(true);
    vi.setSystemTime(T + 20 * 60e3);
    expect(memory.landing(found.code)).toBe(false);
    vi.setSystemTime(T + 31 * 60e3);
    expect(memory.landing(found.code)).toBe(true);
  });
  it('a repeat view within the session keeps the landing time; a fresh one after it starts a new window', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const memory = attribution(createStorage('granted'));
    memory.land(found);
    memory.landing(found.code);
    vi.setSystemTime(T + 10 * 60e3);
    memory.land(found);
    expect(memory.read()?.landedAt).toBe(new Date(T).toISOString());
    vi.setSystemTime(T + 2 * 3600e3);
    memory.land(found);
    expect(memory.read()?.landedAt).toBe(new Date(T + 2 * 3600e3).toISOString());
  });
});
