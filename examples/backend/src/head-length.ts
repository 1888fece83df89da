/**
 * `HEAD` answered with the `Content-Length` its `GET` has (RFC 9110 §9.3.2). Hono answers a HEAD from
 * the GET route and drops the body, and the Node adapter counts a length only from a body it sends, so
 * without this a HEAD says nothing of the size a client (a link checker, a download manager) asks it for.
 */
import { createMiddleware } from 'hono/factory';

/** Measures the GET answer's body under a HEAD request, before Hono drops it. */
export const headLength = createMiddleware(async (c, next) => {
  await next();
  if (c.req.method !== 'HEAD' || !c.res.body || c.res.headers.has('content-length')) return;
  // The demo's answers are pages, JSON and files of a few KiB, read whole anyway to be sent on GET.
  c.res.headers.set('content-length', String((await c.res.clone().arrayBuffer()).byteLength));
});
