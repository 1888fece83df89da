import type { AmbassadorStats, ProgramStats } from '@referkit/events';
import { describe, expect, test } from 'vitest';
import { dashboardPage } from './dashboard.js';
import { ambassadorStats } from './testing/ambassador-stats.js';

const alex = (figures: Partial<AmbassadorStats> = {}) => ambassadorStats('ALEX-7HC2QK', 'Alex Rivera', figures);

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
  test('says in how many of the past weeks an ambassador reached the target, and none before they joined', () => {
    const week = (periodStart: string, done: number, ended = true) => ({
      periodStart,
      done,
      reached: done >= 3,
      ended,
    });
    const periods = [
      week('2026-11-16T00:00:00.000Z', 3),
      week('2026-11-23T00:00:00.000Z', 1),
      week('2026-11-30T00:00:00.000Z', 0, false),
    ];
    const target = { shares: 3, per: 'week' as const, ...week('2026-11-30T00:00:00.000Z', 0, false), periods };
    expect(dashboardPage(statsOf(alex({ target })), 'Fernwood').text).toContain(
      '<span class="channels" data-metric="past-periods">reached in 1 of 2 past weeks</span>',
    );
    // Past weeks are those that ended, not all but the last: a window that ended earlier has no running week.
    const allEnded = { ...target, periods: periods.map((period) => ({ ...period, ended: true })) };
    expect(dashboardPage(statsOf(alex({ target: allEnded })), 'Fernwood').text).toContain(
      '<span class="channels" data-metric="past-periods">reached in 1 of 3 past weeks</span>',
    );
    const joinedThisWeek = { ...target, periods: periods.slice(-1) };
    expect(dashboardPage(statsOf(alex({ target: joinedThisWeek })), 'Fernwood').text).not.toContain('past week');
  });

  test('shows a dash, explained as no landings yet, for redemptions without landings', () => {
    const page = dashboardPage(
      statsOf(alex({ redemptions: 1, firstOrders: 1, conversionRate: null })),
      'Fernwood',
    ).text;
    expect(cell(page, 'conversion')).toBe(
      '<span title="No landings yet, so no conversion rate" aria-hidden="true">—</span><span class="visually-hidden">No landings yet, so no conversion rate</span>',
    );
  });

  test('shows the conversion rate as a percent when there were landings', () => {
    const page = dashboardPage(statsOf(alex({ landings: 4, firstOrders: 1, conversionRate: 0.25 })), 'Fernwood').text;
    expect(cell(page, 'conversion')).toBe('25%');
  });

  test('shows a dash, explained, where more friends joined than landings were reported', () => {
    const page = dashboardPage(
      statsOf(alex({ landings: 1, redemptions: 3, firstOrders: 3, conversionRate: null })),
      'Fernwood',
    ).text;
    expect(cell(page, 'conversion')).toBe(
      '<span title="More friends joined than landings were reported, so no conversion rate" aria-hidden="true">—</span><span class="visually-hidden">More friends joined than landings were reported, so no conversion rate</span>',
    );
  });

  test('shows a dash, explained as no cost yet, for the ROI of an ambassador with no activity', () => {
    const page = dashboardPage(statsOf(alex({ roi: null })), 'Fernwood').text;
    expect(cell(page, 'roi')).toBe(
      '<span title="No cost yet: no friend discounts or rewards, so no ROI" aria-hidden="true">—</span><span class="visually-hidden">No cost yet: no friend discounts or rewards, so no ROI</span>',
    );
  });

  test('says the ROI of an ambassador rewarded only in points has no money cost, not no cost', () => {
    const page = dashboardPage(statsOf(alex({ redemptions: 1, rewardPoints: 500, roi: null })), 'Fernwood').text;
    expect(cell(page, 'roi')).toContain('No money cost yet: rewards were points, which are not money, so no ROI');
  });

  test('shows an ROI of 0% when the program returned exactly what it cost', () => {
    const page = dashboardPage(
      statsOf(alex({ redemptions: 1, revenue: 1000, friendDiscounts: 150, rewardCost: 1000, roi: 0 })),
      'Fernwood',
    ).text;
    expect(cell(page, 'roi')).toBe('0%');
  });

  test('says in its explanation what a cell shows when friends outnumber landings: a dash, not a rate past 100%', () => {
    const page = dashboardPage(statsOf(alex({ landings: 1, firstOrders: 2, conversionRate: null })), 'Fernwood').text;
    expect(page).not.toContain('pass 100%');
    expect(page).toContain('first orders can outnumber landings, and then the rate is a dash');
  });

  test('says how its periods and roles are counted: UTC weeks from Monday, the role held today, points apart', () => {
    const page = dashboardPage(statsOf(alex()), 'Fernwood').text;
    expect(page).toMatch(/<p class="period">\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d \(UTC\) · USD<\/p>/);
    expect(page).toContain('<b>Time:</b> days and weeks are counted in UTC, weeks from Monday.');
    expect(page).toContain('count under the role they hold today');
    expect(page).toContain('points are shown apart and left out of ROI');
  });

  test('explains the same way in the per-role rows', () => {
    const role = { ...alex({ landings: 2, firstOrders: 3, conversionRate: null }), ambassadors: 1 };
    const stats = { ...statsOf(alex()), roles: [role] };
    const row = /<tr data-role="ambassador">[\s\S]*?<\/tr>/.exec(dashboardPage(stats, 'Fernwood').text)?.[0] ?? '';
    expect(cell(row, 'conversion')).toContain('More friends joined than landings were reported');
    expect(cell(row, 'roi')).toContain('No cost yet');
  });

  test("says a role's rate is of its ambassadors with one when the role's friends outnumber its landings", () => {
    // Alex 1 landing and 3 friends (no rate), Sam 2 landings and 1 friend: the role's rate is Sam's.
    const role = { ...alex({ landings: 3, firstOrders: 4, conversionRate: 0.5 }), ambassadors: 2 };
    const stats = { ...statsOf(alex()), roles: [role] };
    const row = /<tr data-role="ambassador">[\s\S]*?<\/tr>/.exec(dashboardPage(stats, 'Fernwood').text)?.[0] ?? '';
    expect(cell(row, 'conversion')).toBe('50% <span class="rate-note">of ambassadors with a rate</span>');
  });

  test("says so too where the role's friends do not outnumber its landings, and its rate is not theirs", () => {
    // Alex 1 landing and 3 friends (no rate), Sam 3 landings and none: the role's 0% is Sam's alone.
    const role = { ...alex({ landings: 4, firstOrders: 3, conversionRate: 0 }), ambassadors: 2 };
    const stats = { ...statsOf(alex()), roles: [role] };
    const row = /<tr data-role="ambassador">[\s\S]*?<\/tr>/.exec(dashboardPage(stats, 'Fernwood').text)?.[0] ?? '';
    expect(cell(row, 'conversion')).toBe('0% <span class="rate-note">of ambassadors with a rate</span>');
    // An ambassador's own rate is their first orders per landing: no note.
    expect(
      cell(
        dashboardPage(statsOf(alex({ landings: 4, firstOrders: 3, conversionRate: 0.75 })), 'Fernwood').text,
        'conversion',
      ),
    ).toBe('75%');
  });

  test('shows each unit a role was paid in apart in the reward columns, saying which, never one added to another', () => {
    // A macro influencer paid 200 points, a micro one $7.50 cash, and earlier $10 of store credit.
    const rewards = {
      credit: { pending: 0, confirmed: 1000, reversed: 0, owedBack: 0 },
      cash: { pending: 0, confirmed: 750, reversed: 0, owedBack: 0 },
      points: { pending: 0, confirmed: 200, reversed: 0, owedBack: 0 },
    };
    const role = { ...alex({ role: 'influencer', rewards }), role: 'influencer' as const, ambassadors: 2 };
    const stats = { ...statsOf(alex()), roles: [role] };
    const row = /<tr data-role="influencer">[\s\S]*?<\/tr>/.exec(dashboardPage(stats, 'Fernwood').text)?.[0] ?? '';
    expect([cell(row, 'rewards-confirmed'), cell(row, 'rewards-pending')]).toEqual([
      '$10.00 credit<br>$7.50 cash<br>200 pts',
      '$0.00 credit<br>$0.00 cash<br>0 pts',
    ]);
  });

  test('shows what is owed back in a column of its own, in each unit any is owed in, apart from what was reversed', () => {
    // $10 credit cancelled within its hold and $10 clawed back after it; $5 cash cancelled; 200 points clawed back.
    const rewards = {
      credit: { pending: 0, confirmed: 0, reversed: 2000, owedBack: 1000 },
      cash: { pending: 0, confirmed: 750, reversed: 500, owedBack: 0 },
      points: { pending: 0, confirmed: 0, reversed: 200, owedBack: 200 },
    };
    const role = { ...alex({ role: 'influencer', rewards }), role: 'influencer' as const, ambassadors: 2 };
    const page = dashboardPage({ ...statsOf(alex({ rewards })), roles: [role] }, 'Fernwood').text;
    expect(page.match(/<th scope="col">Owed back<\/th>/g)).toHaveLength(2);
    const row = /<tr data-code="ALEX-7HC2QK">[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    const roleRow = /<tr data-role="influencer">[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    for (const shown of [row, roleRow])
      expect([cell(shown, 'rewards-reversed'), cell(shown, 'rewards-owed-back')]).toEqual([
        '$20.00 credit<br>$5.00 cash<br>200 pts',
        '$10.00 credit<br>200 pts',
      ]);
  });

  test('shows nothing owed back as no money, written as money, beside what was cancelled within the hold', () => {
    const rewards = { credit: { pending: 0, confirmed: 0, reversed: 1000, owedBack: 0 } };
    const page = dashboardPage(statsOf(alex({ rewards })), 'Fernwood').text;
    expect([cell(page, 'rewards-reversed'), cell(page, 'rewards-owed-back')]).toEqual(['$10.00 credit', '$0.00']);
  });

  test('says what owed back counts: a reward reversed after its hold, which the brand deducts', () => {
    const page = dashboardPage(statsOf(alex()), 'Fernwood').text;
    expect(page).toContain(
      '<li><b>Owed back</b> is the part of rewards reversed that was reversed after its hold ended: it was confirmed, and may have been paid, so deduct it from what you pay the ambassador next. A reward reversed within its hold was never due and is not owed back.</li>',
    );
  });

  test('shows a reward column of nothing granted as no money, written as money', () => {
    expect(cell(dashboardPage(statsOf(alex()), 'Fernwood').text, 'rewards-confirmed')).toBe('$0.00');
  });

  test('writes every count with thousands separators, as it writes money', () => {
    const shares = { total: 12_345, byChannel: { copy: 12_000, email: 345 } };
    const page = dashboardPage(
      statsOf(alex({ landings: 6947, shares, redemptions: 1200, firstOrders: 1100, rewardPoints: 25_000 })),
      'Fernwood',
    ).text;
    expect(cell(page, 'landings')).toBe('6,947');
    expect(cell(page, 'shares')).toBe('12,345 <span class="channels">(copy 12,000, email 345)</span>');
    expect(cell(page, 'redemptions')).toBe('1,200');
    expect(cell(page, 'first-orders')).toBe('1,100');
    expect(cell(page, 'reward-cost')).toBe('$0.00 + 25,000 pts');
  });

  test('heads the target column with the period the target counts, not the period shown', () => {
    const target = {
      shares: 3,
      per: 'week' as const,
      periodStart: '2026-11-30T00:00:00.000Z',
      done: 1,
      reached: false,
      ended: false,
      periods: [],
    };
    const page = dashboardPage(statsOf(alex({ target })), 'Fernwood', { days: 365 }).text;
    expect(page).toContain('<th scope="col">Target this week</th>');
    expect(page).not.toContain('Target this period');
  });

  test('says that rewards are shown per unit and that a person with several codes is one person', () => {
    const page = dashboardPage(statsOf(alex()), 'Fernwood').text;
    expect(page).toContain('<b>Rewards</b> are shown in each unit paid (credit, cash, points), never added together.');
    expect(page).toContain(
      '<b>People:</b> a person given a new code keeps a row per code, but counts once among their role’s people, and their target counts the shares of all their codes.',
    );
  });

  test('heads the repeat-order column as the rate it shows', () => {
    const page = dashboardPage(statsOf(alex({ redemptions: 3, repeatOrderRate: 0.5 })), 'Fernwood').text;
    expect(page).toContain('<th scope="col">Repeat-order rate</th>');
    expect(page).not.toContain('Repeat orders');
    expect(cell(page, 'repeat-order-rate')).toBe('50%');
  });

  test('shows a dash, explained, for the repeat-order rate of an ambassador with no referred customer', () => {
    const page = dashboardPage(statsOf(alex({ redemptions: 0, repeatOrderRate: null })), 'Fernwood').text;
    expect(cell(page, 'repeat-order-rate')).toBe(
      '<span title="No referred customers yet, so no repeat-order rate" aria-hidden="true">—</span><span class="visually-hidden">No referred customers yet, so no repeat-order rate</span>',
    );
  });

  test('shows a dash for the repeat-order rate of redemptions by customers the ambassador did not bring', () => {
    const page = dashboardPage(statsOf(alex({ redemptions: 2, repeatOrderRate: null })), 'Fernwood').text;
    expect(cell(page, 'repeat-order-rate')).toContain('No referred customers yet, so no repeat-order rate');
  });

  test('shows a repeat-order rate of 0% when referred customers ordered once each', () => {
    const page = dashboardPage(statsOf(alex({ redemptions: 2, repeatOrderRate: 0 })), 'Fernwood').text;
    expect(cell(page, 'repeat-order-rate')).toBe('0%');
  });
});
