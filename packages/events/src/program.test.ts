import { describe, expect, it } from 'vitest';
import { type ProgramInput, programSchema } from './program.js';

const spring = (): ProgramInput => ({
  id: 'spring-2026',
  brand: 'Acme Tea',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});

function pathsOf(input: unknown) {
  const result = programSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
}

describe('programSchema', () => {
  it('fills sensible defaults for what a brand leaves out', () => {
    expect(programSchema.parse(spring())).toMatchObject({
      firstOrderOnly: true,
      tiers: [],
      roles: {},
      attribution: { windowDays: 30, model: 'last_touch' },
      rewardHoldDays: 14,
    });
  });

  it('accepts role overrides, tiers, a target, a disclosure and campaign dates', () => {
    const program = programSchema.parse({
      ...spring(),
      minimumOrder: 2000,
      tiers: [
        { minRedemptions: 5, reward: { basis: 'fixed', type: 'credit', amount: 1500 } },
        { minRedemptions: 10, reward: { basis: 'percent', type: 'cash', percent: 10 } },
      ],
      roles: {
        community_leader: { repeatOrderReward: { basis: 'fixed', type: 'credit', amount: 300 } },
        influencer: {
          startsAt: '2026-11-01T00:00:00Z',
          endsAt: '2026-12-01T00:00:00Z',
          audienceRewards: { macro: { basis: 'percent', type: 'cash', percent: 12.5 } },
        },
      },
      promoteToCommunityLeaderAfter: 5,
      contributionTarget: { shares: 3, per: 'week' },
      disclosure: { text: 'I get $10 credit if you order with my link.' },
    });
    expect(program.roles.community_leader?.repeatWindowDays).toBe(90);
    expect(program.disclosure?.required).toBe(true);
  });

  it('rejects a minimum below zero at its path', () => {
    expect(pathsOf({ ...spring(), minimumOrder: -1 })).toContainEqual(['minimumOrder']);
  });

  it('rejects a percent over 100 at its path', () => {
    expect(pathsOf({ ...spring(), friendOffer: { kind: 'percent', percent: 101 } })).toContainEqual([
      'friendOffer',
      'percent',
    ]);
  });

  it('rejects a percent offer capped at nothing at its path', () => {
    expect(pathsOf({ ...spring(), friendOffer: { kind: 'percent', percent: 15, maxDiscount: 0 } })).toContainEqual([
      'friendOffer',
      'maxDiscount',
    ]);
    const roles = { influencer: { friendOffer: { kind: 'percent', percent: 15, maxDiscount: 0 } } };
    expect(pathsOf({ ...spring(), roles })).toContainEqual(['roles', 'influencer', 'friendOffer', 'maxDiscount']);
  });

  it('keeps a free-shipping cap of nothing: the shop waives shipping and reports no discount', () => {
    const friendOffer = { kind: 'free_shipping', maxDiscount: 0 } as const;
    expect(programSchema.parse({ ...spring(), friendOffer }).friendOffer).toEqual(friendOffer);
  });

  it('rejects tiers out of order at the offending tier', () => {
    const tiers = [
      { minRedemptions: 10, reward: { basis: 'fixed', type: 'credit', amount: 1500 } },
      { minRedemptions: 5, reward: { basis: 'fixed', type: 'credit', amount: 2000 } },
    ];
    expect(pathsOf({ ...spring(), tiers })).toContainEqual(['tiers', 1, 'minRedemptions']);
  });

  it('rejects two tiers at one count, and tiers of a role out of order', () => {
    const tier = (minRedemptions: number) => ({
      minRedemptions,
      reward: { basis: 'fixed', type: 'credit', amount: 2000 },
    });
    expect(pathsOf({ ...spring(), tiers: [tier(5), tier(5)] })).toContainEqual(['tiers', 1, 'minRedemptions']);
    const roles = { ambassador: { tiers: [tier(5), tier(3)] } };
    expect(pathsOf({ ...spring(), roles })).toContainEqual(['roles', 'ambassador', 'tiers', 1, 'minRedemptions']);
  });

  it('rejects a program that ends the moment it starts', () => {
    expect(pathsOf({ ...spring(), startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' })).toContainEqual([
      'endsAt',
    ]);
  });

  it('rejects an end before the start', () => {
    expect(pathsOf({ ...spring(), startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' })).toContainEqual([
      'endsAt',
    ]);
  });

  it('rejects an influencer campaign that ends before it starts', () => {
    const roles = { influencer: { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' } };
    expect(pathsOf({ ...spring(), roles })).toContainEqual(['roles', 'influencer', 'endsAt']);
  });

  it('rejects an unknown friend offer kind', () => {
    expect(pathsOf({ ...spring(), friendOffer: { kind: 'bogo' } })).toContainEqual(['friendOffer', 'kind']);
  });

  it('rejects an id that is not a slug', () => {
    expect(pathsOf({ ...spring(), id: 'Spring 2026!' })).toContainEqual(['id']);
  });

  it.each([
    ['brand', { brand: 'Acme \uD83C' }, ['brand']],
    ['disclosure', { disclosure: { text: 'I get $10 credit \uDC00' } }, ['disclosure', 'text']],
    ['share message', { shareMessage: '\uD83D Try Acme' }, ['shareMessage']],
  ])(
    'rejects a %s that is not well-formed Unicode (a lone surrogate), which no JSON column stores',
    (_, text, path) => {
      const result = programSchema.safeParse({ ...spring(), ...text });
      expect(result.error?.issues.map((issue) => ({ path: issue.path, code: issue.code }))).toEqual([
        { path, code: 'invalid_format' },
      ]);
    },
  );

  it.each([
    ['brand', { brand: 'Ac\u0000me' }, ['brand']],
    ['disclosure', { disclosure: { text: 'I get $10 credit\u0000' } }, ['disclosure', 'text']],
    ['share message', { shareMessage: 'Hi\u0000 there' }, ['shareMessage']],
  ])("rejects a %s with U+0000, which PostgreSQL's jsonb cannot hold", (_, text, path) => {
    const result = programSchema.safeParse({ ...spring(), ...text });
    expect(result.error?.issues.map((issue) => ({ path: issue.path, code: issue.code }))).toEqual([
      { path, code: 'invalid_format' },
    ]);
  });

  it.each([
    ['an escape', 'Acme\u001b[31m'],
    ['a bell', 'Acme\u0007'],
    ['a backspace', 'Acmx\u0008e'],
    ['a delete', 'Acme\u007f'],
    ['a C1 control', 'Acme\u0085'],
  ])('rejects a brand with %s, a control character no brand or disclosure means to hold', (_, brand) => {
    expect(pathsOf({ ...spring(), brand })).toEqual([['brand']]);
  });

  it('keeps tabs and line breaks in a share message', () => {
    const shareMessage = 'Try Acme:\r\n\tgreen tea\n\toolong tea';
    expect(programSchema.parse({ ...spring(), shareMessage }).shareMessage).toBe(shareMessage);
  });
});
