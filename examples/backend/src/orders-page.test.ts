import { describe, expect, test } from 'vitest';
import type { ShopOrder } from './orders.js';
import { ordersPage, referralStanding, refundNotice } from './orders-page.js';
import { aShopOrder } from './testing/shop-order.js';

const anOrder = (order: Partial<ShopOrder> = {}): ShopOrder => aShopOrder(order);
const refunded = { refundedAt: '2026-11-23T09:30:00.000Z', reversal: 'recorded' } as const;

const render = (orders: ShopOrder[], notice: string | undefined = undefined, noticed: ShopOrder | null = null) =>
  ordersPage({ brand: 'Fernwood Tea', orders, notice: refundNotice(notice), noticed }).text;

describe('ordersPage', () => {
  test('lists each order with its time, total, code and referral, and a refund form that posts to it', () => {
    const page = render([anOrder()]);
    expect(page).toContain('<th scope="row"><code>ord_0123456789abcdef0123</code></th>');
    expect(page).toContain('<time datetime="2026-11-22T10:00:00.000Z">2026-11-22 10:00 UTC</time>');
    expect(page).toContain('<td>$40.80</td>');
    expect(page).toContain('<code>ALEX-7HC2QK</code>');
    expect(page).toContain('<td data-field="referral">Redemption recorded</td>');
    expect(page).toContain('<form method="post" action="/orders/ord_0123456789abcdef0123/refund">');
    expect(page).toContain('Refund<span class="visually-hidden"> order ord_0123456789abcdef0123</span>');
  });

  test('offers no refund for an order refunded or refused, and says what became of it', () => {
    const page = render([
      anOrder({ id: 'ord_refunded', ...refunded }),
      anOrder({
        id: 'ord_refused',
        status: 'refused',
        report: 'refused',
        refusal: { code: 'not_first_order', message: 'x' },
      }),
    ]);
    expect(page).not.toContain('<form');
    expect(page).toContain('Refunded <time datetime="2026-11-23T09:30:00.000Z">2026-11-23 09:30 UTC</time>');
    expect(page).toContain('Refused at checkout (not_first_order)');
  });

  test('marks Orders as the current page in the header', () => {
    expect(render([])).toContain('<a href="/orders" aria-current="page">Orders</a>');
    expect(render([])).toContain('No orders yet.');
  });

  test('says an order is refunded only when the order it names is', () => {
    const order = anOrder(refunded);
    expect(render([order], 'refunded', order)).toContain(
      `<p class="notice done" role="status" tabindex="-1" autofocus>Order ${order.id} is refunded. Its ambassador’s reward is reversed.</p>`,
    );
    expect(render([order], 'refunded', anOrder())).not.toContain('class="notice"');
    expect(render([order], 'refunded', null)).not.toContain('class="notice"');
    expect(render([order], '<b>made up</b>', order)).not.toContain('class="notice"');
  });

  test('says a refunded order that earned no reward had none to reverse', () => {
    const order = anOrder({ ...refunded, firstOrder: false, discount: 0, ambassadorRewarded: false });
    const page = render([order], 'refunded', order);
    expect(page).toContain(
      `<p class="notice done" role="status" tabindex="-1" autofocus>Order ${order.id} is refunded. It earned its ambassador no reward: its redemption no longer counts in their figures.</p>`,
    );
    expect(page).not.toContain('reward is reversed');
  });

  test('says a second refund refunded nothing more', () => {
    const order = anOrder(refunded);
    expect(render([order], 'already_refunded', order)).toContain('was already refunded: it is refunded once.');
  });

  test('escapes what an order holds', () => {
    const page = render([anOrder({ id: 'ord_<script>' })]);
    expect(page).not.toContain('<script>');
    expect(page).toContain('action="/orders/ord_%3Cscript%3E/refund"');
  });
});

describe('referralStanding', () => {
  test.each<[string, Partial<ShopOrder>, string]>([
    ['no code', { code: null, report: null }, 'No referral'],
    ['a redemption pending', { report: 'pending' }, 'Redemption pending'],
    ['a redemption recorded', {}, 'Redemption recorded'],
    ['a redemption refused late', { report: 'refused' }, 'Redemption refused'],
    ['a reversal pending', { refundedAt: '2026-11-23T09:30:00.000Z', reversal: 'pending' }, 'Reversal pending'],
    [
      'a reversal waiting for its redemption',
      { report: 'pending', refundedAt: '2026-11-23T09:30:00.000Z', reversal: 'pending' },
      'Redemption pending, then its reversal',
    ],
    ['a reward reversed', refunded, 'Reward reversed'],
    [
      'a reversed redemption that earned no reward (a repeat order)',
      { ...refunded, ambassadorRewarded: false },
      'Redemption reversed (it earned no reward)',
    ],
    ['a reversal refused', { refundedAt: '2026-11-23T09:30:00.000Z', reversal: 'refused' }, 'Reversal refused'],
    ['a redemption the receiver refused as an event', { report: 'failed' }, 'Redemption failed (see the log)'],
    [
      'a reversal the receiver refused as an event',
      { refundedAt: '2026-11-23T09:30:00.000Z', reversal: 'failed' },
      'Reversal failed (see the log)',
    ],
  ])('words %s', (_why, order, words) => {
    expect(referralStanding(anOrder(order))).toBe(words);
  });
});
