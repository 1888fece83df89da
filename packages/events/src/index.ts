export type { Ambassador, AmbassadorInput } from './ambassador.js';
export { ambassadorSchema, displayNameSchema } from './ambassador.js';
export { CODE_PATTERN, CODE_SUFFIX_ALPHABET, mintCode, normalizeCode } from './code.js';
export type { Currency } from './currency.js';
export { CURRENCIES } from './currency.js';
export type {
  Attribution,
  Customer,
  EventType,
  LandingEvent,
  Order,
  RedemptionEvent,
  ReferralEvent,
  ReversalEvent,
  ShareEvent,
} from './event.js';
export {
  attributionSchema,
  customerSchema,
  eventId,
  eventSchema,
  landingEventSchema,
  orderSchema,
  redemptionEventSchema,
  reversalEventSchema,
  shareEventSchema,
} from './event.js';
export type { IdempotencyClaim } from './idempotency.js';
export { claimsFor, fingerprint, idempotencyKey } from './idempotency.js';
export { eventJsonSchema } from './json-schema.js';
export { minorUnitDigits } from './minor-units.js';
export type { InvalidEvent, Issue, ParseEventOptions, ParseResult } from './parse-event.js';
export { parseEvent } from './parse-event.js';
export type { AttributionModel, AudienceTier, Channel, Role } from './primitives.js';
export type { AmbassadorReward, FriendOffer, Program, ProgramInput, RewardTier, RoleOverrides } from './program.js';
export {
  ambassadorRewardSchema,
  friendOfferSchema,
  programSchema,
  rewardTierSchema,
  roleOverridesSchema,
} from './program.js';
export type { AmbassadorPublicStats, PublicCode } from './public-answers.js';
export { readBody } from './read-body.js';
export type {
  RawDelivery,
  Receiver,
  ReceiverAnswer,
  ReceiverBody,
  ReceiverFailure,
  ReceiverOptions,
} from './receiver.js';
export { createReceiver } from './receiver.js';
export type {
  AmbassadorGrant,
  CustomerOrder,
  FriendReward,
  RedemptionHistory,
  RedemptionRewards,
  RedemptionStanding,
  Terms,
} from './rewards.js';
export {
  clawbackFor,
  friendDiscount,
  grantStatusAt,
  isRepeatOrderInWindow,
  maxFriendDiscount,
  rewardsFor,
  roundHalfUp,
  standingOf,
  termsFor,
} from './rewards.js';
export type { RuleCode, RuleError } from './rules.js';
export { checkRedemption, ruleError } from './rules.js';
export type {
  HeaderSource,
  SignatureErrorCode,
  SignEventInput,
  SignedHeaders,
  VerifyResult,
  VerifySignatureInput,
} from './signature.js';
export { generateSecret, MIN_SECRET_BYTES, signEvent, verifySignature } from './signature.js';
export type { CustomerErasure, ErasureResult, InvalidErasure } from './stores/customer-erasure.js';
export { memoryStore } from './stores/memory-store.js';
export type { ConnectionPool, PooledConnection } from './stores/pool-transaction.js';
export { poolTransaction } from './stores/pool-transaction.js';
export type { SqlClient, SqlQueryable, SqlStoreOptions } from './stores/sql-store.js';
export { IDEMPOTENCY_RETENTION_DAYS, sqlStore } from './stores/sql-store.js';
export type {
  AmbassadorStats,
  Figures,
  GrantTotals,
  ProgramStats,
  RewardUnit,
  RoleStats,
  StatsQuery,
  TargetPeriod,
} from './stores/stats.js';
export type {
  CommitRequest,
  CommitResult,
  Decision,
  ErasingStore,
  LedgerHistory,
  ProgramCurrencyChangedError,
  ReferralStore,
} from './stores/store.js';
