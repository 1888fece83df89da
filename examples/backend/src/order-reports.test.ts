/**
 * `resendPendingReports` on what the receiver answers: the program's rule refusal settles a report,
 * the shop's own setup fault (a refused signature) keeps it pending and says so once in the log; a
 * refund's reversal is sent after its order's redemption is recorded, never before. On PGlite in
 * memory, and on PostgreSQL when DATABASE_URL is set.
 */
import type { Program } from '@referkit/events';
import type { Delivery } from '@referkit/sdk';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SqlClient } from './database.js';
import { demoProgram } from './demo-program.js';
import { resendPendingReports } from './order-reports.js';
import { insertOrder, orderById, type ShopOrder } from './orders.js';
import { saveProgram } from './programs.js';
import { aShopOrder } from './testing/shop-order.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

/** What the receiver answers for a signature made with another secret, as the server SDK reports it. */
const wrongSecret: Delivery = {
  ok: false,
  queued: false,
  error: {
    code: 'invalid_signature',
    message: 'Expected a v1 signature made with the shared secret over this exact body',
  },
};
/** What the receiver answers for an event it cannot take at all, here for a landing before 2000. */
const invalidEvent: Delivery = {
  ok: false,
  queued: false,
  error: {
    code: 'invalid_event',
    message: 'Not a valid event at attribution.landedAt: Expected a time from the year 2000 on',
    issues: [
      { path: ['attribution', 'landedAt'], code: 'past_timestamp', message: 'Expected a time from the year 2000 on' },
    ],
  },
};
const notFirstOrder: Delivery = {
  ok: false,
  queued: false,
  error: { code: 'not_first_order', message: 'The offer is for first orders only' },
};

describe.each(testDatabases)('resendPendingReports on $kind', (database) => {
  let client: SqlClient;
  let program: Program;
  const tables = freshDemoTables(database);

  const anOrder = (order: Partial<ShopOrder> = {}): ShopOrder =>
    aShopOrder({
      id: 'ord_pending_report',
      program: program.id,
      report: 'pending',
      createdAt: new Date().toISOString(),
      ...order,
    });

  beforeEach(async () => {
    client = tables();
    program = await saveProgram(client, demoProgram(new Date()));
    await insertOrder(client, anOrder());
  });

  /** What was sent, in order: `redemption <order id>` or `reversal <order id>`. */
  let sent: string[] = [];
  const resend = (answer: Delivery, reversal: Delivery = answer) => {
    sent = [];
    return resendPendingReports(client, new Map([[program.id, program]]), {
      redeem: async (_, claim) => {
        sent.push(`redemption ${claim.orderId}`);
        return answer;
      },
      reverse: async (_, claim) => {
        sent.push(`reversal ${claim.orderId}`);
        return reversal;
      },
    });
  };
  const recorded: Delivery = { ok: true, status: 201 };
  const unavailable: Delivery = {
    ok: false,
    queued: true,
    error: { code: 'store_unavailable', message: 'The store is unavailable; nothing was recorded. Retry later.' },
  };
  const refunded = { refundedAt: new Date().toISOString(), reversal: 'pending' } as const;

  test('keeps a report pending when the receiver refuses the shop’s signature, and logs it for the operator', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await resend(wrongSecret)).toBe(1);
    const lines = logged.mock.calls.map(([line]) => String(line));
    logged.mockRestore();
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ status: 'placed', report: 'pending' });
    expect(lines).toEqual([
      expect.stringContaining(
        'Could not report the redemption of order ord_pending_report: the receiver answered invalid_signature',
      ),
    ]);
  });

  test('marks a report the receiver refuses as an event failed, sends it no more, and says so once in the log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await resend(invalidEvent)).toBe(0);
    expect(await resend(recorded)).toBe(0);
    const lines = logged.mock.calls.map(([line]) => String(line));
    logged.mockRestore();
    expect(sent).toEqual([]);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ status: 'placed', report: 'failed' });
    expect(lines).toEqual([
      expect.stringContaining(
        'Could not report the redemption of order ord_pending_report: the receiver refused the event itself (invalid_event: Not a valid event at attribution.landedAt',
      ),
    ]);
    // Not the secret, nor the clock: the shop built an event no receiver takes.
    expect(lines[0]).not.toMatch(/SECRET|clock/);
  });

  test("marks a refund's reversal failed when the receiver refuses it as an event, and sends it no more", async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder({ report: 'recorded', ...refunded }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await resend(recorded, invalidEvent)).toBe(0);
    expect(await resend(recorded)).toBe(0);
    const lines = logged.mock.calls.length;
    logged.mockRestore();
    expect(lines).toBe(1);
    expect(sent).toEqual([]);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ report: 'recorded', reversal: 'failed' });
  });

  test("settles a report the program's rules refuse, leaving the order placed", async () => {
    expect(await resend(notFirstOrder)).toBe(0);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ status: 'placed', report: 'refused' });
  });

  test("sends a refund's reversal once its order's redemption is recorded, and settles it", async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder({ report: 'recorded', ...refunded }));
    expect(await resend(recorded)).toBe(0);
    expect(sent).toEqual(['reversal ord_pending_report']);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ report: 'recorded', reversal: 'recorded' });
  });

  test('sends the redemption of a refunded order first, and its reversal only once that is recorded', async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder(refunded));
    expect(await resend(unavailable)).toBe(1);
    expect(sent).toEqual(['redemption ord_pending_report']);
    expect(await resend(recorded)).toBe(0);
    expect(sent).toEqual(['redemption ord_pending_report', 'reversal ord_pending_report']);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ report: 'recorded', reversal: 'recorded' });
  });

  test('keeps a reversal pending while the receiver is unavailable', async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder({ report: 'recorded', ...refunded }));
    expect(await resend(recorded, unavailable)).toBe(1);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ reversal: 'pending' });
  });

  test('drops the reversal of a refunded order whose redemption the program refuses late', async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder(refunded));
    expect(await resend(notFirstOrder)).toBe(0);
    expect(sent).toEqual(['redemption ord_pending_report']);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ report: 'refused', reversal: null });
  });

  test('drops the reversal of a refunded order whose redemption fails', async () => {
    await client.query('DELETE FROM demo_orders');
    await insertOrder(client, anOrder(refunded));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await resend(invalidEvent)).toBe(0);
    logged.mockRestore();
    expect(sent).toEqual(['redemption ord_pending_report']);
    expect(await orderById(client, 'ord_pending_report')).toMatchObject({ report: 'failed', reversal: null });
  });
});
