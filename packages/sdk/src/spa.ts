/** Single-page apps: capture again when the route changes, on `pushState` and `popstate` (opt-in). */

/** Who listens now; one wrapper of `pushState` serves them all. */
const routes = new Set<() => void>();
/** The `pushState` found when the wrapper went in; set while the wrapper is in place. */
let original: History['pushState'] | undefined;

function pushState(this: History, ...args: Parameters<History['pushState']>) {
  original!.apply(this, args);
  for (const onRoute of routes) onRoute();
}

/**
 * Calls `onRoute` after every `history.pushState` and on `popstate`; returns the unsubscribe.
 * `pushState` fires no event of its own, so it is wrapped while anyone listens. Listeners come and
 * go in any order: the wrapper is shared, and taken out only when the last one leaves and nothing
 * (a router) has wrapped it since; otherwise it stays, calling no one.
 */
export function listenRoutes(onRoute: () => void): () => void {
  // Its own function, so that one callback subscribed twice is unsubscribed once each time.
  const listener = () => onRoute();
  if (!original) {
    original = history.pushState;
    history.pushState = pushState;
  }
  routes.add(listener);
  addEventListener('popstate', listener);
  return () => {
    routes.delete(listener);
    removeEventListener('popstate', listener);
    if (!routes.size && history.pushState === pushState) {
      history.pushState = original!;
      original = undefined;
    }
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
