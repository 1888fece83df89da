/** The memory store's own bookkeeping: a program's stats list only its ambassadors, by code, and a person's update stops at a code given to another. */
import { describe, expect, it } from 'vitest';
import { anAmbassador, aProgram } from '../testing/fixtures.js';
import { memoryStore } from './memory-store.js';

describe('memory store', () => {
  it('lists only the program’s own ambassadors in its stats, by code', async () => {
    const store = memoryStore();
    await store.upsertAmbassador(aProgram(), anAmbassador({ id: 'z', code: 'ZED-7HC2QK' }));
    await store.upsertAmbassador(aProgram(), anAmbassador({ id: 'a', code: 'ALEX-7HC2QK' }));
    await store.upsertAmbassador(aProgram({ id: 'other' }), anAmbassador({ id: 'o', code: 'OTTO-7HC2QK' }));
    const stats = await store.stats({ program: 'spring-2026' });
    expect(stats.ambassadors.map((a) => a.code)).toEqual(['ALEX-7HC2QK', 'ZED-7HC2QK']);
  });
  it('an update of a person does not reach a code since registered to someone else', async () => {
    const store = memoryStore();
    const program = aProgram();
    await store.upsertAmbassador(program, anAmbassador({ id: 'p', code: 'ALEX-7HC2QK', customerId: 'c_p' }));
    await store.upsertAmbassador(program, anAmbassador({ id: 'q', code: 'ALEX-7HC2QK', customerId: 'c_q' }));
    await store.upsertAmbassador(program, anAmbassador({ id: 'p', code: 'PAT-7HC2QK', customerId: 'c_p2' }));
    expect((await store.ambassadorByCode('ALEX-7HC2QK'))?.customerId).toBe('c_q');
  });
  it('throws a RangeError naming the program for stats of an unknown program', async () => {
    await expect(memoryStore().stats({ program: 'nope' })).rejects.toThrow(RangeError);
  });
});
