/**
 * The brand's two public answers about a code, as the widget and a checkout read them. They are the
 * contract between a brand's backend and the browser, so they live here rather than in each side:
 * `GET {endpoint}/codes/{code}` (the friend's offer) and `GET {endpoint}/ambassadors/{code}/stats`
 * (the ambassador's own progress). Neither reveals anything else about the person. Money is in minor units.
 */
import type { AudienceTier, Role } from './primitives.js';
import type { AmbassadorReward, FriendOffer } from './program.js';

/** `GET {endpoint}/codes/{code}`: the name the ambassador shows and the offer their code gives. */
export interface PublicCode {
  code: string;
  displayName: string;
  brand: string;
  /** ISO 4217 code of every amount. */
  currency: string;
  friendOffer: FriendOffer;
  firstOrderOnly: boolean;
  minimumOrder?: number | undefined;
  /** What the ambassador earns, when the brand chooses to say it to friends. */
  ambassadorReward?: AmbassadorReward | undefined;
}

/** `GET {endpoint}/ambassadors/{code}/stats`: an ambassador's progress, for their own share panel. */
export interface AmbassadorPublicStats {
  code: string;
  displayName: string;
  role: Role;
  audienceTier?: AudienceTier | undefined;
  /** Promoted from ambassador to community leader. */
  promoted: boolean;
  friendsJoined: number;
  /**
   * What they earned (confirmed) and have pending, one entry per unit (credit, cash, points), never two
   * units added together: store credit is not cash. With nothing granted yet, the unit their reward is paid in.
   */
  rewards: { type: AmbassadorReward['type']; currency: string; earned: number; pending: number }[];
  /** The contribution target of the current period, when the program sets one. */
  target?: { shares: number; per: 'week' | 'month'; done: number; reached: boolean } | undefined;
}
