/** An ambassador's public progress, as `GET {endpoint}/ambassadors/{code}/stats` answers it. */
import type { AudienceTier, Role } from '@referkit/events';

/** The stats answer; money in minor units. */
export interface AmbassadorPublicStats {
  code: string;
  displayName: string;
  role: Role;
  audienceTier?: AudienceTier;
  /** Promoted from ambassador to community leader. */
  promoted: boolean;
  friendsJoined: number;
  rewards: { type: 'credit' | 'cash' | 'points'; currency: string; earned: number; pending: number };
  target?: { shares: number; per: 'week' | 'month'; done: number; reached: boolean };
}

/**
 * Fetches JSON from the brand's endpoint, resolving to `undefined` for any failure: the widget
 * shows less rather than an error when the backend has nothing to say.
 */
export async function getJson<T>(url: string): Promise<T | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return response.ok ? ((await response.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}
