/**
 * The demo shop's real parts on a test database, without a port: the ledger (`sqlStore`, made afresh),
 * the seeded program and ambassadors, the receiver, and the signed server SDK whose requests go to
 * that receiver in-process. A test can hold the receiver's answers back (`answer`) to play a 503.
 */
import type { Ambassador, Program } from '@referkit/events';
import { generateSecret } from '@referkit/events/signature';
import type { SqlClient } from '../database.js';
import { createDemoReceiver } from '../demo-receiver.js';
import type { DemoStore } from '../demo-store.js';
import { openLedger } from '../ledger.js';
import { seedDemo } from '../seed.js';
import { type SignedDelivery, signedDelivery } from '../signed-delivery.js';

/** A shop on one test database. */
export interface InProcessShop {
  store: DemoStore;
  programs: ReadonlyMap<string, Program>;
  program: Program;
  /** The seeded ambassador of the `ambassador` role. */
  ambassador: Ambassador;
  receiver: (request: Request) => Promise<Response>;
  deliver: SignedDelivery;
  /** The type of every event body the SDK sent, in order (`redemption`, `reversal`), each attempt counted. */
  sent: string[];
  /** Answers the next requests in the receiver's place while it returns a Response (e.g. a 503). */
  answer(next: (() => Response | null) | null): void;
}

/**
 * Makes the ledger afresh on `client`, seeds the demo at `now` and wires the receiver and the signed SDK to
 * it, both on `clock` when given (a test moving days on, past a reward hold), else on the machine's.
 */
export async function inProcessShop(client: SqlClient, now = new Date(), clock?: () => Date): Promise<InProcessShop> {
  // freshDemoTables makes the demo's own tables afresh; the ledger's are made afresh here.
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'referkit\\_%'`,
  );
  if (rows.length) await client.query(`DROP TABLE ${rows.map((row) => row.name).join(', ')} CASCADE`);
  const store = await openLedger(client);
  const seeded = await seedDemo(client, store, now);
  const programs = new Map(seeded.programs.map((program) => [program.id, program]));
  const program = seeded.programs[0] as Program;
  const ambassador = seeded.ambassadors.find((one) => one.role === 'ambassador') as Ambassador;
  const secret = generateSecret();
  const onClock = clock ? { now: clock } : {};
  const receiver = createDemoReceiver({ client, store, programs, secret, ...onClock });
  const sent: string[] = [];
  let override: (() => Response | null) | null = null;
  const deliver = signedDelivery({
    ...onClock,
    secret,
    endpoint: 'http://shop.test/api',
    fetch: async (input, init) => {
      sent.push(JSON.parse(String(init?.body)).type);
      return override?.() ?? receiver(new Request(input, init));
    },
  });
  return {
    store,
    programs,
    program,
    ambassador,
    receiver,
    deliver,
    sent,
    answer: (next) => {
      override = next;
    },
  };
}
