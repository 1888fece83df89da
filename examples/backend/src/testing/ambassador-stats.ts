/** An ambassador's stats row for the dashboard's tests: every figure empty unless given. */
import type { AmbassadorStats } from '@referkit/events';

export const ambassadorStats = (
  code: string,
  displayName: string,
  figures: Partial<AmbassadorStats> = {},
): AmbassadorStats => ({
  code,
  displayName,
  role: 'ambassador',
  promoted: false,
  landings: 0,
  shares: { total: 0, byChannel: {} },
  redemptions: 0,
  firstOrders: 0,
  conversionRate: null,
  revenue: 0,
  friendDiscounts: 0,
  rewardCost: 0,
  rewardPoints: 0,
  roi: null,
  repeatOrderRate: null,
  rewards: {},
  ...figures,
});
