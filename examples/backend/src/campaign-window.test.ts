import { programSchema } from '@referkit/events';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { campaignAround, stretchCampaign } from './campaign-window.js';
import { demoProgram } from './demo-program.js';

const DAY_MS = 86_400_000;
const start = new Date('2026-03-01T09:00:00.000Z');
const at = (days: number) => new Date(start.getTime() + days * DAY_MS).toISOString();

describe('campaign window', () => {
  test('runs from a week before a start to 60 days after it', () => {
    expect(campaignAround(start)).toEqual({ startsAt: at(-7), endsAt: at(60) });
  });

  test('stretches a window that ended to 60 days after the start, keeping its beginning', () => {
    const seeded = campaignAround(start);
    expect(stretchCampaign(seeded, new Date(at(200)))).toEqual({ startsAt: at(-7), endsAt: at(260) });
  });

  test('keeps a window that already holds the one around the start, and any other field', () => {
    const wide = { startsAt: at(-30), endsAt: at(90), percent: 10 };
    expect(stretchCampaign(wide, start)).toEqual(wide);
  });

  test('leaves an open end open', () => {
    expect(stretchCampaign({ endsAt: at(-1) }, start)).toEqual({ endsAt: at(60) });
    expect(stretchCampaign({}, start)).toEqual({});
  });

  test('always holds the start, never shrinks, and keeps the program valid', () => {
    const day = fc.integer({ min: -3000, max: 3000 });
    fc.assert(
      fc.property(day, day, day, (seededAt, length, startedAt) => {
        const seeded = { startsAt: at(seededAt), endsAt: at(seededAt + Math.abs(length) + 1) };
        const now = new Date(at(startedAt));
        const window = stretchCampaign(seeded, now);
        expect(Date.parse(window.startsAt)).toBeLessThanOrEqual(Math.min(now.getTime(), Date.parse(seeded.startsAt)));
        expect(Date.parse(window.endsAt)).toBeGreaterThanOrEqual(Math.max(now.getTime(), Date.parse(seeded.endsAt)));
        const program = demoProgram(new Date(at(seededAt)));
        const influencer = { ...program.roles?.influencer, ...window };
        expect(programSchema.safeParse({ ...program, roles: { ...program.roles, influencer } }).success).toBe(true);
      }),
    );
  });
});
