/**
 * The public answers about a code: what the friend is offered (for the banner) and how the
 * ambassador is doing (for the share panel). Neither reveals anything else about the person.
 */
import { type Ambassador, normalizeCode, type Program } from '@referkit/events';
import type { SqlClient } from './database.js';
import type { DemoStore } from './demo-store.js';

/** `GET /codes/{code}`: the banner's view of a code. */
export interface PublicCode {
  code: string;
  displayName: string;
  brand: string;
  currency: string;
  friendOffer: Program['friendOffer'];
  firstOrderOnly: boolean;
  minimumOrder?: number;
}

/** `GET /ambassadors/{code}/stats`: the share panel's view of its own progress. */
export interface AmbassadorPublicStats {
  code: string;
  displayName: string;
  role: Ambassador['role'];
  audienceTier?: Ambassador['audienceTier'];
  promoted: boolean;
  friendsJoined: number;
  rewards: { type: 'credit' | 'cash' | 'points'; currency: string; earned: number; pending: number };
  target?: { shares: number; per: 'week' | 'month'; done: number; reached: boolean };
}

/** An ambassador with the program they belong to. */
export interface Enrolment {
  program: Program;
  ambassador: Ambassador;
}

/** Finds the ambassador behind a code as typed or linked, with their program; null when unknown. */
export async function findEnrolment(
  client: SqlClient,
  programs: ReadonlyMap<string, Program>,
  input: string,
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
  return { program, ambassador: typeof row.ambassador === 'string' ? JSON.parse(row.ambassador) : row.ambassador };
}

/** The friend offer that applies to an ambassador's code: their role's override, else the program's. */
export function friendOfferFor(program: Program, ambassador: Ambassador): Program['friendOffer'] {
  return program.roles[ambassador.role]?.friendOffer ?? program.friendOffer;
}

/** What an ambassador earns per redemption: audience tier, then role, then program. */
export function ambassadorRewardFor(program: Program, ambassador: Ambassador): Program['ambassadorReward'] {
  const influencer = ambassador.role === 'influencer' ? program.roles.influencer : undefined;
  const byTier = ambassador.audienceTier ? influencer?.audienceRewards?.[ambassador.audienceTier] : undefined;
  return byTier ?? program.roles[ambassador.role]?.ambassadorReward ?? program.ambassadorReward;
}

/** The display terms of the share panel (`<referkit-share terms>`), for an ambassador's role. */
export function shareTerms({ program, ambassador }: Enrolment) {
  return {
    brand: program.brand,
    currency: program.currency,
    friendOffer: friendOfferFor(program, ambassador),
    firstOrderOnly: program.firstOrderOnly,
    ...(program.minimumOrder !== undefined ? { minimumOrder: program.minimumOrder } : {}),
    ambassadorReward: ambassadorRewardFor(program, ambassador),
    ...(program.disclosure ? { disclosure: program.disclosure } : {}),
    ...(program.shareMessage ? { shareMessage: program.shareMessage } : {}),
  };
}

/** The banner's view of an enrolment. */
export function publicCode({ program, ambassador }: Enrolment): PublicCode {
  return {
    code: ambassador.code,
    displayName: ambassador.displayName,
    brand: program.brand,
    currency: program.currency,
    friendOffer: friendOfferFor(program, ambassador),
    firstOrderOnly: program.firstOrderOnly,
    ...(program.minimumOrder !== undefined ? { minimumOrder: program.minimumOrder } : {}),
  };
}

/** The share panel's view of an ambassador, from the ledger's stats. */
export async function publicStats(
  store: DemoStore,
  { program, ambassador }: Enrolment,
  now: Date,
): Promise<AmbassadorPublicStats> {
  const stats = await store.stats({ program: program.id, code: ambassador.code, to: now.toISOString() });
  const mine = stats.ambassadors.find((row) => row.code === ambassador.code);
  const rewardType = ambassadorRewardFor(program, ambassador).type;
  return {
    code: ambassador.code,
    displayName: ambassador.displayName,
    role: mine?.role ?? ambassador.role,
    ...(ambassador.audienceTier ? { audienceTier: ambassador.audienceTier } : {}),
    promoted: mine?.promoted ?? false,
    friendsJoined: mine?.redemptions ?? 0,
    rewards: {
      type: mine?.rewards.type ?? rewardType,
      currency: program.currency,
      earned: mine?.rewards.confirmed ?? 0,
      pending: mine?.rewards.pending ?? 0,
    },
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
