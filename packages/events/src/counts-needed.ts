/**
 * How far a store must count an ambassador's first orders for the rules to decide. The rules read a
 * history's `redemptions` and `confirmedRedemptions` only against the program's thresholds (the cap
 * per code, the tiers, the promotion), so a count at the highest of them decides as the exact count
 * would. A store that stops there keeps each redemption of an ambassador with a large following as
 * quick as their first, where an exact count reads every earlier first order of theirs.
 */
import type { Program } from './program.js';

/**
 * The highest threshold `program` compares first-order counts with: `maxRedemptionsPerCode`,
 * `promoteToCommunityLeaderAfter`, and the `minRedemptions` of its tiers and its roles' tiers.
 * 0 when it compares none (no count needs reading).
 * @example countsNeeded(programSchema.parse({ ...terms, maxRedemptionsPerCode: 50 })) // 50
 */
export function countsNeeded(program: Program): number {
  let highest = Math.max(program.maxRedemptionsPerCode ?? 0, program.promoteToCommunityLeaderAfter ?? 0);
  for (const tiers of [program.tiers, ...Object.values(program.roles).map((role) => role?.tiers)])
    for (const tier of tiers ?? []) highest = Math.max(highest, tier.minRedemptions);
  return highest;
}
