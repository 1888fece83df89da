/** The program and the 100 ambassadors the benchmarks receive events for. */
import { ambassadorSchema, type Program, programSchema } from '../packages/events/src/index.js';

export const program: Program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  tiers: [{ minRedemptions: 10, reward: { basis: 'fixed', type: 'credit', amount: 1500 } }],
});

export const ambassadors = Array.from({ length: 100 }, (_, index) =>
  ambassadorSchema.parse({
    id: `amb_${index}`,
    code: `AMB${index}-7HC2QK`,
    displayName: `Ambassador ${index}`,
    joinedAt: '2026-01-01T00:00:00.000Z',
  }),
);
