/**
 * The dashboard's chart of landings and redemptions per day, drawn as inline SVG on the server:
 * no chart library, no script, so it renders under a strict CSP and in any mail client.
 */
import { html, type SafeHtml } from './html.js';
import { formatCount } from './money.js';

/** One day of the series, as `store.stats` reports it. */
export interface SeriesPoint {
  date: string;
  landings: number;
  redemptions: number;
}

// English plurals by the rules, not by the number alone: "1 redemption", "0 landings".
const plural = new Intl.PluralRules('en-US');
const count = (n: number, noun: string) => `${n} ${noun}${plural.select(n) === 'one' ? '' : 's'}`;

const WIDTH = 1200;
const HEIGHT = 280;
const PAD = { top: 16, right: 16, bottom: 30, left: 44 };

/** Renders the series as a line chart with a labelled y-axis, first/last dates and a legend. */
export function seriesChart(series: readonly SeriesPoint[]): SafeHtml {
  const total = series.reduce((sum, point) => sum + point.landings + point.redemptions, 0);
  const label = `Landings and redemptions per day, ${series[0]?.date ?? ''} to ${series.at(-1)?.date ?? ''}`;
  if (series.length === 0 || total === 0) {
    return html`<p class="empty">No landings or redemptions yet in this period.</p>`;
  }
  const max = niceMax(Math.max(...series.map((point) => Math.max(point.landings, point.redemptions))));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  // One day alone would be a dot at x=0; centring it keeps it visible.
  const x = (index: number) =>
    PAD.left + (series.length === 1 ? plotWidth / 2 : (index / (series.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const line = (key: 'landings' | 'redemptions') =>
    series.map((point, index) => `${x(index).toFixed(1)},${y(point[key]).toFixed(1)}`).join(' ');
  const ticks = [0, max / 2, max];
  // The svg's first <title> alone names the image (SVG-AAM). Named by aria-labelledby as well,
  // Chromium made that same <title> its description too, and a screen reader said the label twice.
  return html`<figure class="chart">
  <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" xmlns="http://www.w3.org/2000/svg">
    <title>${label}</title>
    ${ticks.map(
      (tick) => html`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/>
    <text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end" class="axis">${tick}</text>`,
    )}
    <text x="${PAD.left}" y="${HEIGHT - 8}" class="axis">${series[0]?.date}</text>
    <text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end" class="axis">${series.at(-1)?.date}</text>
    <polyline points="${line('landings')}" class="landings"/>
    <polyline points="${line('redemptions')}" class="redemptions"/>
    ${series.map(
      (point, index) =>
        html`<circle cx="${x(index)}" cy="${y(point.redemptions)}" r="3" class="redemptions-dot"><title>${point.date}: ${count(point.redemptions, 'redemption')}, ${count(point.landings, 'landing')}</title></circle>`,
    )}
  </svg>
  <figcaption><span class="key landings">Landings</span> <span class="key redemptions">Redemptions</span></figcaption>
</figure>
${seriesTable(series)}`;
}

/**
 * The chart's figures as a table: the lines' days are otherwise only hover tooltips, which neither a
 * keyboard nor a screen reader reaches. Closed by default, as a year is 365 rows.
 */
function seriesTable(series: readonly SeriesPoint[]): SafeHtml {
  return html`<details class="chart-data"><summary>Landings and redemptions per day, as a table</summary>
  <table>
    <caption class="visually-hidden">Landings and redemptions per day</caption>
    <thead><tr><th scope="col">Day (UTC)</th><th scope="col">Landings</th><th scope="col">Redemptions</th></tr></thead>
    <tbody>${series.map((point) => html`<tr><th scope="row">${point.date}</th><td>${formatCount(point.landings)}</td><td>${formatCount(point.redemptions)}</td></tr>`)}</tbody>
  </table>
</details>`;
}

/** Rounds a maximum up to an even number, so the half-way gridline is a whole number. */
function niceMax(value: number): number {
  if (value <= 2) return 2;
  const step = 10 ** Math.floor(Math.log10(value));
  const rounded = Math.ceil(value / step) * step;
  return rounded % 2 === 0 ? rounded : rounded + step;
}
