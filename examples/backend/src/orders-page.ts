/**
 * The staff's page of recent orders, newest first: each order's id, time, total and code, where its
 * referral report stands, and for a placed order not yet refunded a "Refund" button — a plain form
 * POST that works without JavaScript (`POST /orders/:id/refund`, then a 303 back here with a notice).
 * Server-rendered without scripts, like the dashboard. A real shop puts it behind its staff sign-in.
 */
import { html, type SafeHtml } from './html.js';
import { formatMoney } from './money.js';
import type { ShopOrder } from './orders.js';
import { page } from './page.js';
import type { RefundRefusal } from './refund-order.js';
import { siteNav } from './site-nav.js';

/** How many orders the page lists: enough for the demo, bounded for a shop with years of them. */
export const RECENT_ORDERS = 50;

/** What a refund came to, as the redirect after it tells the page (`?notice=…&order=…`). */
export type RefundNotice = 'refunded' | RefundRefusal;

const NOTICES: readonly RefundNotice[] = ['refunded', 'unknown_order', 'not_placed', 'already_refunded'];

/** The notice a `?notice=` names; anything else is none. */
export function refundNotice(asked: string | undefined): RefundNotice | null {
  return NOTICES.find((notice) => notice === asked) ?? null;
}

/**
 * The notice's sentence, checked against the order it names (looked up by the caller, null when
 * there is none), so a crafted link cannot make the page say an order was refunded when it was not.
 */
function noticeText(notice: RefundNotice, order: ShopOrder | null): string | null {
  switch (notice) {
    case 'refunded':
      return order?.refundedAt ? `Order ${order.id} is refunded.${afterRefund(order)}` : null;
    case 'already_refunded':
      return order?.refundedAt ? `Order ${order.id} was already refunded: it is refunded once.` : null;
    case 'not_placed':
      return order?.status === 'refused'
        ? `Order ${order.id} was refused at checkout: there is nothing to refund.`
        : null;
    case 'unknown_order':
      return order ? null : 'No order has this id.';
  }
}

/**
 * The page title's prefix for a notice that stands: a redirect's server-rendered notice is in the
 * page at load, so no live region announces it; the title is read on arrival.
 */
function noticeTitle(notice: RefundNotice, order: ShopOrder | null): string {
  switch (notice) {
    case 'refunded':
      return `Refunded order ${order?.id}`;
    case 'already_refunded':
      return `Order ${order?.id} already refunded`;
    case 'not_placed':
      return `Order ${order?.id} not refunded`;
    case 'unknown_order':
      return 'No such order';
  }
}

/**
 * What happens to the refunded order's referral reward. A repeat order earns most roles none: its
 * reversal takes only its redemption out of the ambassador's figures (revenue, retention).
 */
function afterRefund(order: ShopOrder): string {
  const unrewarded = order.ambassadorRewarded === false;
  switch (order.reversal) {
    case 'recorded':
      return unrewarded
        ? ' It earned its ambassador no reward: its redemption no longer counts in their figures.'
        : ' Its ambassador’s reward is reversed.';
    case 'pending':
      return order.report === 'recorded'
        ? ` ${unrewarded ? 'Its redemption, which earned no reward,' : 'Its ambassador’s reward'} will be reversed: the reversal is sent again every 30 s until the receiver answers.`
        : ' Its redemption, and any reward it earned, will be reversed once the redemption is recorded.';
    case 'refused':
      return ' The receiver had no reward to reverse for it.';
    case 'failed':
      return ' Its reversal could not be reported: the receiver refused it as an event (see the log).';
    default:
      return '';
  }
}

/** Where an order's referral report stands, in words. */
export function referralStanding(order: ShopOrder): string {
  if (!order.code) return 'No referral';
  if (order.status === 'refused') return `Refused at checkout (${order.refusal?.code ?? 'refused'})`;
  switch (order.reversal) {
    case 'recorded':
      if (order.ambassadorRewarded === false) return 'Redemption reversed (it earned no reward)';
      return order.ambassadorRewarded ? 'Reward reversed' : 'Redemption reversed';
    case 'pending':
      return order.report === 'recorded' ? 'Reversal pending' : 'Redemption pending, then its reversal';
    case 'refused':
      return 'Reversal refused';
    case 'failed':
      return 'Reversal failed (see the log)';
  }
  switch (order.report) {
    case 'recorded':
      return 'Redemption recorded';
    case 'refused':
      return 'Redemption refused';
    case 'failed':
      return 'Redemption failed (see the log)';
    default:
      return 'Redemption pending';
  }
}

/** A time as people read it in a staff list: `2026-11-22 10:00 UTC`. */
function when(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** The last cell: the refund form for a placed order that stands, else what became of it. */
function refundCell(order: ShopOrder): SafeHtml {
  if (order.refundedAt) return html`Refunded ${when(order.refundedAt)}`;
  if (order.status !== 'placed') return html`Not placed`;
  // The order's id in the button's name: a screen reader's list of buttons would be a column of "Refund".
  return html`<form method="post" action="/orders/${encodeURIComponent(order.id)}/refund"><button type="submit" class="secondary">Refund<span class="visually-hidden"> order ${order.id}</span></button></form>`;
}

function orderRow(order: ShopOrder): SafeHtml {
  return html`<tr data-order="${order.id}"><th scope="row"><code>${order.id}</code></th>
<td>${when(order.createdAt)}</td>
<td>${formatMoney(order.total, order.currency)}</td>
<td>${order.code ? html`<code>${order.code}</code>` : '—'}</td>
<td data-field="referral">${referralStanding(order)}</td>
<td data-field="refund">${refundCell(order)}</td></tr>`;
}

/** What the orders page shows. */
export interface OrdersView {
  brand: string;
  orders: ShopOrder[];
  notice: RefundNotice | null;
  /** The order the notice names, looked up afresh; null when there is none. */
  noticed: ShopOrder | null;
}

/** Renders the orders page. */
export function ordersPage({ brand, orders, notice, noticed }: OrdersView): SafeHtml {
  const text = notice ? noticeText(notice, noticed) : null;
  return page({
    title: notice && text ? `${noticeTitle(notice, noticed)} · ${brand} orders` : `${brand} orders`,
    body: html`${siteNav(brand, '/orders')}
<main class="orders">
  <h1>Recent orders</h1>
  <p class="period">The ${RECENT_ORDERS} newest orders, newest first. Refunding an order reverses the reward its referral earned. A real shop puts this page behind its staff sign-in.</p>
  ${
    // Focus on the notice (no script runs here, so `autofocus`, which Chromium honours on any focusable
    // element): a screen reader reads what the refund came to, where a status present at load says nothing.
    text ? html`<p class="notice done" role="status" tabindex="-1" autofocus>${text}</p>` : null
  }
  ${
    orders.length === 0
      ? html`<p>No orders yet. Place one at the <a href="/checkout/">checkout</a>.</p>`
      : html`<div class="scroll" tabindex="0" role="region" aria-label="Recent orders"><table>
      <caption class="visually-hidden">Recent orders</caption>
      <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Total</th><th scope="col">Code</th><th scope="col">Referral</th><th scope="col">Refund</th></tr></thead>
      <tbody>${orders.map(orderRow)}</tbody>
    </table></div>`
  }
</main>`,
  });
}
