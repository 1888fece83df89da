/**
 * The public answers about a code: what the friend is offered (for the banner) and how the
 * ambassador is doing (for the share panel), in the shapes `@referkit/events` types for both sides.
 * Neither reveals anything else about the person.
 */
import {
  type Ambassador,
  type AmbassadorPublicStats,
  type GrantTotals,
  normalizeCode,
  type Program,
  type PublicCode,
  type RewardUnit,
  type Terms,
  termsFor,
} from '@referkit/events';
import type { SqlClient } from './database.js';
import type { DemoStore } from './demo-store.js';

/** An ambassador with the program they belong to and the terms that apply to them now. */
export interface Enrolment {
  program: Program;
  ambassador: Ambassador;
  /** From @referkit/events' own `termsFor`, with the role the ledger gives them (promotion included). */
  terms: Terms;
}

/** Finds the ambassador behind a code as typed or linked, with their program; null when unknown. */
export async function findEnrolment(
  client: SqlClient,
  store: DemoStore,
  programs: ReadonlyMap<string, Program>,
  input: string,
  now: Date,
): Promise<Enrolment | null> {
  const code = normalizeCode(input);
  if (!code) return null;
  const { rows } = await client.query<{ program: string; ambassador: Ambassador | string }>(
    'SELECT program, ambassador FROM demo_ambassadors WHERE code = $1',
    [code],
  );
  const row = rows[0];
  const program = row && programs.get(row.program);
  if (!row || !program) return null;
  const ambassador: Ambassador = typeof row.ambassador === 'string' ? JSON.parse(row.ambassador) : row.ambassador;
  // The ledger's view of the role now (the promotion counts confirmed first orders): a promoted
  // ambassador's friends get the community leader's terms here exactly as the receiver will judge them.
  const stats = await store.stats({
    program: program.id,
    code: ambassador.code,
    from: new Date(0).toISOString(),
    to: now.toISOString(),
    now,
  });
  const ledger = stats.ambassadors.find((one) => one.code === ambassador.code);
  const terms = termsFor(program, { ...ambassador, role: ledger?.role ?? ambassador.role }, { redemptions: 0 });
  return { program, ambassador, terms: { ...terms, promoted: ledger?.promoted ?? false } };
}

/**
 * What a friend is offered under `program` (or an ambassador's own `friendOffer`, which a role may
 * override), in the widget's display terms: the banner's, the share panel's and the storefront init's.
 */
export function offerTerms(program: Program, friendOffer = program.friendOffer) {
  return {
    brand: program.brand,
    currency: program.currency,
    friendOffer,
    firstOrderOnly: program.firstOrderOnly,
    ...(program.minimumOrder !== undefined ? { minimumOrder: program.minimumOrder } : {}),
  };
}

/** The display terms of the share panel (`<referkit-share terms>`), for an ambassador's role. */
export function shareTerms({ program, terms }: Enrolment) {
  return {
    ...offerTerms(program, terms.friendOffer),
    ambassadorReward: terms.reward,
    ...(program.disclosure ? { disclosure: program.disclosure } : {}),
    ...(program.shareMessage ? { shareMessage: program.shareMessage } : {}),
  };
}

/** The banner's view of an enrolment. */
export function publicCode({ program, ambassador, terms }: Enrolment): PublicCode {
  return { code: ambassador.code, displayName: ambassador.displayName, ...offerTerms(program, terms.friendOffer) };
}

const ALL_TIME = '2000-01-01T00:00:00.000Z';

/** The share panel's view of an ambassador, from the ledger's stats. */
export async function publicStats(
  store: DemoStore,
  { program, ambassador, terms }: Enrolment,
  now: Date,
): Promise<AmbassadorPublicStats> {
  // All time, not the last 30 days: the panel's friends and rewards are the ambassador's to date. The
  // ledger holds nothing from before 2000 (events that old are refused).
  const stats = await store.stats({ program: program.id, code: ambassador.code, from: ALL_TIME, to: now, now });
  const mine = stats.ambassadors.find((row) => row.code === ambassador.code);
  // One entry a unit granted, never credit and cash added together; before any, the unit paid now.
  const granted = Object.entries(mine?.rewards ?? {}) as [RewardUnit, GrantTotals][];
  const units: [RewardUnit, GrantTotals | undefined][] = granted.length ? granted : [[terms.reward.type, undefined]];
  return {
    code: ambassador.code,
    displayName: ambassador.displayName,
    role: mine?.role ?? ambassador.role,
    ...(ambassador.audienceTier ? { audienceTier: ambassador.audienceTier } : {}),
    promoted: mine?.promoted ?? false,
    // Friends, not orders: a friend's repeat order is retention, counted apart.
    friendsJoined: mine?.firstOrders ?? 0,
    rewards: units.map(([type, grants]) => ({
      type,
      currency: program.currency,
      earned: grants?.confirmed ?? 0,
      pending: grants?.pending ?? 0,
    })),
    ...(mine?.target
      ? {
          target: {
            shares: mine.target.shares,
            per: mine.target.per,
            done: mine.target.done,
            reached: mine.target.reached,
          },
        }
      : {}),
  };
}
