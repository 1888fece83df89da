/**
 * The demo's public address from `PUBLIC_URL`: where people open the shop when that is not where it
 * listens (behind a proxy that ends TLS, under a name of its own). Its forms and orders are taken only
 * from pages of that origin, and its share links point there; the request's own `Host` is never
 * trusted for either (a DNS-rebinding page names its own). Its host, and this machine's names on the
 * demo's port, are the only ones the server answers to: any other `Host` is answered 421
 * (examples/backend/src/served-hosts.ts). `npm start` (start.mjs) checks it before
 * building, and the server (examples/backend/src/main.ts) again when it is run on its own, with one message.
 */

/** `PUBLIC_URL` as the origin a browser names in `Origin` (unset or empty: none), or why it is not one. */
export function demoPublicUrl(value) {
  if (!value) return { ok: true, value: undefined };
  let url;
  try {
    url = new URL(value);
  } catch {}
  // Only an origin: a browser's Origin header has no path, and the demo's pages live at the root.
  const why = !url
    ? 'it is not a URL'
    : url.protocol !== 'http:' && url.protocol !== 'https:'
      ? 'it is not an http or https address'
      : url.username || url.password
        ? 'it holds a user name or password'
        : url.pathname !== '/' || url.search || url.hash
          ? 'it has a path, query or fragment, and the demo is served at the root of its origin'
          : undefined;
  if (!why) return { ok: true, value: url.origin };
  return {
    ok: false,
    error: {
      code: 'invalid_public_url',
      message: `PUBLIC_URL="${value}" is not an address to open the shop at: ${why}. Set it to the origin people open, e.g. PUBLIC_URL=https://shop.example npm start, or leave it unset for http://127.0.0.1:PORT.`,
    },
  };
}
