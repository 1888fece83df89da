/**
 * A store in process memory, for tests, demos and single-process receivers. Every commit runs
 * synchronously inside one call, so in JavaScript's single thread it is atomic without locks.
 */
import type { Ambassador } from '../ambassador.js';
import type { ReferralEvent } from '../event.js';
import type { Program } from '../program.js';
import type { RedemptionRewards } from '../rewards.js';
import { ledgerTotals } from './ledger-totals.js';
import { assembleStats, type ProgramStats, planStats, type StatsQuery } from './stats.js';
import type { CommitRequest, CommitResult, LedgerHistory, LedgerRow, ReferralStore } from './store.js';
import { ledgerRow } from './store.js';

interface KeyRecord {
  fingerprint: string;
  rewards: RedemptionRewards | null;
}

/**
 * A customer's rows: most customers order once, so a lone row is kept as it is, sparing the heap
 * an array per customer (and the garbage collector two objects per redemption to trace).
 */
type CustomerRows = LedgerRow | LedgerRow[];

interface CustomerLookup {
  byId: CustomerRows | undefined;
  byEmail: CustomerRows | undefined;
}

/** One program's ledger with its indexes, keyed by raw ids (no composite keys to build per event). */
interface ProgramLedger {
  rows: LedgerRow[];
  redemptions: Map<string, LedgerRow>;
  firstOrders: Map<string, number>;
  byCustomerId: Map<string, CustomerRows>;
  byEmailHash: Map<string, CustomerRows>;
}

const NO_ORDERS: LedgerHistory['customerOrders'] = [];

/**
 * Creates an empty store in memory. Keys live as long as the process (well past the 7 days promised).
 * @example
 * const store = memoryStore();
 * const receive = createReceiver({ programs, store, resolveCode: (code, program) => store.ambassadorByCode(code, program) });
 */
export function memoryStore(): ReferralStore {
  const keys = new Map<string, KeyRecord>();
  const ledgers = new Map<string, ProgramLedger>();
  const programs = new Map<string, Program>();
  const ambassadors = new Map<string, { program: string; ambassador: Ambassador }>();

  function ledgerOf(program: string): ProgramLedger {
    let ledger = ledgers.get(program);
    if (!ledger) {
      ledger = {
        rows: [],
        redemptions: new Map(),
        firstOrders: new Map(),
        byCustomerId: new Map(),
        byEmailHash: new Map(),
      };
      ledgers.set(program, ledger);
    }
    return ledger;
  }

  /** The customer's rows under each identity, looked up once for both the history and the index. */
  function customerRowsOf(ledger: ProgramLedger, event: ReferralEvent): CustomerLookup {
    const customer = event.type === 'redemption' ? event.customer : undefined;
    return {
      byId: customer?.id === undefined ? undefined : ledger.byCustomerId.get(customer.id),
      byEmail: customer?.emailHash === undefined ? undefined : ledger.byEmailHash.get(customer.emailHash),
    };
  }

  function history(ledger: ProgramLedger, request: CommitRequest, { byId, byEmail }: CustomerLookup): LedgerHistory {
    const { event } = request;
    let customerOrders = NO_ORDERS;
    if (byId || byEmail) {
      const seen = new Set<LedgerRow>();
      for (const row of [...rowsOf(byId), ...rowsOf(byEmail)]) if (!row.reversedAt) seen.add(row);
      customerOrders = [...seen]
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
        .map((row) => ({ code: row.code, occurredAt: row.occurredAt }));
    }
    // The same code as the redemption's: a reversal cannot reach into another ambassador's ledger.
    const original = event.type === 'reversal' ? ledger.redemptions.get(event.orderId) : undefined;
    const redemption = original?.code === event.code ? original : undefined;
    return {
      redemptions: ledger.firstOrders.get(event.code) ?? 0,
      customerOrders,
      redemption: redemption ? { rewards: redemption.rewards, reversedAt: redemption.reversedAt } : null,
      recordedAt: request.recordedAt,
    };
  }

  function index(ledger: ProgramLedger, event: ReferralEvent, row: LedgerRow, recordedAt: Date, found: CustomerLookup) {
    ledger.rows.push(row);
    if (event.type === 'redemption') {
      ledger.redemptions.set(event.orderId, row);
      if (!row.repeat) ledger.firstOrders.set(event.code, (ledger.firstOrders.get(event.code) ?? 0) + 1);
      if (event.customer?.id !== undefined) addRow(ledger.byCustomerId, event.customer.id, found.byId, row);
      if (event.customer?.emailHash !== undefined) {
        addRow(ledger.byEmailHash, event.customer.emailHash, found.byEmail, row);
      }
    } else if (event.type === 'reversal') {
      const original = ledger.redemptions.get(event.orderId);
      if (original && !original.reversedAt) {
        original.reversedAt = recordedAt.toISOString();
        if (!original.repeat) ledger.firstOrders.set(original.code, (ledger.firstOrders.get(original.code) ?? 1) - 1);
      }
    }
  }

  function commit(request: CommitRequest): CommitResult {
    let existing: KeyRecord | undefined;
    for (const claim of request.claims) {
      const record = keys.get(claim.key);
      if (!record) continue;
      if (record.fingerprint !== claim.fingerprint) return { status: 'conflict' };
      existing ??= record;
    }
    if (existing) return { status: 'duplicate', rewards: existing.rewards };
    const ledger = ledgerOf(request.event.program);
    const found = customerRowsOf(ledger, request.event);
    const decision = request.decide(history(ledger, request, found));
    if (!decision.ok) return { status: 'rejected', error: decision.error };
    index(ledger, request.event, ledgerRow(request.event, decision), request.recordedAt, found);
    for (const claim of request.claims)
      keys.set(claim.key, { fingerprint: claim.fingerprint, rewards: decision.rewards });
    return { status: 'recorded', rewards: decision.rewards };
  }

  return {
    async migrate() {},
    async commit(request) {
      return commit(request);
    },
    async upsertProgram(program) {
      programs.set(program.id, program);
    },
    async upsertAmbassador(program, ambassador) {
      if (typeof program !== 'string') programs.set(program.id, program);
      ambassadors.set(ambassador.code, { program: typeof program === 'string' ? program : program.id, ambassador });
    },
    async ambassadorByCode(code, program) {
      const found = ambassadors.get(code);
      return found && (program === undefined || found.program === program) ? found.ambassador : null;
    },
    async stats(query: StatsQuery): Promise<ProgramStats> {
      const program = typeof query.program === 'string' ? programs.get(query.program) : query.program;
      if (!program)
        throw new RangeError(
          `[referkit] Could not compute stats: no program "${String(query.program)}" is registered. Call upsertProgram first.`,
        );
      const ledger = ledgerOf(program.id);
      const members = [...ambassadors.values()]
        .filter((entry) => entry.program === program.id)
        .map((entry) => entry.ambassador);
      const plan = planStats(program, members, ledger.firstOrders, query);
      return assembleStats(plan, ledgerTotals(plan, ledger.rows));
    },
  };
}

/** Files a row under a customer identity whose rows (`rows`, looked up already) it joins. */
function addRow(index: Map<string, CustomerRows>, key: string, rows: CustomerRows | undefined, row: LedgerRow) {
  if (rows === undefined) index.set(key, row);
  else if (Array.isArray(rows)) rows.push(row);
  else index.set(key, [rows, row]);
}

function rowsOf(rows: CustomerRows | undefined): readonly LedgerRow[] {
  return rows === undefined ? [] : Array.isArray(rows) ? rows : [rows];
}
