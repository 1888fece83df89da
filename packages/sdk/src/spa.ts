/** Single-page apps: capture again when the route changes, on `pushState` and `popstate` (opt-in). */

/**
 * Calls `onRoute` after every `history.pushState` and on `popstate`; returns the unsubscribe.
 * `pushState` fires no event of its own, so it is wrapped while listening and restored after.
 */
export function listenRoutes(onRoute: () => void): () => void {
  const push = history.pushState;
  history.pushState = function (...args) {
    push.apply(this, args);
    onRoute();
  };
  addEventListener('popstate', onRoute);
  return () => {
    history.pushState = push;
    removeEventListener('popstate', onRoute);
  };
}

/**
 * Captures with `client` on every route change of a single-page app; returns the unsubscribe. A
 * standalone function rather than a client method, so a checkout that never listens does not ship it.
 * @example const stop = listen(referkit);
 */
export function listen(client: { capture(): unknown }): () => void {
  return listenRoutes(() => client.capture());
}
