/** The demo shop's orders table: what the checkout placed, and what a browser claim is checked against. */
import type { Attribution, Currency, CustomerOrder } from '@referkit/events';
import type { DeliveryError } from '@referkit/sdk';
import type { SqlClient } from './database.js';

/** An order line: a product and how many. */
export interface OrderLine {
  sku: string;
  name: string;
  price: number;
  quantity: number;
}

/** An order as the shop keeps it. Money in minor units. */
export interface ShopOrder {
  id: string;
  program: string;
  customerId: string;
  emailHash: string;
  code: string | null;
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
  firstOrder: boolean;
  items: OrderLine[];
  attribution: Attribution | null;
  status: 'placed' | 'refused';
  /** Where its signed redemption stands; null when it had no referral. */
  report: OrderReport | null;
  /**
   * Whether its redemption earned the ambassador a reward, as the receiver answered it (a repeat order
   * earns most roles none); null until it answered, and for an order recorded before the shop kept it.
   */
  ambassadorRewarded: boolean | null;
  /** The checkout attempt's `Idempotency-Key`; null for a request sent without one. */
  idempotencyKey: string | null;
  /** Why the program refused the order; null unless it was refused at checkout. */
  refusal: OrderRefusal | null;
  createdAt: string;
  /** When the shop refunded it; null while it stands. */
  refundedAt: string | null;
  /** Where the refund's signed reversal stands; null when it has no reward to take back. */
  reversal: OrderReport | null;
}

/** The receiver's verdict that made the shop refuse an order, as the checkout was told it. */
export type OrderRefusal = DeliveryError;

/**
 * Where an order's signed redemption (or its refund's reversal) stands with the receiver: `refused` is
 * the program's verdict, `failed` the receiver's refusal of the event itself (a defect of the report,
 * which sending it again would not cure).
 */
export type OrderReport = 'pending' | 'recorded' | 'refused' | 'failed';

/** Every state a report can be in, as the orders table's checks list them. */
export const ORDER_REPORTS: readonly OrderReport[] = ['pending', 'recorded', 'refused', 'failed'];

interface OrderRow {
  id: string;
  program: string;
  customer_id: string;
  email_hash: string;
  code: string | null;
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
  first_order: boolean;
  items: OrderLine[] | string;
  attribution: Attribution | string | null;
  status: 'placed' | 'refused';
  report: OrderReport | null;
  ambassador_rewarded: boolean | null;
  idempotency_key: string | null;
  refusal: OrderRefusal | string | null;
  created_at: Date | string;
  refunded_at: Date | string | null;
  reversal: OrderReport | null;
}

/**
 * Records an order; false when an order with its idempotency key is already there, in which case
 * nothing is written. The database decides, so two attempts racing on two connections cannot both win.
 */
