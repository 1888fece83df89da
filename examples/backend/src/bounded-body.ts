/**
 * The shop's forms read their bodies as the receiver reads its own (`readBody`): under a byte limit
 * and a deadline. Hono's `c.req.json()` waits for a body as long as its sender keeps the socket open,
 * so a request that stops half way would hold a handler, and its socket, for good.
 */
import { readBody } from '@referkit/events';
import { createMiddleware } from 'hono/factory';
import { apiError } from './api-error.js';

/** Limits of {@link boundedBody}. */
export interface BodyBounds {
  /** The largest body taken, in bytes. */
  maxBytes: number;
  /** How long a body may take to arrive before the request is answered 408. */
  timeoutMs: number;
}

/**
 * Reads a request's body before its route: `413 payload_too_large`, `408 request_timeout` or
 * `400 unreadable_body` before anything is written, else the route reads the body as usual.
 */
export function boundedBody({ maxBytes, timeoutMs }: BodyBounds) {
  return createMiddleware(async (c, next) => {
    const request = c.req.raw;
    if (!request.body) return next();
    const body = await readBody(request, maxBytes, timeoutMs);
    if (body === 'too_large')
      return c.json(apiError('payload_too_large', `Expected a body of at most ${maxBytes / 1024} KiB.`), 413);
    if (body === 'timeout')
      return c.json(apiError('request_timeout', 'The body did not arrive in time; send the request again.'), 408);
    if (body === 'unreadable') return c.json(apiError('unreadable_body', 'The body could not be read.'), 400);
    // The route reads the bytes already here, through the same Request interface.
    c.req.raw = new Request(request, { body: body as BodyInit });
    await next();
  });
}
