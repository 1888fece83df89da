/**
 * The shop's forms read their bodies as the receiver reads its own (`readBody`): under a byte limit
 * and a deadline. Hono's `c.req.json()` waits for a body as long as its sender keeps the socket open,
 * so a request that stops half way would hold a handler, and its socket, for good.
 */
import { readBody } from '@referkit/events';
import { createMiddleware } from 'hono/factory';
import { apiError } from './api-error.js';

/** Why a body was not taken: its status, stable code and message. */
export interface BodyRefusal {
  status: 400 | 408 | 413;
  code: 'unreadable_body' | 'request_timeout' | 'payload_too_large';
  message: string;
}

/** The JSON API's answer to a refused body: `{ error: { code, message } }`, as the receiver's. */
const jsonRefusal = ({ status, code, message }: BodyRefusal) => Response.json(apiError(code, message), { status });

/** Limits of {@link boundedBody}. */
export interface BodyBounds {
  /** The largest body taken, in bytes. */
  maxBytes: number;
  /** How long a body may take to arrive before the request is answered 408. */
  timeoutMs: number;
  /** The answer to a refused body, e.g. a page for a plain form (form-refusal.ts). @default the API's JSON error */
  answer?: (refusal: BodyRefusal) => Response;
}

/**
 * Reads a request's body before its route: `413 payload_too_large`, `408 request_timeout` or
 * `400 unreadable_body` before anything is written, else the route reads the body as usual.
 */
export function boundedBody({ maxBytes, timeoutMs, answer = jsonRefusal }: BodyBounds) {
  return createMiddleware(async (c, next) => {
    const request = c.req.raw;
    if (!request.body) return next();
    const body = await readBody(request, maxBytes, timeoutMs);
    if (body === 'too_large')
      return answer({
        status: 413,
        code: 'payload_too_large',
        message: `Expected a body of at most ${maxBytes / 1024} KiB.`,
      });
    if (body === 'timeout')
      return answer({
        status: 408,
        code: 'request_timeout',
        message: 'The body did not arrive in time; send the request again.',
      });
    if (body === 'unreadable')
      return answer({ status: 400, code: 'unreadable_body', message: 'The body could not be read.' });
    // The route reads the bytes already here, through the same Request interface.
    c.req.raw = new Request(request, { body: body as BodyInit });
    await next();
  });
}
