export { CODE_PATTERN, CODE_SUFFIX_ALPHABET, mintCode, normalizeCode } from './code.js';
export { CURRENCIES } from './currency.js';
export type { Currency } from './currency.js';
export type { AttributionModel, AudienceTier, Channel, Role } from './primitives.js';
export {
  ambassadorRewardSchema, friendOfferSchema, programSchema, rewardTierSchema, roleOverridesSchema,
} from './program.js';
export type { AmbassadorReward, FriendOffer, Program, ProgramInput, RewardTier, RoleOverrides } from './program.js';
export { ambassadorSchema, displayNameSchema } from './ambassador.js';
export type { Ambassador, AmbassadorInput } from './ambassador.js';
export {
  attributionSchema, customerSchema, eventId, eventSchema, landingEventSchema, orderSchema, redemptionEventSchema,
  reversalEventSchema, shareEventSchema,
} from './event.js';
export type {
  Attribution, Customer, EventType, LandingEvent, Order, RedemptionEvent, ReferralEvent, ReversalEvent, ShareEvent,
} from './event.js';
export { parseEvent } from './parse-event.js';
export type { InvalidEvent, Issue, ParseEventOptions, ParseResult } from './parse-event.js';
export { eventJsonSchema } from './json-schema.js';
