/** Terms by role: the retention reward is a leader's, the program's campaign window an influencer's (a person's own is anyone's), the promotion an ambassador's. */
import { describe, expect, it } from 'vitest';
import { clawbackFor, isRepeatOrderInWindow, rewardsFor, standingOf, termsFor } from './rewards.js';
import { checkRedemption } from './rules.js';
import { anAmbassador, aProgram, aRedemption } from './testing/fixtures.js';

const leader = {
  community_leader: { repeatOrderReward: { basis: 'fixed' as const, type: 'credit' as const, amount: 300 } },
};

describe('terms by role', () => {
  it('pays the leaders’ retention reward to community leaders only, not to a plain ambassador', () => {
    const program = aProgram({ firstOrderOnly: false, roles: leader });
    const repeat = aRedemption({ customer: { id: 'c_9', firstOrder: false } });
    const history = {
      redemptions: 1,
      customerOrders: [{ code: 'ALEX-7HC2QK', occurredAt: '2026-11-01T00:00:00.000Z' }],
    };
    expect(termsFor(program, anAmbassador(), history).repeatOrderReward).toBeUndefined();
    expect(rewardsFor(program, anAmbassador(), repeat, history).ambassador?.amount).toBe(1000);
  });
  it('applies the influencer campaign window to influencers only', () => {
    const program = aProgram({
      roles: { influencer: { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z' } },
    });
    expect(termsFor(program, anAmbassador(), { redemptions: 0 }).campaign).toBeUndefined();
    expect(checkRedemption(program, anAmbassador(), aRedemption(), { redemptions: 0 })).toBeNull();
  });
  it("applies a person's own campaign whatever their role, a promoted ambassador's too", () => {
    const program = aProgram({ promoteToCommunityLeaderAfter: 1 });
    const campaign = { startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2026-11-01T00:00:00.000Z' };
    const refusals = (
      [
        [anAmbassador({ campaign }), 0],
        [anAmbassador({ campaign }), 1],
        [anAmbassador({ role: 'community_leader', campaign }), 0],
      ] as const
    ).map(([person, confirmed]) => {
      const history = { redemptions: confirmed };
      return [termsFor(program, person, history).role, checkRedemption(program, person, aRedemption(), history)?.code];
    });
    expect(refusals).toEqual([
      ['ambassador', 'campaign_inactive'],
      ['community_leader', 'campaign_inactive'],
      ['community_leader', 'campaign_inactive'],
    ]);
  });
  it('does not throw for an influencer with an audience tier when the program has no audience rewards', () => {
    const program = aProgram({ roles: { influencer: {} } });
    const influencer = anAmbassador({ role: 'influencer', audienceTier: 'macro' as never });
    expect(() => termsFor(program, influencer, { redemptions: 0 })).not.toThrow();
  });
  it('promotes only plain ambassadors', () => {
    const program = aProgram({ promoteToCommunityLeaderAfter: 1 });
    expect(termsFor(program, anAmbassador({ role: 'influencer' }), { redemptions: 5 }).role).toBe('influencer');
  });
  it('works out the standing of a redemption without a customer', () => {
    const { customer: _, ...anonymous } = aRedemption();
    expect(() => standingOf(aProgram(), anAmbassador(), anonymous as never, { redemptions: 0 })).not.toThrow();
  });
  it('claws back nothing for a redemption without rewards', () => {
    expect(clawbackFor(null, new Date())).toBeNull();
  });
  it('reads no repeat order in a window for terms without a repeat reward', () => {
    expect(
      isRepeatOrderInWindow({ repeatWindowDays: 90 }, { code: 'A', occurredAt: '2026-11-02T00:00:00Z' }, [
        { code: 'A', occurredAt: '2026-11-01T00:00:00Z' },
      ]),
    ).toBe(false);
  });
  it('counts the hold from a Date recordedAt as from its ISO string', () => {
    const at = new Date('2026-11-22T10:00:05.000Z');
    const a = rewardsFor(aProgram(), anAmbassador(), aRedemption(), { redemptions: 0, recordedAt: at });
    const b = rewardsFor(aProgram(), anAmbassador(), aRedemption(), { redemptions: 0, recordedAt: at.toISOString() });
    expect(a.ambassador?.confirmsAt).toBe(b.ambassador?.confirmsAt);
  });
});
