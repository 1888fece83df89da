/**
 * A single-page app's moves between its own addresses (a client-side link, `replaceState`, the back
 * button), told by the Navigation API without wrapping `history`. Browsers without it (Safari before
 * 26.2) tell nothing: the address a page was loaded at is the only one read there.
 */

let following = false;

/** Calls `onRoute` after every same-document move of the page, from the first call on; later calls add nothing. */
export function followRoutes(onRoute: () => void): void {
  if (following) return;
  following = true;
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', onRoute);
}
