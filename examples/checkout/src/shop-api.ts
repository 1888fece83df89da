/** The demo shop's API as the checkout calls it. Every call answers a result; none throws. */
import type { PublicCode } from '@referkit/events';

/** A product from `GET /api/products`. */
export interface Product {
  sku: string;
  name: string;
  price: number;
}

/** An order as the shop answers it. */
export interface PlacedOrder {
  order: { id: string; currency: string; subtotal: number; discount: number; total: number };
  code: string | null;
  /** When the shop refunded the order (its referral then earns nothing); null while it stands. */
  refundedAt: string | null;
  /** Whether the order earned the friend who brought the shopper a reward; null until the receiver answered. */
  ambassadorRewarded: boolean | null;
  /** The fields for the SDK's `redeem`, identical to the redemption the shop's server signed. */
  redemption: {
    orderId: string;
    order: { currency: 'USD'; subtotal: number; discount: number; total: number };
    customer: { id: string; firstOrder: boolean };
  } | null;
}

/**
 * The shop's error; with `total_changed`, the order as the server prices it; with
 * `idempotency_conflict`, the order the attempt already placed (with what was first entered).
 */
export interface ShopError {
  code: string;
  message: string;
  order?: { subtotal: number; discount: number; total: number };
  placed?: PlacedOrder;
}

/** An API answer: the value, or the shop's error with the HTTP status (0: no answer reached the page). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ShopError };

async function call<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, init);
    const body = await response.json().catch(() => ({}));
    if (response.ok) return { ok: true, value: body as T };
    return {
      ok: false,
      status: response.status,
      error: body.error ?? { code: `http_${response.status}`, message: `The shop answered ${response.status}.` },
    };
  } catch {
    return {
      ok: false,
      status: 0,
      error: { code: 'network_error', message: 'The shop could not be reached. Check your connection and try again.' },
    };
  }
}

/** The shop's products. */
export const products = () => call<Product[]>('/api/products');

/** What a code offers; `unknown_code` when no ambassador has it. */
export const lookUpCode = (code: string) => call<PublicCode>(`/api/codes/${encodeURIComponent(code)}`);

/**
 * Places an order; the server prices it and reports the referral. The same `idempotencyKey` again
 * (see checkout-attempt.ts) is answered with the order it placed, never a second one.
 */
export const placeOrder = (
  request: {
    email: string;
    items: { sku: string; quantity: number }[];
    code?: string;
    attribution?: { landedAt: string; channel?: string; model: 'last_touch' | 'first_touch' };
    /** The total the page showed: the shop refuses (`total_changed`) to charge another. */
    expectedTotal?: number;
  },
  idempotencyKey: string,
) =>
  call<PlacedOrder>('/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(request),
  });

/** A placed order, for the thank-you page. */
export const orderById = (id: string) => call<PlacedOrder>(`/api/orders/${encodeURIComponent(id)}`);
