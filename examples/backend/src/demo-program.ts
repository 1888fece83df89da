/**
 * The seeded referral program and its first three ambassadors, one of each role, so that a fresh
 * demo has something on every screen. Dates are relative to the start that seeds them.
 */
import type { AmbassadorInput, ProgramInput } from '@referkit/events';
import { campaignAround } from './campaign-window.js';

/** The demo brand's program: 15% off a friend's first order, $10 credit for the ambassador. */
export function demoProgram(now: Date): ProgramInput {
  return {
    id: 'fernwood-friends',
    brand: 'Fernwood Tea',
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    minimumOrder: 2000,
    firstOrderOnly: true,
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
    tiers: [{ minRedemptions: 10, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
    roles: {
      // Leaders are paid for retention too: 5% of a member's repeat orders within 90 days.
      community_leader: {
        repeatOrderReward: { basis: 'percent', type: 'credit', percent: 5 },
        repeatWindowDays: 90,
      },
      // Influencers are campaign-bound and paid in cash, by audience tier. The window moves with the
      // demo: every start stretches it around itself (campaign-window.ts).
      influencer: {
        ...campaignAround(now),
        ambassadorReward: { basis: 'percent', type: 'cash', percent: 10 },
        audienceRewards: {
          micro: { basis: 'percent', type: 'cash', percent: 10 },
          macro: { basis: 'percent', type: 'cash', percent: 15 },
        },
      },
    },
    promoteToCommunityLeaderAfter: 5,
    attribution: { windowDays: 30, model: 'last_touch' },
    rewardHoldDays: 14,
    contributionTarget: { shares: 3, per: 'week' },
    // One line that is true for every role (credit, cash or a percent), so no role's message misleads.
    disclosure: { text: 'I earn a reward when you order with my link.', required: true },
    // {brand} and {offer} are filled in by the share panel.
    shareMessage: 'I drink {brand} every morning. Here is {offer} with my link.',
  };
}

/**
 * A seeded ambassador, before a code is minted for them; their email becomes the hash and customer
 * id the shop knows them by, as at sign-up.
 */
export type SeedAmbassador = Omit<AmbassadorInput, 'code' | 'joinedAt' | 'id' | 'emailHash' | 'customerId'> & {
  handle: string;
  email: string;
};

/**
 * One ambassador of each role; the influencer's campaign runs around every start. Their emails
 * are on a reserved domain: check out with one and the program refuses the ambassador's own code.
 */
export function demoAmbassadors(now: Date): SeedAmbassador[] {
  return [
    { handle: 'Alex', displayName: 'Alex Rivera', role: 'ambassador', email: 'alex@example.com' },
    { handle: 'Maya', displayName: 'Maya Chen', role: 'community_leader', email: 'maya@example.com' },
    {
      handle: 'Sam',
      displayName: 'Sam Okafor',
      role: 'influencer',
      email: 'sam@example.com',
      audienceTier: 'micro',
      campaign: campaignAround(now),
    },
  ];
}
