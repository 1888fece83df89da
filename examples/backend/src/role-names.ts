/** The roles' names as people read them, for the dashboard, the demo pages and the start banner. */
import type { Role } from '@referkit/events';

const ROLE_NAMES: Record<Role, string> = {
  ambassador: 'Ambassador',
  community_leader: 'Community leader',
  influencer: 'Influencer',
};

/** "Community leader" for `community_leader`; a role this demo does not know is shown as it is. */
export function roleName(role: string): string {
  return ROLE_NAMES[role as Role] ?? role;
}
