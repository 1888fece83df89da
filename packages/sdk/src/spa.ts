/** Single-page apps: capture again when the route changes, on `pushState` and `popstate` (opt-in). */

/** Who listens now; our `pushState` wrappers notify them all. */
const routes = new Set<() => void>();
/** Our wrapper on top of `history.pushState`, and what it wraps; unset once taken out. */
let installed: { wrapper: History['pushState']; original: History['pushState'] } | undefined;
/** How many of our wrappers are running: only the outermost notifies, however many sit in a chain. */
let depth = 0;

function wrap(original: History['pushState']): History['pushState'] {
  return function pushState(this: History, ...args) {
    depth++;
    try {
      original.apply(this, args);
    } finally {
      depth--;
    }
    if (!depth) for (const onRoute of routes) onRoute();
  };
}

/**
 * Calls `onRoute` after every `history.pushState` and on `popstate`; returns the unsubscribe.
 * `pushState` fires no event of its own, so it is wrapped while anyone listens. Listeners come and
 * go in any order. A wrapper is put on top whenever ours is not there (a router wrapped it since, or
 * it was reset), and taken out only when the last listener leaves and it is still on top; one left
 * deeper in a chain calls on and notifies no one twice. Where there is no `history` (server rendering, a
 * worker) it does nothing and returns a stop that does nothing.
 */
export function listenRoutes(onRoute: () => void): () => void {
  // Server rendering and workers have no history and no route changes: nothing to hear, as capture()
  // there finds nothing to capture.
  if (typeof history !== 'object') return () => {};
  // Its own function, so that one callback subscribed twice is unsubscribed once each time.
  const listener = () => onRoute();
  if (history.pushState !== installed?.wrapper) {
    const original = history.pushState;
    installed = { wrapper: wrap(original), original };
    history.pushState = installed.wrapper;
  }
  routes.add(listener);
  addEventListener('popstate', listener);
  return () => {
    routes.delete(listener);
    removeEventListener('popstate', listener);
    if (!routes.size && installed && history.pushState === installed.wrapper) {
      history.pushState = installed.original;
      installed = undefined;
    }
  };
}

/**
 * Captures with `client` on every route change of a single-page app; returns the unsubscribe. A
 * standalone function rather than a client method, so a checkout that never listens does not ship it.
 * During server rendering and in workers, where there are no routes, it does nothing.
 * @example const stop = listen(referkit);
 */
export function listen(client: { capture(): unknown }): () => void {
  return listenRoutes(() => client.capture());
}
