/**
 * The checkout page: the basket from the product page's query (`?sku=…&qty=…`), the friend's
 * discount from the referral the storefront captured (or a code typed by hand), then the order.
 * The page only previews the discount; the shop's server prices the order and reports it.
 */

import type { PublicCode } from '@referkit/events';
import { normalizeCode } from '@referkit/events/code';
import { friendDiscount } from '@referkit/events/rewards';
import { type CheckoutAttempt, checkoutAttempt } from './checkout-attempt.js';
import { fullPriceSentence, offerSentence } from './friend-offer.js';
import { formatMoney } from './money.js';
import { referkit } from './referkit.js';
import { refusalMessage } from './refusal-message.js';
import { lookUpCode, type Product, placeOrder, products } from './shop-api.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('checkout');
const codeInput = $<HTMLInputElement>('code');
const offer = $<HTMLParagraphElement>('offer');
const error = $<HTMLParagraphElement>('error');
const placedActions = $<HTMLParagraphElement>('placed');

const query = new URL(location.href).searchParams;
const quantity = Math.min(Math.max(Number.parseInt(query.get('qty') ?? '1', 10) || 1, 1), 20);
const sku = query.get('sku') ?? 'sencha-tin';

// A friend may also land here straight from a link: capture() reads ?ref= and keeps what was there.
const referral = referkit.capture();
let product: Product | undefined;
let applied: PublicCode | null = null;
// The discount as the shop priced it, once it refused a total the page had previewed (a repeat
// customer on a first-order offer): shown from then on, until the code or the email changes.
let priced: number | null = null;
// The attempt whose order is placed already, with what the shopper first entered, while the page
// shows it: its key is kept, so Place order shows that order again; "Place a second order" ends it.
let placedAttempt: CheckoutAttempt | null = null;

const catalogue = await products();
// A link to a product the shop does not sell is said so: another product in its place would be a
// basket the shopper never chose.
product = catalogue.ok ? catalogue.value.find((item) => item.sku === sku) : undefined;
const noProduct = catalogue.ok
  ? `This shop sells no product "${sku}". Choose one in the shop.`
  : catalogue.error.message;
if (!product) showError(noProduct);
if (referral) {
  codeInput.value = referral.code;
  await apply(referral.code);
}
render();

$('apply').addEventListener('click', () => void apply(codeInput.value, true));
$('remove').addEventListener('click', () => {
  applied = null;
  priced = null;
  codeInput.value = '';
  // A refusal of the code (its own ambassador's, not a first order) said to remove it: done, it is answered.
  if (codeInput.hasAttribute('aria-invalid')) clearError();
  render();
  codeInput.focus();
});
// The shop's price after a refused total holds for that email: another email is previewed afresh.
$<HTMLInputElement>('email').addEventListener('input', () => {
  if (priced === null) return;
  priced = null;
  render();
});
$('new-order').addEventListener('click', () => {
  placedAttempt?.end();
  placedAttempt = null;
  form.requestSubmit();
});
codeInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    void apply(codeInput.value, true);
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $<HTMLInputElement>('email');
  if (!product) return showError(noProduct);
  if (!email.checkValidity()) return showError('Please enter your email address, e.g. sam@example.com.', email);
  const place = $<HTMLButtonElement>('place');
  place.disabled = true;
  clearError();
  placedActions.hidden = true;
  const current = referkit.referral();
  const attempt = checkoutAttempt(`${product.sku}:${quantity}`);
  const result = await placeOrder(
    {
      email: email.value,
      items: [{ sku: product.sku, quantity }],
      ...(applied ? { code: applied.code } : {}),
      expectedTotal: totals().total,
      // The landing the storefront captured, when it is the code being used.
      ...(applied && current?.code === applied.code
        ? {
            attribution: {
              landedAt: current.landedAt,
              ...(current.channel ? { channel: current.channel } : {}),
              model: 'last_touch' as const,
            },
          }
        : {}),
    },
    attempt.key,
  );
  place.disabled = false;
  // A verdict from the shop ends the attempt: placed, or nothing placed (a refusal, a new total), so
  // the next press may change the code or the email. Without one (no connection, 408, 429, a 5xx) the
  // order may be placed already: the key is kept, and pressing again asks for that order.
  const unanswered =
    !result.ok && (result.status === 0 || result.status === 408 || result.status === 429 || result.status >= 500);
  // The email or the code changed since a lost answer: the order this attempt placed is shown, and
  // a second order is the shopper's separate choice.
  const placedBefore = !result.ok && result.error.code === 'idempotency_conflict' ? result.error.placed : undefined;
  placedAttempt = placedBefore ? attempt : null;
  if (!unanswered && !placedBefore) attempt.end();
  if (!result.ok && result.error.order) {
    priced = result.error.order.discount;
    render();
    return showError(result.error.message);
  }
  if (placedBefore) {
    $<HTMLAnchorElement>('placed-link').href = thanksPage(placedBefore.order.id);
    placedActions.hidden = false;
  }
  // A refusal of the code is the code field's: it is marked, and Remove answers it. Focus stays where it is.
  const aboutCode = !result.ok && (result.error.code === 'self_referral' || result.error.code === 'not_first_order');
  if (!result.ok) return showError(refusalMessage(result.error, applied), aboutCode ? codeInput : undefined, false);
  location.assign(thanksPage(result.value.order.id));
});
// Now the page places orders itself (the button was disabled until then).
$<HTMLButtonElement>('place').disabled = false;

