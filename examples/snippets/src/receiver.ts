// README: the receiver, created once per process. One PostgreSQL ledger for every instance.
import { createReceiver, type ProgramInput, sqlStore } from '@referkit/events';
import pg from 'pg';

const program: ProgramInput = {
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
};

const store = sqlStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
await store.migrate();

/** Signed events from your servers; set `confirmOrder` instead to accept browsers' claims. */
export const receive = createReceiver({
  programs: [program],
  store,
  secret: process.env.REFERKIT_WEBHOOK_SECRET,
  resolveCode: (code, program) => store.ambassadorByCode(code, program),
});
