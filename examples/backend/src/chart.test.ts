import { describe, expect, test } from 'vitest';
import { seriesChart } from './chart.js';

const day = (date: string, landings: number, redemptions: number) => ({ date, landings, redemptions });

describe('seriesChart', () => {
  test('says there is nothing yet when every day is zero', () => {
    expect(seriesChart([day('2026-11-20', 0, 0)]).text).toContain('No landings or redemptions yet');
  });

  test('draws one point per day for each line, labelled with the first and last date', () => {
    const svg = seriesChart([day('2026-11-20', 4, 1), day('2026-11-21', 6, 0), day('2026-11-22', 2, 2)]).text;
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((match) => match[1]?.split(' ').length);
    expect(lines).toEqual([3, 3]);
    expect(svg).toContain('2026-11-20');
    expect(svg).toContain('2026-11-22');
  });

  test("counts each day's redemptions and landings in its tooltip, one in the singular", () => {
    const svg = seriesChart([day('2026-11-20', 1, 1), day('2026-11-21', 0, 2)]).text;
    const tooltips = [...svg.matchAll(/<circle [^>]*><title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(tooltips).toEqual(['2026-11-20: 1 redemption, 1 landing', '2026-11-21: 2 redemptions, 0 landings']);
  });

  test('labels the top gridline with the highest value, rounded up to an even number', () => {
    const svg = seriesChart([day('2026-11-21', 9, 0), day('2026-11-22', 0, 0)]).text;
    // The top of the plot is y=16; its label sits 4 units lower, on the gridline's baseline.
    expect(svg).toMatch(/<text x="\d+" y="20" text-anchor="end" class="axis">10<\/text>/);
  });

  test("gives each day's figures in a table a screen reader can read, behind a disclosure", () => {
    const text = seriesChart([day('2026-11-20', 1200, 1), day('2026-11-21', 0, 2)]).text;
    expect(text).toContain(
      '<details class="chart-data"><summary>Landings and redemptions per day, as a table</summary>',
    );
    const rows = [...text.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
      (match) => match.slice(1),
    );
    expect(rows).toEqual([
      ['2026-11-20', '1,200', '1'],
      ['2026-11-21', '0', '2'],
    ]);
  });
});
