/** Opens the referral ledger on the demo's database: `sqlStore`, its tables created if missing. */
import { sqlStore } from '@referkit/events';
import type { SqlClient } from './database.js';
import type { DemoStore } from './demo-store.js';

/** The ledger on this client, migrated. */
export async function openLedger(client: SqlClient): Promise<DemoStore> {
  const store = sqlStore(client);
  await store.migrate();
  return store;
}
