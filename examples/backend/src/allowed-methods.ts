/**
 * The methods the routes at a path serve, read from the app's own router, so that a method a route
 * does not serve is answered `405` with those methods in `Allow` (RFC 9110 §15.5.6), as the receiver
 * answers, and never a `404` that says the page is not there. No second list of routes to keep in step.
 */
import type { Hono } from 'hono';

/**
 * The methods the demo registers routes for. Middleware (`app.use`) is registered for every method,
 * as `ALL`, and serves none, so a path only middleware matches is no route.
 */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods `app` serves at `path`, `HEAD` beside `GET` (Hono answers it from the GET route); none for a path that is no route. */
export function allowedMethods(app: Hono, path: string): string[] {
  const served = METHODS.filter((method) =>
    // Each match is [[handler, route], params]: the route says the method it was registered for.
    app.router.match(method, path)[0].some(([[, route]]) => route.method === method),
  );
  return served.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]));
}

const either = new Intl.ListFormat('en', { type: 'disjunction' });

/** What a 405 says, e.g. "Method not allowed: use GET or HEAD." */
export function methodNotAllowedText(allowed: readonly string[]): string {
  return `Method not allowed: use ${either.format(allowed)}.`;
}
