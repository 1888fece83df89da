/**
 * Every answer is private unless its route says otherwise: `Cache-Control: no-store` on whatever sets
 * no policy of its own. The dashboard (ambassadors' figures), the account pages, the orders, an order's
 * answer and a sign-up's must be kept neither by a shared cache (a proxy, a CDN in front of the shop)
 * nor on the disk of a browser the next person uses; a route added later is private too until it is
 * given a policy. The storefront's pages and files, and the public code lookup, set their own.
 */
import { createMiddleware } from 'hono/factory';

/** Sets `Cache-Control: no-store` on an answer that has no Cache-Control. */
export const privateByDefault = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
});
