/**
 * A store in process memory, for tests, demos and single-process receivers. Every commit runs
 * synchronously inside one call, so in JavaScript's single thread it is atomic without locks.
 */
import type { Ambassador } from '../ambassador.js';
import { redemptionKey, sameContent } from '../idempotency.js';
import type { Program } from '../program.js';
import { checkErasure, erasedFingerprint, Pseudonyms, unknownProgram } from './customer-erasure.js';
import { ledgerTotals } from './ledger-totals.js';
import { compareText, MemoryLedger } from './memory-ledger.js';
import { assembleStats, type ProgramStats, planStats, type StatsQuery } from './stats.js';
import { statsWindow } from './stats-window.js';
import {
  type CommitRequest,
  type CommitResult,
  type ErasingStore,
  recordingMoment,
  refuseCodeOfAnother,
  refuseCurrencyChange,
  refuseStatsInOtherCurrency,
  registrable,
  registrableProgram,
  storedCode,
  updateOfCode,
} from './store.js';

/**
 * Creates an empty store in memory. Keys live as long as the process (well past the 7 days promised).
 * @example
 * const store = memoryStore();
 * const receive = createReceiver({ programs, store, resolveCode: (code, program) => store.ambassadorByCode(code, program) });
 */
export function memoryStore(): ErasingStore {
  // An idempotency key points at its claim by number; a claim is its fingerprint and the row whose
  // rewards were first answered, in columns like the ledger's (no record object per key to trace).
  const keys = new Map<string, number>();
  const claimFingerprints: string[] = [];
  const claimLedgers: MemoryLedger[] = [];
  const claimRows: number[] = [];
  const words = new Map<string, string>();
  const ledgers = new Map<string, MemoryLedger>();
  const programs = new Map<string, Program>();
  const ambassadors = new Map<string, { program: string; ambassador: Ambassador }>();
  // The codes of each person, by program and id: an update of one reaches all of theirs.
  const codesOf = new Map<string, Set<string>>();

  function intern<Word extends string>(word: Word): Word {
    const kept = words.get(word);
    if (kept !== undefined) return kept as Word;
    words.set(word, word);
    return word;
  }

  function ledgerOf(program: string): MemoryLedger {
    let ledger = ledgers.get(program);
    if (!ledger) {
      ledger = new MemoryLedger(program, intern);
      ledgers.set(program, ledger);
    }
    return ledger;
  }

  /**
   * The codes in `program` of the person holding `code` (the code alone when no one registered it):
   * tiers and the promotion count their first orders together.
   */
  function personCodes(program: string, code: string): readonly string[] {
    const held = ambassadors.get(code);
    if (held?.program !== program) return [code];
    const { id } = held.ambassador;
    // A code since given to someone else is theirs now.
    return [...(codesOf.get(`${program} ${id}`) as Set<string>)].filter(
      (each) => ambassadors.get(each)?.ambassador.id === id,
    );
  }

  /**
   * Registers a program's terms; its currency is the ledger's once it holds a redemption (the ledger's
   * own, not the one registered before: a program may be registered only after it recorded some).
   */
  function registerProgram(input: Program): void {
    const program = registrableProgram(input);
    const held = ledgers.get(program.id)?.currency;
    if (held && held !== program.currency) refuseCurrencyChange(program, held);
    programs.set(program.id, program);
  }

  function commit(request: CommitRequest): CommitResult {
    let existing = -1;
    for (const claim of request.claims) {
      const found = keys.get(claim.key);
      if (found === undefined) continue;
      if (!sameContent(claimFingerprints[found], claim)) return { status: 'conflict' };
      if (existing === -1) existing = found;
    }
    if (existing !== -1) {
      return {
        status: 'duplicate',
        rewards: (claimLedgers[existing] as MemoryLedger).rewardsOf(claimRows[existing] as number),
      };
    }
    const { event } = request;
    // In the same synchronous call as the record: commits are recorded in the order of their moments.
    const recordedAt = recordingMoment(request);
    const ledger = ledgerOf(event.program);
    const found = ledger.customerRowsOf(event);
    const decision = request.decide(
      ledger.history(event, recordedAt, found, () => personCodes(event.program, event.code)),
    );
    if (!decision.ok) return { status: 'rejected', error: decision.error };
    const row = ledger.record(event, decision, recordedAt, found);
    for (const claim of request.claims) {
      keys.set(claim.key, claimFingerprints.length);
      claimFingerprints.push(claim.fingerprint);
      claimLedgers.push(ledger);
      claimRows.push(row);
    }
    return { status: 'recorded', rewards: decision.rewards };
  }

  /** Erases a customer's identities from a program's ledger and from the fingerprints of their orders' keys. */
  function eraseCustomer(program: string, ids: string[], emails: string[]): number | null {
    const ledger = ledgers.get(program);
    if (!programs.has(program) && !ledger?.size) return null;
    if (!ledger) return 0;
    const pseudonyms = new Pseudonyms();
    const erased = new Set(ledger.erase(ids, emails, pseudonyms));
    // An order's key, and its webhook-id's, fingerprint the customer with it: a replay is told apart by them.
    for (let claim = 0; claim < claimFingerprints.length; claim++) {
      const row = claimRows[claim] as number;
      if (claimLedgers[claim] !== ledger || !erased.has(row)) continue;
      const key = redemptionKey(program, ledger.orderIdOf(row) as string);
      claimFingerprints[claim] = erasedFingerprint(claimFingerprints[claim] as string, key, pseudonyms);
    }
    return erased.size;
  }

  return {
    async migrate() {},
    async commit(request) {
      return commit(request);
    },
    async upsertProgram(program) {
      registerProgram(program);
    },
    async upsertAmbassador(program, input) {
      const ambassador = registrable(input);
      const id = typeof program === 'string' ? program : program.id;
      const holder = ambassadors.get(ambassador.code)?.program;
      if (holder !== undefined && holder !== id) refuseCodeOfAnother(ambassador.code, holder, id);
      if (typeof program !== 'string') registerProgram(program);
      ambassadors.set(ambassador.code, { program: id, ambassador });
      // The person's other codes in the program (given before this one) take the update too.
      const person = `${id} ${ambassador.id}`;
      const codes = codesOf.get(person) ?? new Set();
      codesOf.set(person, codes.add(ambassador.code));
      for (const code of codes) {
        const held = ambassadors.get(code);
        // A code since registered to someone else is theirs now.
        if (held && code !== ambassador.code && held.ambassador.id === ambassador.id)
          held.ambassador = updateOfCode(ambassador, held.ambassador);
      }
    },
    async ambassadorByCode(code, program) {
      const found = ambassadors.get(storedCode(code));
      return found && (program === undefined || found.program === program) ? found.ambassador : null;
    },
    async stats(query: StatsQuery): Promise<ProgramStats> {
      const program = typeof query.program === 'string' ? programs.get(query.program) : query.program;
      if (!program)
        throw new RangeError(
          `[referkit] Could not compute stats: no program "${String(query.program)}" is registered. Call upsertProgram first.`,
        );
      const ledger = ledgerOf(program.id);
      refuseStatsInOtherCurrency(program, ledger.currency);
      // By code, as the SQL store lists them: the order of registration is not a fact of the program.
      const members = [...ambassadors.values()]
        .filter((entry) => entry.program === program.id)
        .map((entry) => entry.ambassador)
        .sort((a, b) => compareText(a.code, b.code));
      // One moment for the promotion's count and the plan, so both read the ledger at the same `now`.
      const at = { ...query, now: statsWindow(program, query).now };
      const confirmed = new Map<string, number>();
      for (const { id, code } of members)
        confirmed.set(id, (confirmed.get(id) ?? 0) + ledger.confirmedFirstOrders(code, at.now));
      const plan = planStats(program, members, confirmed, at);
      return assembleStats(plan, ledgerTotals(plan, ledger.rows()));
    },
    async eraseCustomer(erasure) {
      const checked = checkErasure(erasure);
      if (!checked.ok) return checked;
      const { program, ids, emails } = checked.value;
      const rows = eraseCustomer(program, ids, emails);
      return rows === null ? unknownProgram(program) : { ok: true, value: { rows } };
    },
  };
}
