/**
 * The headers of every HTML page the demo serves: its type, and a strict Content-Security-Policy that
 * the widget, the checkout and the server-rendered pages are all built to run under.
 */

// Strict: scripts only from this origin, no inline script, Trusted Types required. The widget and
// the checkout are built to run under exactly this policy.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** The headers of an HTML page: type, CSP, a referrer kept to the origin, no type sniffing. */
export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CSP,
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
};
