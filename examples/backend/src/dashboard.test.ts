import type { AmbassadorStats, ProgramStats } from '@referkit/events';
import { describe, expect, test } from 'vitest';
import { dashboardPage } from './dashboard.js';

const alex = (figures: Partial<AmbassadorStats> = {}): AmbassadorStats => ({
  code: 'ALEX-7HC2QK',
  displayName: 'Alex Rivera',
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
  roi: 0,
  repeatOrderRate: 0,
  rewards: { type: 'credit', pending: 0, confirmed: 0, reversed: 0 },
  ...figures,
});

const statsOf = (ambassador: AmbassadorStats): ProgramStats => ({
  program: 'fernwood-friends',
  currency: 'USD',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-30T12:00:00.000Z',
  ambassadors: [ambassador],
  roles: [],
  series: [],
});

const cell = (page: string, metric: string) =>
  new RegExp(`<td data-metric="${metric}">(.*?)</td>`).exec(page)?.[1] ?? '';

describe('dashboardPage', () => {
  test('shows a dash, explained as no landings reported, for redemptions without landings', () => {
    const page = dashboardPage(
      statsOf(alex({ redemptions: 1, firstOrders: 1, conversionRate: null })),
      'Fernwood',
    ).text;
    const conversion = cell(page, 'conversion');
    expect(conversion).not.toContain('%');
    expect(conversion).toContain('<span title="No landings reported" aria-hidden="true">–</span>');
    expect(conversion).toContain('<span class="visually-hidden">No landings reported</span>');
  });

  test('shows the conversion rate as a percent when there were landings', () => {
    const page = dashboardPage(statsOf(alex({ landings: 4, firstOrders: 1, conversionRate: 0.25 })), 'Fernwood').text;
    expect(cell(page, 'conversion')).toBe('25%');
  });

  test('heads the repeat-order column as the rate it shows', () => {
    const page = dashboardPage(statsOf(alex({ repeatOrderRate: 0.5 })), 'Fernwood').text;
    expect(page).toContain('<th scope="col">Repeat-order rate</th>');
    expect(page).not.toContain('Repeat orders');
    expect(cell(page, 'repeat-order-rate')).toBe('50%');
  });
});
