/**
 * A store in process memory, for tests, demos and single-process receivers. Every commit runs
 * synchronously inside one call, so in JavaScript's single thread it is atomic without locks.
 */
import type { Ambassador } from '../ambassador.js';
import type { Program } from '../program.js';
import type { ProgramStats, StatsQuery } from './stats.js';
import { computeStats, statsWindow } from './stats.js';
import { type CommitRequest, type CommitResult, type LedgerHistory, type LedgerRow, type ReferralStore, customerKeys, ledgerRow } from './store.js';
import type { RedemptionRewards } from '../rewards.js';

interface KeyRecord {
  fingerprint: string;
  rewards: RedemptionRewards | null;
}

/**
 * Creates an empty store in memory. Keys live as long as the process (well past the 7 days promised).
 * @example
 * const store = memoryStore();
 * const receive = createReceiver({ programs, store, resolveCode: (code) => store.ambassadorByCode(code) });
 */
export function memoryStore(): ReferralStore {
  const keys = new Map<string, KeyRecord>();
  const ledger: LedgerRow[] = [];
  const redemptions = new Map<string, LedgerRow>();
  const firstOrders = new Map<string, number>();
  const byCustomer = new Map<string, LedgerRow[]>();
  const programs = new Map<string, Program>();
  const ambassadors = new Map<string, { program: string; ambassador: Ambassador }>();

  function history(request: CommitRequest): LedgerHistory {
    const { event } = request;
    const scope = `${event.program}\u0000`;
    const seen = new Set<LedgerRow>();
    for (const key of customerKeys(event)) {
      for (const row of byCustomer.get(scope + key) ?? []) if (!row.reversedAt) seen.add(row);
    }
    const redemption = event.type === 'reversal' ? redemptions.get(scope + event.orderId) : undefined;
    return {
      redemptions: firstOrders.get(scope + event.code) ?? 0,
      customerOrders: [...seen].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).map((row) => ({ code: row.code, occurredAt: row.occurredAt })),
      redemption: redemption ? { rewards: redemption.rewards, reversedAt: redemption.reversedAt } : null,
      recordedAt: request.recordedAt.toISOString(),
    };
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
    const decision = request.decide(history(request));
    if (!decision.ok) return { status: 'rejected', error: decision.error };
    const { event } = request;
    const scope = `${event.program}\u0000`;
    const row = ledgerRow(event, decision);
    ledger.push(row);
    if (event.type === 'redemption') {
      redemptions.set(scope + event.orderId, row);
      if (!row.repeat) firstOrders.set(scope + event.code, (firstOrders.get(scope + event.code) ?? 0) + 1);
      for (const key of customerKeys(event)) {
        const rows = byCustomer.get(scope + key) ?? [];
        rows.push(row);
        byCustomer.set(scope + key, rows);
      }
    }
    if (event.type === 'reversal') {
      const original = redemptions.get(scope + event.orderId);
      if (original && !original.reversedAt) {
        original.reversedAt = request.recordedAt.toISOString();
        if (!original.repeat) firstOrders.set(scope + original.code, (firstOrders.get(scope + original.code) ?? 1) - 1);
      }
    }
    for (const claim of request.claims) keys.set(claim.key, { fingerprint: claim.fingerprint, rewards: decision.rewards });
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
    async ambassadorByCode(code) {
      return ambassadors.get(code)?.ambassador ?? null;
    },
    async stats(query: StatsQuery): Promise<ProgramStats> {
      const program = typeof query.program === 'string' ? programs.get(query.program) : query.program;
      if (!program) throw new RangeError(`[referkit] Could not compute stats: no program "${String(query.program)}" is registered. Call upsertProgram first.`);
      const { from, to, periodStart } = statsWindow(program, query);
      const since = Math.min(from.getTime(), periodStart?.getTime() ?? Number.POSITIVE_INFINITY);
      const rows = ledger.filter((row) => row.program === program.id && Date.parse(row.occurredAt) >= since && Date.parse(row.occurredAt) <= to.getTime());
      const members = [...ambassadors.values()].filter((entry) => entry.program === program.id).map((entry) => entry.ambassador);
      const counts = new Map<string, number>();
      for (const member of members) counts.set(member.code, firstOrders.get(`${program.id}\u0000${member.code}`) ?? 0);
      return computeStats(program, members, rows, counts, query);
    },
  };
}
