/**
 * Under `exactOptionalPropertyTypes` an optional property typed `x?: T` refuses `undefined`, yet every
 * option and input of this package takes it at runtime as if the property were left out: an unset
 * environment variable, a brand's own optional setting, a program's optional field copied over.
 * `consumerCode` is what consumers write; the test checks it with `tsc` and that flag on
 * (`tsconfig.types.json`). It is never run.
 */
import { describe, expect, it } from 'vitest';
import {
  type Ambassador,
  type AmbassadorPublicStats,
  createReceiver,
  isRepeatOrderInWindow,
  type LedgerHistory,
  type Program,
  type PublicCode,
  parseEvent,
  type RedemptionEvent,
  type RedemptionHistory,
  type ReferralStore,
  type ReversalEvent,
  rewardsFor,
  type SqlClient,
  sqlStore,
  type Terms,
  termsFor,
  verifySignature,
} from './index.js';
import { typeErrorsIn } from './testing/type-errors.js';

/** What a brand has at hand: settings that may be unset, records whose optional fields may be missing. */
declare const env: Record<string, string | undefined>;
declare const config: {
  now?: (() => Date) | undefined;
  at?: Date | undefined;
  confirmOrder?: ((event: RedemptionEvent | ReversalEvent) => Promise<boolean>) | undefined;
  onError?: ((error: unknown) => void) | undefined;
};
declare const program: Program;
declare const ambassador: Ambassador;
declare const redemption: RedemptionEvent;
declare const store: ReferralStore;
declare const client: SqlClient;
declare const request: Request;

const seconds = (name: string) => (env[name] === undefined ? undefined : Number(env[name]));

export async function consumerCode() {
  createReceiver({
    programs: [program],
    store,
    resolveCode: (code, id) => store.ambassadorByCode(code, id),
    confirmOrder: config.confirmOrder,
    onError: config.onError,
    now: config.now,
    maxBodyBytes: seconds('REFERKIT_MAX_BODY_BYTES'),
    bodyTimeoutMs: undefined,
    toleranceSec: seconds('REFERKIT_TOLERANCE_SEC'),
    clockSkewSec: undefined,
    lateDeliverySec: undefined,
    reversalWaitSec: undefined,
  });
  // Callbacks written for less than they are given, as the method signatures these were accepted: a
  // check of redemptions alone, a logger of errors.
  createReceiver({
    programs: [program],
    store,
    resolveCode: (code, id) => store.ambassadorByCode(code, id),
    confirmOrder: async (event: RedemptionEvent) => event.order.total > 0,
    onError: (error: Error) => error.message,
  });
  const body = await request.text();
  await verifySignature({
    secrets: 'whsec_…',
    headers: request.headers,
    body,
    now: config.at,
    toleranceSec: undefined,
  });
  parseEvent(JSON.parse(body), { now: config.at, clockSkewSec: undefined });

  const ledger = sqlStore(client, { prefix: env.REFERKIT_PREFIX });
  await ledger.stats({ program, code: undefined, from: env.STATS_FROM, to: undefined, now: config.at });

  // A store of the brand's own, or a test, committing an event, and the history its decision reads.
  await store.commit({
    claims: [{ key: 'redemption:spring-2026:1001', fingerprint: 'ALEX-7HC2QK USD', formerly: undefined }],
    event: redemption,
    recordedAt: new Date(),
    now: config.now,
    countUpTo: undefined,
    decide: () => ({ ok: true, rewards: null, repeat: undefined, retention: undefined }),
  });
  const order = { code: redemption.code, occurredAt: redemption.occurredAt, repeat: undefined };
  const history: LedgerHistory = {
    redemptions: 0,
    confirmedRedemptions: undefined,
    customerOrders: [order],
    recordedAt: undefined,
    redemption: { rewards: null, reversedAt: null, occurredAt: undefined },
    currency: undefined,
  };
  const earlier: RedemptionHistory = { redemptions: 0, customerOrders: undefined };
  rewardsFor(program, ambassador, redemption, earlier);

  const leader = program.roles.community_leader;
  const terms: Terms = {
    ...termsFor(program, ambassador, history),
    repeatOrderReward: leader?.repeatOrderReward,
    repeatWindowDays: leader?.repeatWindowDays,
    campaign: { startsAt: ambassador.campaign?.startsAt, endsAt: undefined },
  };
  isRepeatOrderInWindow(terms, order, history.customerOrders);

  // The brand's two public answers, from the program's and the ambassador's optional fields.
  const lookup: PublicCode = {
    code: ambassador.code,
    displayName: ambassador.displayName,
    brand: program.brand,
    currency: program.currency,
    friendOffer: program.friendOffer,
    firstOrderOnly: program.firstOrderOnly,
    minimumOrder: program.minimumOrder,
    ambassadorReward: undefined,
  };
  const progress: AmbassadorPublicStats = {
    code: ambassador.code,
    displayName: ambassador.displayName,
    role: ambassador.role,
    audienceTier: ambassador.audienceTier,
    promoted: false,
    friendsJoined: 0,
    rewards: [],
    target: undefined,
  };
  return [lookup, progress];
}

describe('the public types', () => {
  it('take undefined for every optional option and input under exactOptionalPropertyTypes', () => {
    const { checked, errors, stderr } = typeErrorsIn(import.meta.url);
    expect(checked).toBe(true);
    expect(errors).toEqual([]);
    expect(stderr).toBe('');
  });
});
