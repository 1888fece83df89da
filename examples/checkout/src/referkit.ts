/** The checkout's Referkit client: the same program, endpoint and consent as the storefront's script tag. */
import { createReferkit } from '@referkit/sdk';

/** One client per page; it reads the referral the storefront captured (same origin, same storage). */
export const referkit = createReferkit({
  program: 'fernwood-friends',
  endpoint: '/api',
  // A real shop passes its consent banner's answer; the demo has no trackers to consent to.
  consent: 'granted',
});
