import { describe, expect, it } from 'vitest';
import { countsNeeded } from './counts-needed.js';
import { aProgram } from './testing/fixtures.js';

const reward = { basis: 'fixed', type: 'credit', amount: 1500 } as const;

describe('countsNeeded', () => {
  it('is 0 for a program that compares no count', () => {
    expect(countsNeeded(aProgram())).toBe(0);
  });

  it('is the highest of the cap, the promotion, and the tiers of the program and of each role', () => {
    expect(countsNeeded(aProgram({ maxRedemptionsPerCode: 50 }))).toBe(50);
    expect(countsNeeded(aProgram({ maxRedemptionsPerCode: 5, promoteToCommunityLeaderAfter: 8 }))).toBe(8);
    expect(
      countsNeeded(
        aProgram({
          maxRedemptionsPerCode: 5,
          tiers: [
            { minRedemptions: 3, reward },
            { minRedemptions: 12, reward },
          ],
        }),
      ),
    ).toBe(12);
    expect(
      countsNeeded(
        aProgram({
          tiers: [{ minRedemptions: 3, reward }],
          roles: { influencer: { tiers: [{ minRedemptions: 40, reward }] } },
        }),
      ),
    ).toBe(40);
  });
});
