/**
 * A signed reversal that comes before its order's redemption: the shop refunds at once while the
 * redemption is still in another process's outbox, retried after a 503. Not refused for good: answered
 * `503 redemption_pending`, nothing recorded, until `reversalWaitSec` after its `occurredAt`; then
 * `422 unknown_order`, so a reversal of an order that never redeemed is not retried for ever. On the
 * memory store, PGlite and PostgreSQL (when DATABASE_URL is set), whose rolled-back commit must leave no
 * key behind for the retry.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from './stores/memory-store.js';
import { sqlStore } from './stores/sql-store.js';
import type { ReferralStore } from './stores/store.js';
import { aRedemption, aReversal } from './testing/fixtures.js';
import { aReceiver, errorCode, NOW, signed, unsigned } from './testing/receiver-harness.js';

/** A refund two seconds before the receivers' clock. */
const refund = aReversal({ occurredAt: '2026-11-22T10:00:10.000Z' });

const TABLES = ['programs', 'ambassadors', 'idempotency', 'codes', 'customers', 'ledger'];
let db: PGlite;
let pool: pg.Pool | undefined;
const prefixes: string[] = [];
beforeAll(async () => {
  db = new PGlite();
  if (process.env.DATABASE_URL) pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
});
afterAll(async () => {
  await db.close();
  for (const prefix of prefixes)
    for (const table of TABLES) await pool?.query(`DROP TABLE IF EXISTS ${prefix}${table}`);
  await pool?.end();
});

/** A fresh, migrated SQL store under tables of its own. */
async function freshSql(client: PGlite | pg.Pool) {
  const prefix = `rkwait${process.pid}_${prefixes.length}_`;
  prefixes.push(prefix);
  const store = sqlStore(client, { prefix });
  await store.migrate();
  return store;
}

const stores: [string, () => Promise<ReferralStore>][] = [
  ['memory', async () => memoryStore()],
  ['PGlite', () => freshSql(db)],
  ...(process.env.DATABASE_URL ? [['PostgreSQL', () => freshSql(pool!)] as (typeof stores)[number]] : []),
];

/** Alex's store credit as the ledger stands a minute after the receivers' clock. */
async function alexCredit(store: ReferralStore) {
  const stats = await store.stats({ program: 'spring-2026', now: new Date(NOW.getTime() + 60_000) });
  return stats.ambassadors.find((ambassador) => ambassador.code === 'ALEX-7HC2QK')?.rewards.credit;
}

describe.each(stores)('createReceiver: a signed reversal before its redemption (%s)', (_name, fresh) => {
  it('answers 503 redemption_pending and records nothing', async () => {
    const { receive, store } = await aReceiver({ store: await fresh() });
    const answer = await receive.handle(await signed(refund));
    expect([answer.status, errorCode(answer)]).toEqual([503, 'redemption_pending']);
    expect(answer.body).toMatchObject({ error: { issues: [{ path: ['orderId'] }] } });
    expect(await alexCredit(store)).toBeUndefined();
  });

  it('records the reversal sent again once the redemption is in, taking the reward back', async () => {
    const { receive, store } = await aReceiver({ store: await fresh() });
    expect((await receive.handle(await signed(refund))).status).toBe(503);
    expect((await receive.handle(await signed(aRedemption()))).status).toBe(201);
    expect((await receive.handle(await signed(refund))).status).toBe(201);
    expect(await alexCredit(store)).toMatchObject({ pending: 0, confirmed: 0, reversed: 1000 });
  });

  it('refuses it for good, 422 unknown_order, once reversalWaitSec have passed since its occurredAt', async () => {
    const { receive } = await aReceiver({ store: await fresh(), reversalWaitSec: 60 });
    const young = await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:59:12.001Z' })));
    expect([young.status, errorCode(young)]).toEqual([503, 'redemption_pending']);
    const old = await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:59:12.000Z' })));
    expect([old.status, errorCode(old)]).toEqual([422, 'unknown_order']);
  });
});

describe('createReceiver: the wait for a reversal’s redemption', () => {
  it('waits five minutes by default', async () => {
    const { receive } = await aReceiver();
    const young = await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:55:12.001Z' })));
    expect(errorCode(young)).toBe('redemption_pending');
    const old = await receive.handle(await signed(aReversal({ occurredAt: '2026-11-22T09:55:12.000Z' })));
    expect(errorCode(old)).toBe('unknown_order');
  });

  it('does not wait with reversalWaitSec 0', async () => {
    const { receive } = await aReceiver({ reversalWaitSec: 0 });
    const answer = await receive.handle(await signed(refund));
    expect([answer.status, errorCode(answer)]).toEqual([422, 'unknown_order']);
  });

  it('refuses an unsigned reversal of an order not recorded at once', async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: () => true });
    const answer = await receive.handle(unsigned(refund));
    expect([answer.status, errorCode(answer)]).toEqual([422, 'unknown_order']);
  });

  it('refuses a reversal under a code no ambassador has at once, unknown_code', async () => {
    const { receive } = await aReceiver();
    const answer = await receive.handle(await signed({ ...refund, code: 'NOBODY-7HC2QK' }));
    expect([answer.status, errorCode(answer)]).toEqual([422, 'unknown_code']);
  });

  it.each([Number.NaN, -1, Infinity])('refuses a reversalWaitSec of %s at creation', async (reversalWaitSec) => {
    await expect(aReceiver({ reversalWaitSec })).rejects.toThrow(/reversalWaitSec/);
  });
});
