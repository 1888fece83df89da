/**
 * Whether a form POST comes from one of the shop's own pages. A staff action such as a refund is a
 * plain form that works without JavaScript, so any other site could post the same form from a
 * visitor's browser (with the visitor's cookies, once the page is behind a staff sign-in): CSRF. Every
 * current browser says where a POST comes from, in `Sec-Fetch-Site` (Fetch Metadata) and in `Origin`;
 * a cross-site form says `cross-site` and the other site's origin. A request that says neither (a
 * script, curl, a browser from before 2020) is refused too: it is not the page.
 */

/** True when the request's `Sec-Fetch-Site` and `Origin`, whichever it sends, both name this origin. */
export function fromOwnOrigin(headers: Headers, origin: string): boolean {
  const site = headers.get('sec-fetch-site');
  const from = headers.get('origin');
  if (site === null && from === null) return false;
  // `Origin: null` (a sandboxed frame, a page behind a cross-site redirect) is no origin of ours either.
  return (site === null || site === 'same-origin') && (from === null || from === origin);
}
