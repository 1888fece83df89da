/**
 * The thank-you page reports the redemption from the browser with the SDK's `redeem`. It is the
 * same order the shop's server already reported, signed: the receiver answers `duplicate` with
 * the first answer's rewards, so a reload — or this page and the server racing — counts once.
 * A refunded order is said to be refunded: its reward, if it earned one, is reversed, and nothing is
 * reported.
 */
import { formatMoney } from './money.js';
import { referkit } from './referkit.js';
import { orderById } from './shop-api.js';

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const status = $('referral');
const id = new URL(location.href).searchParams.get('order') ?? '';

const placed = await orderById(id);
if (!placed.ok) {
  // Only the shop's own "no such order" means that: no answer, or a 5xx, says nothing about the order.
  status.textContent =
    placed.error.code === 'unknown_order'
      ? 'We could not find this order.'
      : 'We could not load your order just now: the shop did not answer. Reload this page in a moment.';
} else {
  const { order, redemption, code, refundedAt, ambassadorRewarded } = placed.value;
  const money = (minor: number) => formatMoney(minor, order.currency);
  $('order-id').textContent = order.id;
  $('order-total').textContent = money(order.total);
  // Shown only once there is an order to show: an unknown id gets no empty "Order · total" line.
  $('order-summary').hidden = false;
  if (refundedAt) {
    // The receiver would still answer the redemption `duplicate` with its first, pending reward.
    // Said only of an order that earned one: a repeat order mostly earned the friend nothing.
    status.textContent =
      code && ambassadorRewarded
        ? `This order was refunded, so it no longer earns your friend a reward for code ${code}.`
        : 'This order was refunded.';
    status.dataset.state = 'refunded';
  } else if (!redemption || !code) {
    status.textContent = 'No referral code was used for this order.';
  } else {
    const captured = referkit.referral();
    const delivery = await referkit.redeem({
      ...redemption,
      referral: captured?.code === code ? captured : { code },
    });
    if (delivery.ok && delivery.rewards) {
      const { friend, ambassador } = delivery.rewards;
      const reward = ambassador
        ? ambassador.type === 'points'
          ? `${ambassador.amount} points`
          : `${formatMoney(ambassador.amount, ambassador.currency)} ${ambassador.type}`
        : null;
      // A repeat order on a first-order offer saves nothing, and the shop reports it under the code that
      // brought the shopper, whether they entered that code again or none.
      const credit =
        friend.discount > 0
          ? `You saved ${formatMoney(friend.discount, friend.currency)} with code ${code}.`
          : redemption.customer.firstOrder
            ? `You ordered with code ${code}.`
            : `Your order is credited to ${code}, the code of the friend who brought you.`;
      status.textContent = `${credit}${reward ? ` Your friend earns ${reward} (${ambassador?.status}).` : ''}`;
      status.dataset.state = delivery.status === 201 ? 'recorded' : 'duplicate';
    } else if (delivery.ok) {
      status.textContent = `Your referral with code ${code} is recorded.`;
    } else {
      status.textContent = delivery.queued
        ? 'Your referral is saved on this device and will be reported shortly. There is nothing more to do.'
        : `Your referral could not be recorded: ${delivery.error.message}.`;
    }
  }
}