export async function insertOrder(client: SqlClient, order: ShopOrder): Promise<boolean> {
  const { rows } = await client.query(
    `INSERT INTO demo_orders (id, program, customer_id, email_hash, code, currency, subtotal, discount, total,
       first_order, items, attribution, status, report, idempotency_key, created_at, refunded_at, reversal,
       ambassador_rewarded)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [
      order.id,
      order.program,
      order.customerId,
      order.emailHash,
      order.code,
      order.currency,
      order.subtotal,
      order.discount,
      order.total,
      order.firstOrder,
      JSON.stringify(order.items),
      order.attribution ? JSON.stringify(order.attribution) : null,
      order.status,
      order.report,
      order.idempotencyKey,
      order.createdAt,
      order.refundedAt,
      order.reversal,
      order.ambassadorRewarded,
    ],
  );
  return rows.length === 1;
}

/**
 * Records the receiver's verdict on an order's redemption, and whether it earned the ambassador a
 * reward when the answer says (null keeps what is known). A refused or failed one leaves a refund
 * nothing to take back: its pending reversal is dropped, never sent.
 */
export async function settleReport(
  client: SqlClient,
  id: string,
  report: OrderReport,
  ambassadorRewarded: boolean | null = null,
): Promise<void> {
  await client.query(
    `UPDATE demo_orders SET report = $2, ambassador_rewarded = COALESCE($3::boolean, ambassador_rewarded),
       reversal = CASE WHEN $2 IN ('refused', 'failed') THEN NULL ELSE reversal END
     WHERE id = $1`,
    [id, report, ambassadorRewarded],
  );
}

/** Records the receiver's verdict on a refunded order's reversal. */
export async function settleReversal(client: SqlClient, id: string, reversal: OrderReport): Promise<void> {
  await client.query('UPDATE demo_orders SET reversal = $2 WHERE id = $1', [id, reversal]);
}

/** Placed orders whose redemption still waits for a verdict, oldest first. */
export async function pendingReports(client: SqlClient): Promise<ShopOrder[]> {
  const { rows } = await client.query<OrderRow>(
    `SELECT * FROM demo_orders WHERE status = 'placed' AND report = 'pending' ORDER BY created_at`,
  );
  return rows.map(fromRow);
}

/** Marks an order refused: the receiver turned its referral down, so the shop did not take it. */
export async function refuseOrder(client: SqlClient, id: string, refusal: OrderRefusal): Promise<void> {
  await client.query(
    `UPDATE demo_orders SET status = 'refused', report = 'refused', reversal = NULL, refusal = $2 WHERE id = $1`,
    [id, JSON.stringify(refusal)],
  );
}

/**
 * Marks a placed order refunded and, when its referral was not refused nor failed, its reversal `pending`, in one
 * statement: the order as refunded, or null when it is unknown, not placed or already refunded. The
 * database decides, so a double-clicked button or two tabs refund it once.
 */
export async function markRefunded(client: SqlClient, id: string, at: Date): Promise<ShopOrder | null> {
  if (id.includes('\0')) return null;
  const { rows } = await client.query<OrderRow>(
    `UPDATE demo_orders
     SET refunded_at = $2,
       reversal = CASE WHEN code IS NOT NULL AND report IS DISTINCT FROM 'refused' AND report IS DISTINCT FROM 'failed'
         THEN 'pending' END
     WHERE id = $1 AND status = 'placed' AND refunded_at IS NULL
     RETURNING *`,
    [id, at.toISOString()],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * Refunded orders whose reversal waits for a verdict and whose redemption is recorded, oldest refund
 * first. One still waiting for its redemption's verdict is left out: the receiver would keep a reversal
 * sent before it waiting (`redemption_pending`), and refuse it five minutes on (`unknown_order`).
 */
export async function pendingReversals(client: SqlClient): Promise<ShopOrder[]> {
  const { rows } = await client.query<OrderRow>(
    `SELECT * FROM demo_orders WHERE reversal = 'pending' AND report = 'recorded' ORDER BY refunded_at`,
  );
  return rows.map(fromRow);
}

/** The newest orders, placed or refused, newest first: at most `limit`. */
export async function recentOrders(client: SqlClient, limit: number): Promise<ShopOrder[]> {
  const { rows } = await client.query<OrderRow>('SELECT * FROM demo_orders ORDER BY created_at DESC, id LIMIT $1', [
    limit,
  ]);
  return rows.map(fromRow);
}

/** The order with this id, or null. */
export async function orderById(client: SqlClient, id: string): Promise<ShopOrder | null> {
  // PostgreSQL text cannot hold a NUL byte and refuses the query: no order has such an id.
  if (id.includes('\0')) return null;
  const { rows } = await client.query<OrderRow>('SELECT * FROM demo_orders WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The order a checkout attempt with this idempotency key placed (or had refused), or null. */
export async function orderByIdempotencyKey(client: SqlClient, key: string): Promise<ShopOrder | null> {
  const { rows } = await client.query<OrderRow>('SELECT * FROM demo_orders WHERE idempotency_key = $1', [key]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * How many orders this customer has placed (refused ones do not count), but the one an attempt's
 * `Idempotency-Key` placed: a request racing another of its attempt is pricing that same order, not a
 * repeat one.
 */
export async function placedOrderCount(
  client: SqlClient,
  customerId: string,
  attemptKey: string | null = null,
): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM demo_orders WHERE customer_id = $1 AND status = 'placed'
       AND ($2::text IS NULL OR idempotency_key IS DISTINCT FROM $2)`,
    [customerId, attemptKey],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The customer's placed orders with a code whose redemption was not refused nor refunded, oldest
 * first: the shop's copy of what the receiver's ledger holds (or will, once pending reports are
 * sent) for them. The ledger does not count a reversed redemption either.
 */
export async function referredOrders(client: SqlClient, customerId: string): Promise<CustomerOrder[]> {
  const { rows } = await client.query<{ code: string; created_at: Date | string }>(
    `SELECT code, created_at FROM demo_orders
     WHERE customer_id = $1 AND status = 'placed' AND code IS NOT NULL AND report IS DISTINCT FROM 'refused'
       AND refunded_at IS NULL
     ORDER BY created_at`,
    [customerId],
  );
  return rows.map((row) => ({ code: row.code, occurredAt: new Date(row.created_at).toISOString() }));
}

function fromRow(row: OrderRow): ShopOrder {
  // pg parses jsonb into objects; PGlite does too, but a string is tolerated for other drivers.
  const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  return {
    id: row.id,
    program: row.program,
    customerId: row.customer_id,
    emailHash: row.email_hash,
    code: row.code,
    currency: row.currency,
    subtotal: row.subtotal,
    discount: row.discount,
    total: row.total,
    firstOrder: row.first_order,
    items: json(row.items),
    attribution: row.attribution === null ? null : json(row.attribution),
    status: row.status,
    report: row.report ?? null,
    ambassadorRewarded: row.ambassador_rewarded ?? null,
    idempotencyKey: row.idempotency_key ?? null,
    refusal: row.refusal ? json(row.refusal) : null,
    createdAt: new Date(row.created_at).toISOString(),
    refundedAt: row.refunded_at ? new Date(row.refunded_at).toISOString() : null,
    reversal: row.reversal ?? null,
  };
}
