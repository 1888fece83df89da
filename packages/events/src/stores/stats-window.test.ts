import { describe, expect, it } from 'vitest';
import { aProgram } from '../testing/fixtures.js';
import { statsWindow } from './stats-window.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const iso = (window: { from: Date; to: Date }) => [window.from.toISOString(), window.to.toISOString()];

describe('statsWindow', () => {
  it('reads a date alone as its whole UTC day, so that an inclusive end takes that day in', () => {
    const window = statsWindow(aProgram(), { program: 'spring-2026', from: '2026-11-01', to: '2026-11-05', now: NOW });
    expect(iso(window)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-05T23:59:59.999Z']);
  });

  it('reads ISO times with Z or an offset as the instants they name', () => {
    const window = statsWindow(aProgram(), {
      program: 'spring-2026',
      from: '2026-11-01T09:00:00+09:00',
      to: '2026-11-05T00:00:00Z',
      now: NOW,
    });
    expect(iso(window)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-05T00:00:00.000Z']);
  });

  it('opens a period without `from` at 00:00 UTC of the 30th day up to the day of `to`, never inside a day', () => {
    const days = (to: Date | string) => iso(statsWindow(aProgram(), { program: 'spring-2026', to, now: NOW }));
    expect([days('2027-01-10'), days(NOW), days(new Date('2026-11-23T00:00:00.000Z'))]).toEqual([
      ['2026-12-12T00:00:00.000Z', '2027-01-10T23:59:59.999Z'],
      ['2026-10-24T00:00:00.000Z', '2026-11-22T10:00:00.000Z'],
      ['2026-10-25T00:00:00.000Z', '2026-11-23T00:00:00.000Z'],
    ]);
  });

  it('names `to` when it is no time, not the default `from` read from it', () => {
    expect(() => statsWindow(aProgram(), { program: 'spring-2026', to: '2026-13-01', now: NOW })).toThrow(
      '[referkit] Could not compute stats: `to` is not a time.',
    );
  });

  it('refuses a time without a zone, which each server would read in its own, and a day no calendar has', () => {
    for (const from of ['2026-11-01T00:00:00', 'Nov 1 2026 00:00', '11/01/2026', '2026-02-30', '2026-13-01']) {
      expect(() => statsWindow(aProgram(), { program: 'spring-2026', from, to: NOW, now: NOW }), from).toThrow(
        '[referkit] Could not compute stats: `from` is not a time. Pass a Date, a date (2026-11-05) or an ISO time with Z or an offset.',
      );
    }
  });
});
