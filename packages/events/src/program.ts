/**
 * A referral program: the two-sided terms a brand offers, and the rules that keep them honest.
 * Parse what a brand configures with `programSchema.parse`; defaults fill what it leaves out.
 */
import { z } from 'zod';
import { attributionModel, audienceTier, currency, minorUnits, slug, text, timestamp } from './primitives.js';

const percent = z.number().gt(0).max(100);

/** What the friend gets: a percent off, a fixed amount off, or free shipping. */
export const friendOfferSchema = z.discriminatedUnion('kind', [
  // A cap of 0 would make the offer nothing, as a percent of 0 would. Free shipping may cap at 0: the
  // shop still waives the shipping, and reports no discount for it.
  z.strictObject({
    kind: z.literal('percent'),
    percent: z.int().min(1).max(100),
    maxDiscount: minorUnits.min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('fixed'), amount: minorUnits.min(1) }),
  // The shipping price varies by order; `maxDiscount` caps what a free-shipping claim may be worth.
  z.strictObject({ kind: z.literal('free_shipping'), maxDiscount: minorUnits.optional() }),
]);
/** What the friend gets. */
export type FriendOffer = z.infer<typeof friendOfferSchema>;

/** What the ambassador earns per redemption: credit, cash or points, fixed or a percent of the order's total. */
export const ambassadorRewardSchema = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('fixed'), type: z.enum(['credit', 'cash', 'points']), amount: minorUnits.min(1) }),
  z.strictObject({ basis: z.literal('percent'), type: z.enum(['credit', 'cash', 'points']), percent }),
]);
/** What the ambassador earns per redemption. */
export type AmbassadorReward = z.infer<typeof ambassadorRewardSchema>;

/** A higher reward from a count of confirmed redemptions on. */
export const rewardTierSchema = z.strictObject({
  minRedemptions: z.int().min(1),
  reward: ambassadorRewardSchema,
});
/** A reward that applies from a count of confirmed redemptions on. */
export type RewardTier = z.infer<typeof rewardTierSchema>;

const roleTerms = {
  friendOffer: friendOfferSchema.optional(),
  ambassadorReward: ambassadorRewardSchema.optional(),
  tiers: z.array(rewardTierSchema).max(20).optional(),
};

/** Per-role overrides of the program's terms. */
export const roleOverridesSchema = z.strictObject({
  ambassador: z.strictObject(roleTerms).optional(),
  community_leader: z
    .strictObject({
      ...roleTerms,
      // Retention: a leader also earns when a member they brought orders again within the window.
      repeatOrderReward: ambassadorRewardSchema.optional(),
      repeatWindowDays: z.int().min(1).max(730).default(90),
    })
    .optional(),
  influencer: z
    .strictObject({
      ...roleTerms,
      startsAt: timestamp.optional(),
      endsAt: timestamp.optional(),
      audienceRewards: z.partialRecord(audienceTier, ambassadorRewardSchema).optional(),
    })
    .optional(),
});
/** The program's terms as each role overrides them. */
export type RoleOverrides = z.infer<typeof roleOverridesSchema>;

/** A two-sided referral program. */
export const programSchema = z
  .strictObject({
    id: slug,
    brand: text.trim().min(1).max(80),
    currency,
    friendOffer: friendOfferSchema,
    // Judged on the order's subtotal, before the friend's discount.
    minimumOrder: minorUnits.optional(),
    firstOrderOnly: z.boolean().default(true),
    ambassadorReward: ambassadorRewardSchema,
    tiers: z.array(rewardTierSchema).max(20).default([]),
    roles: roleOverridesSchema.default({}),
    // Counts confirmed first orders: recorded, not reversed, and past the reward hold, so an order
    // that is refunded within the hold never promotes anyone; a later reversal takes it back.
    promoteToCommunityLeaderAfter: z.int().min(1).optional(),
    attribution: z
      .strictObject({ windowDays: z.int().min(1).max(365).default(30), model: attributionModel.default('last_touch') })
      .default({ windowDays: 30, model: 'last_touch' }),
    maxRedemptionsPerCode: z.int().min(1).optional(),
    // 14 days matches the usual refund window; rewards stay pending until it passes.
    rewardHoldDays: z.int().min(0).max(365).default(14),
    contributionTarget: z.strictObject({ shares: z.int().min(1).max(1000), per: z.enum(['week', 'month']) }).optional(),
    disclosure: z.strictObject({ text: text.trim().min(1).max(200), required: z.boolean().default(true) }).optional(),
    shareMessage: text.trim().min(1).max(500).optional(),
    startsAt: timestamp.optional(),
    endsAt: timestamp.optional(),
  })
  .superRefine((program, ctx) => {
    checkDates(ctx, program.startsAt, program.endsAt, ['endsAt']);
    const influencer = program.roles.influencer;
    checkDates(ctx, influencer?.startsAt, influencer?.endsAt, ['roles', 'influencer', 'endsAt']);
    checkTiers(ctx, program.tiers, ['tiers']);
    for (const name of ['ambassador', 'community_leader', 'influencer'] as const) {
      const tiers = program.roles[name]?.tiers;
      if (tiers) checkTiers(ctx, tiers, ['roles', name, 'tiers']);
    }
  });

/** A parsed program, defaults filled in. */
export type Program = z.infer<typeof programSchema>;
/** A program as a brand writes it, defaults optional. */
export type ProgramInput = z.input<typeof programSchema>;

function checkDates(ctx: z.RefinementCtx, startsAt: string | undefined, endsAt: string | undefined, path: string[]) {
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
    ctx.addIssue({ code: 'custom', path, message: 'Expected the end to come after the start' });
  }
}

function checkTiers(ctx: z.RefinementCtx, tiers: RewardTier[], path: (string | number)[]) {
  tiers.forEach((tier, index) => {
    const previous = tiers[index - 1];
    if (previous && tier.minRedemptions <= previous.minRedemptions) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'minRedemptions'],
        message: 'Expected tiers in increasing order of minRedemptions',
      });
    }
  });
}
