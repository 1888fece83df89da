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
  it("counts views of one code within the session as one landing, whatever other codes' came between", () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const memory = attribution(createStorage('granted'));
    const views = ['ALEX-7HC2QK', 'BOB-7HC2QK', 'ALEX-7HC2QK', 'BOB-7HC2QK'].map((code, minute) => {
      vi.setSystemTime(T + minute * 60e3);
      memory.land({ code });
      return memory.landing(code);
    });
    expect(views).toEqual([true, true, false, false]);
    // Last touch: the link followed last has the credit.
    expect(memory.read()).toMatchObject({ code: 'BOB-7HC2QK' });
  });
  it('remembers the last few codes seen, not every code ever seen', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const store = createStorage('granted');
    const memory = attribution(store);
    for (let n = 0; n < 100; n++) memory.landing(`A${n}-7HC2QK`);
    expect(memory.landing('A99-7HC2QK')).toBe(false);
    expect(memory.landing('A95-7HC2QK')).toBe(false);
    expect(store.get('seen')!.length).toBeLessThan(150);
  });
  it("reads an earlier version's record of the last code seen, then adds to it", () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T + 10 * 60e3 });
    const store = createStorage('granted');
    // One record for the site, by code alone: it holds for every program within its half hour.
    store.set('seen', `ALEX-7HC2QK ${T}`);
    const memory = attribution(store, {}, ' spring-2026 /api/referrals/events');
    expect([memory.landing('ALEX-7HC2QK'), memory.landing('BOB-7HC2QK'), memory.landing('ALEX-7HC2QK')]).toEqual([
      false,
      true,
      false,
    ]);
    // Nor does it outlive its half hour.
    vi.setSystemTime(T + 31 * 60e3);
    memory.read();
    expect(store.get('seen')).toBeNull();
  });
  it('counts a landing once for each program and endpoint on the site, which share its storage', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const store = createStorage('granted');
    const ambassadors = attribution(store, {}, ' ambassadors /api-a/referrals/events');
    const leaders = attribution(store, {}, ' leaders /api-b/referrals/events');
    // Two brands on one domain under one program id, each with its own receiver.
    const otherBrand = attribution(store, {}, ' ambassadors /brand-b/api/referrals/events');
    const views = [ambassadors, leaders, otherBrand, ambassadors, leaders, otherBrand].map((memory) =>
      memory.landing('MAYA-7HC2QK'),
    );
    expect(views).toEqual([true, true, true, false, false, false]);
    // A client made again for a program (the next page) reads that program's record.
    expect(attribution(store, {}, ' leaders /api-b/referrals/events').landing('MAYA-7HC2QK')).toBe(false);
  });
  it("forgets every program's landings with the referral", () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const store = createStorage('granted');
    const ambassadors = attribution(store, {}, ' ambassadors /api-a/referrals/events');
    const leaders = attribution(store, {}, ' leaders /api-b/referrals/events');
    ambassadors.land(found);
    ambassadors.landing(found.code);
    leaders.landing(found.code);
    store.set('seen', `${found.code} ${T}`);
    leaders.clear();
    expect(store.keys()).toEqual([]);
  });
  it('forgets each landing once its half hour is over, and the record with the last of them', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T });
    const store = createStorage('granted');
    const memory = attribution(store);
    memory.landing('ALEX-7HC2QK');
    vi.setSystemTime(T + 20 * 60e3);
    memory.landing('BOB-7HC2QK');
    // A page without a link only reads the referral.
    vi.setSystemTime(T + 31 * 60e3);
    memory.read();
    expect(store.get('seen')).toBe(`BOB-7HC2QK ${T + 20 * 60e3}`);
    vi.setSystemTime(T + 51 * 60e3);
    memory.read();
    expect(store.get('seen')).toBeNull();
  });
});