function thanksPage(orderId: string): string {
  return `/checkout/thanks.html?order=${encodeURIComponent(orderId)}`;
}

/** Looks a code up and applies its offer, or says why not. */
async function apply(input: string, typed = false): Promise<void> {
  const code = normalizeCode(input);
  if (!code) {
    if (typed) showError('That does not look like a referral code. Codes look like ALEX-7HC2QK.', codeInput);
    return;
  }
  const lookup = await lookUpCode(code);
  if (!lookup.ok) {
    applied = null;
    priced = null;
    // A link's code too (a typo in a shared link, an ambassador who left): said, not dropped in
    // silence at the full price. Focus moves only for a code the shopper just typed.
    showError(
      lookup.error.code === 'unknown_code' ? `No ambassador has the code ${code}.` : lookup.error.message,
      codeInput,
      typed,
    );
    render();
    return;
  }
  applied = lookup.value;
  priced = null;
  codeInput.value = code;
  clearError();
  render();
}

/** The basket's subtotal, discount and total as the page shows them. */
function totals(): { subtotal: number; discount: number; total: number } {
  const subtotal = (product?.price ?? 0) * quantity;
  const discount = priced ?? (applied ? friendDiscount(applied.friendOffer, subtotal) : 0);
  return { subtotal, discount, total: subtotal - discount };
}

function render(): void {
  // Once the shop priced this email's order without the discount, the line stops promising it.
  const sentence = applied ? (priced === 0 ? fullPriceSentence(applied) : offerSentence(applied)) : '';
  // Written only when it changes, so the live region announces news, not every render.
  if (offer.textContent !== sentence) offer.textContent = sentence;
  if (!product) return;
  const { subtotal, discount, total } = totals();
  const money = (minor: number) => formatMoney(minor, 'USD');
  const row = document.createElement('tr');
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = `${product.name} × ${quantity}`;
  const price = document.createElement('td');
  price.textContent = money(subtotal);
  row.append(name, price);
  $('lines').replaceChildren(row);
  $('subtotal').textContent = money(subtotal);
  $('discount-row').hidden = discount === 0;
  $('discount-label').textContent = applied ? `Friend's discount (${applied.code})` : '';
  $('discount').textContent = `−${money(discount)}`;
  $('total').textContent = money(total);
  $('remove').hidden = !applied;
  $('apply').hidden = !!applied;
}

/**
 * Says what went wrong in the page's alert. A problem with one field marks that field invalid and
 * makes the alert its description, so a screen reader says it with the field, not only once.
 */
function showError(message: string, field?: HTMLInputElement, focus = true): void {
  clearError();
  error.textContent = message;
  error.hidden = false;
  if (!field) return;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', error.id);
  if (focus) field.focus();
}

/** Hides the alert and unmarks the field it was about. */
function clearError(): void {
  error.hidden = true;
  for (const field of [codeInput, $<HTMLInputElement>('email')]) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}
