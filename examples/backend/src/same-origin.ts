/**
 * Whether a request comes from one of the shop's own pages. A staff action such as a refund is a
 * plain form that works without JavaScript, so any other site could post the same form from a
 * visitor's browser (with the visitor's cookies, once the page is behind a staff sign-in): CSRF. Every
 * current browser says where a POST comes from, in `Sec-Fetch-Site` (Fetch Metadata) and in `Origin`;
 * a cross-site form says `cross-site` and the other site's origin. A request that says neither (a
 * script, curl, a browser from before 2020) is refused too: it is not the page.
 *
 * The shop's origins are configured, never read from the request: its `Host` is whatever the client
 * says. A page on a name the attacker points at the shop's address (DNS rebinding) is `same-origin`
 * to itself and sends its own `Host` and `Origin`, which would match each other; and behind a proxy
 * that ends TLS the socket says `http` where the browser's `Origin` says `https`.
 */

/** True when the request's `Sec-Fetch-Site` and `Origin`, whichever it sends, both name one of `origins`. */
export function fromOwnOrigin(headers: Headers, origins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  const from = headers.get('origin');
  if (site === null && from === null) return false;
  // `Origin: null` (a sandboxed frame, a page behind a cross-site redirect) is no origin of ours either.
  return (site === null || site === 'same-origin') && (from === null || origins.includes(from));
}

/**
 * True when a browser says the request comes from a page of another origin than `origins`. For the
 * JSON API, which scripts and servers call without `Origin`; a browser sends it with every POST.
 */
export function fromOtherOrigin(headers: Headers, origins: readonly string[]): boolean {
  const from = headers.get('origin');
  return from !== null && !origins.includes(from);
}
