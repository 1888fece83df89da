/**
 * The dashboard's rates, shown only where they mean something. `store.stats` answers `null` for a rate
 * with nothing to divide by, and a conversion over 100% when friends ordered without a landing; a
 * brand reading a table cell cannot see the docs, so the cell says it.
 */
import type { Figures } from '@referkit/events';
import { html, type SafeHtml } from './html.js';
import { formatPercent, formatRoi } from './money.js';

/** First orders per landing, a dash without landings, and a note when friends without one pass 100%. */
export function conversionCell(row: Pick<Figures, 'conversionRate'>): SafeHtml {
  // No landings, no rate: "0%" would say friends came and none ordered, when some may have typed the code.
  if (row.conversionRate === null) return noRate('No landings yet, so no conversion rate');
  // Over 100% means more first orders than landings: friends who typed the code at checkout (or
  // declined tracking) ordered without a landing, and a percent alone would read as a miscount.
  if (row.conversionRate > 1)
    return html`${formatPercent(row.conversionRate)} <span class="rate-note">includes friends who typed the code</span>`;
  return html`${formatPercent(row.conversionRate)}`;
}

/** The ROI, and a dash while nothing has cost any money (the stats answer `null` there). */
export function roiCell(row: Pick<Figures, 'roi' | 'rewardPoints'>): SafeHtml {
  // The ROI's divisor is friend discounts + reward cost; points are not money and are not in it.
  if (row.roi === null)
    return noRate(
      row.rewardPoints > 0
        ? 'No money cost yet: rewards were points, which are not money, so no ROI'
        : 'No cost yet: no friend discounts or rewards, so no ROI',
    );
  return html`${formatRoi(row.roi)}`;
}

/** Referred customers who ordered again; a dash without any referred customer (the stats answer `null` there). */
export function repeatCell(row: Pick<Figures, 'repeatOrderRate'>): SafeHtml {
  if (row.repeatOrderRate === null) return noRate('No referred customers yet, so no repeat-order rate');
  return html`${formatPercent(row.repeatOrderRate)}`;
}

/** A dash for sighted readers, with its reason on hover, and the reason alone for screen readers. */
function noRate(reason: string): SafeHtml {
  return html`<span title="${reason}" aria-hidden="true">—</span><span class="visually-hidden">${reason}</span>`;
}
