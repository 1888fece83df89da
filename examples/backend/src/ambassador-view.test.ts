import type { AmbassadorStats } from '@referkit/events';
import { describe, expect, test } from 'vitest';
import { ambassadorPage, DEFAULT_VIEW, readAmbassadorView } from './ambassador-view.js';
import { ambassadorStats } from './testing/ambassador-stats.js';

const row = ambassadorStats;

const codes = (rows: AmbassadorStats[]) => rows.map((each) => each.code);

describe('readAmbassadorView', () => {
  test('reads anything it does not understand as the default view', () => {
    expect(readAmbassadorView({ sort: 'password', order: 'sideways', page: '-3' })).toEqual(DEFAULT_VIEW);
    expect(readAmbassadorView({ page: '1e3' }).page).toBe(1);
    expect(readAmbassadorView({ q: `  ${'x'.repeat(200)} ` }).q).toHaveLength(80);
  });

  test('sorts names A to Z and figures highest first unless an order is asked', () => {
    expect(readAmbassadorView({ sort: 'name' })).toMatchObject({ sort: 'name', order: 'asc' });
    expect(readAmbassadorView({ sort: 'landings' })).toMatchObject({ sort: 'landings', order: 'desc' });
    expect(readAmbassadorView({ sort: 'landings', order: 'asc' }).order).toBe('asc');
  });
});

describe('ambassadorPage', () => {
  test('breaks ties by name, then code, so each page holds the same rows every time', () => {
    const rows = [row('B-2', 'Sam'), row('B-1', 'Sam'), row('A-1', 'ana')];
    expect(codes(ambassadorPage(rows, DEFAULT_VIEW).rows)).toEqual(['A-1', 'B-1', 'B-2']);
  });

  test('puts a rate with nothing to divide by last, whichever way the column is sorted', () => {
    const rows = [row('NONE', 'A'), row('LOW', 'B', { roi: -0.5 }), row('HIGH', 'C', { roi: 2 })];
    const sorted = (order: 'asc' | 'desc') => codes(ambassadorPage(rows, { ...DEFAULT_VIEW, sort: 'roi', order }).rows);
    expect(sorted('desc')).toEqual(['HIGH', 'LOW', 'NONE']);
    expect(sorted('asc')).toEqual(['LOW', 'HIGH', 'NONE']);
  });

  test('finds a part of a name in any script, or of a code in either case', () => {
    const rows = [row('LAYLA-7HC2QK', 'ليلى حداد'), row('SARAH-7HC2QK', 'שרה לוי'), row('ZOE-7HC2QK', 'Zoë 🌿')];
    expect(codes(ambassadorPage(rows, { ...DEFAULT_VIEW, q: 'حداد' }).rows)).toEqual(['LAYLA-7HC2QK']);
    expect(codes(ambassadorPage(rows, { ...DEFAULT_VIEW, q: 'sarah-7h' }).rows)).toEqual(['SARAH-7HC2QK']);
    expect(codes(ambassadorPage(rows, { ...DEFAULT_VIEW, q: 'ZOË' }).rows)).toEqual(['ZOE-7HC2QK']);
  });

  test('shows the last page for a page past the end, and says which rows it holds', () => {
    const rows = Array.from({ length: 120 }, (_, index) => row(`C-${index}`, `Person ${index}`));
    expect(ambassadorPage(rows, { ...DEFAULT_VIEW, page: 9 })).toMatchObject({
      page: 3,
      pages: 3,
      first: 101,
      last: 120,
      matched: 120,
    });
    expect(ambassadorPage([], DEFAULT_VIEW)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, matched: 0 });
  });
});
