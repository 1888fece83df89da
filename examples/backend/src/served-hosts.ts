/**
 * The names the shop answers to. A page on a name an attacker points at the shop's address (DNS
 * rebinding: `attacker.test` resolves to the attacker's server, then to 127.0.0.1 or the shop's
 * private address) is same-origin to itself, so the browser lets its script read whatever the shop
 * answers there, the dashboard and the orders included, and post to it; the only sign is the name
 * the request is sent to, in `Host`. So a request that names any host but the shop's configured ones
 * is answered `421 Misdirected Request` (RFC 9110 §15.5.20) before a route reads or writes anything.
 * The names are configured, never learnt from requests; the checks of `Origin` (same-origin.ts) stay
 * for the other sites a visitor's browser posts from.
 */
import { createMiddleware } from 'hono/factory';
import { apiError } from './api-error.js';

/** `host[:port]` as a URL writes it, e.g. `LocalHost:80` as `localhost` for http: lower case, the default port left out. */
function normalHost(host: string): string {
  return new URL(`http://${host}`).host;
}

/**
 * The names an origin is reached under: its host, and for one without a port also the host with its
 * scheme's default port, which a proxy may write out (`Host: shop.example:443` for `https://shop.example`,
 * RFC 9110 §4.2.3: the same host). Ports are compared as written, so the rule needs the origin's scheme.
 */
export function originHosts(origin: string): string[] {
  const url = new URL(origin);
  if (url.port) return [url.host];
  return [url.host, `${url.host}:${url.protocol === 'https:' ? 443 : 80}`];
}

/**
 * Answers `421` to a request whose URL names none of `hosts` (e.g. `127.0.0.1:5173`, `shop.example`).
 * The URL's host is the `Host` header's, or an absolute request target's, which HTTP/1.1 says wins
 * over `Host` (RFC 9112 §3.2.2).
 */
export function servedHosts(hosts: readonly string[]) {
  const served = new Set(hosts.map(normalHost));
  return createMiddleware(async (c, next) => {
    if (served.has(new URL(c.req.url).host)) return next();
    const text = 'Misdirected request: this shop does not answer to that name. Open it at its own address.';
    return c.req.path.startsWith('/api/') ? c.json(apiError('misdirected_request', text), 421) : c.text(text, 421);
  });
}
