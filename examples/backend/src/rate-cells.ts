/**
 * The dashboard's rates, shown only where they mean something. `store.stats` answers `null` for a rate
 * with nothing to divide by, and for a conversion where more friends joined than landings were
 * reported; a brand reading a table cell cannot see the docs, so the cell says which.
 */
import type { Figures } from '@referkit/events';
import { html, type SafeHtml } from './html.js';
import { formatPercent, formatRoi } from './money.js';

/** First orders per landing, or a dash saying why there is no rate. */
export function conversionCell(row: Pick<Figures, 'conversionRate' | 'landings' | 'firstOrders'>): SafeHtml {
  if (row.conversionRate === null)
    return noRate(
      // No landings, no rate: "0%" would say friends came and none ordered, when some may have typed the code.
      row.landings === 0
        ? 'No landings yet, so no conversion rate'
        : // Friends who typed the code, declined tracking or checked out from a server cookie joined
          // without a landing: any percent would count them against landings they never made.
          'More friends joined than landings were reported, so no conversion rate',
    );
  // A role's rate is of its ambassadors who have one: where that leaves some out, a percent beside the
  // row's own landings and first orders (more first orders than landings, or a 0% beside friends who
  // joined) would read as a miscount.
  if (row.conversionRate !== row.firstOrders / row.landings)
    return html`${formatPercent(row.conversionRate)} <span class="rate-note">of ambassadors with a rate</span>`;
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
