/**
 * Whether a thrown error says the database could not answer just now (a statement past its timeout, a
 * connection lost, refused or not given in time, a server going down) rather than that the demo's code
 * is wrong. The first is answered `503` with `Retry-After`, which a retrying client (the checkout keeps
 * its idempotency key) acts on; the second stays `500`: asking again would meet the same bug.
 */

/**
 * SQLSTATE classes and codes that pass (PostgreSQL's appendix A): 08 connection exception, 53
 * insufficient resources, 57 operator intervention (57014: canceled by `statement_timeout`; 57P01: the
 * server shutting down), 58 system error; a serialization failure, a deadlock, a lock not available, an
 * idle transaction timed out.
 */
const TEMPORARY_CLASSES = new Set(['08', '53', '57', '58']);
const TEMPORARY_CODES = new Set(['40001', '40P01', '55P03', '25P03']);

/** Node's codes for a server that cannot be reached or that went away mid-conversation. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg and pg-pool throw these without a code: a query or a connection that timed out, a connection gone, a pool closed. */
const CLIENT_MESSAGES =
  /^(?:Query read timeout|timeout exceeded when trying to connect|Connection terminated|Client (?:has encountered a connection error|was closed) and is not queryable|Cannot use a pool after calling end on the pool)/;

/** True when `error` is the database being unavailable for now, not a fault in the query. */
export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return CLIENT_MESSAGES.test(error.message);
  // First: `EPIPE` has a SQLSTATE's shape.
  if (NETWORK_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code)) return TEMPORARY_CODES.has(code) || TEMPORARY_CLASSES.has(code.slice(0, 2));
  return false;
}
