/** The ledger the demo runs on: the receiver's `sqlStore` over PGlite or PostgreSQL. */
import type { ReferralStore } from '@referkit/events';

/** The store the receiver records into and the dashboard reads from. */
export type DemoStore = ReferralStore;
