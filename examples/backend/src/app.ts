/**
 * The demo brand's HTTP surface, as a Hono app: the storefront and checkout pages, the receiver,
 * ambassadors, orders and the dashboard. Everything it needs is passed in, so tests can build it
 * around any database. Over 300 lines because it is every route and the order of the middleware
 * before them, in one file to read: what each route does is in the modules it calls.
 */

import type { HttpBindings } from '@hono/node-server';
import type { Program } from '@referkit/events';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { allowedMethods, methodNotAllowedText } from './allowed-methods.js';
import { ambassadorListPage, readListPage } from './ambassador-list.js';
import { readAmbassadorView } from './ambassador-view.js';
import { apiError } from './api-error.js';
import { boundedBody } from './bounded-body.js';
import { catalog } from './catalog.js';
import { dropRefusedLanding, orderRequestSchema } from './checkout-input.js';
import { findEnrolment, publicCode, publicStats } from './code-lookup.js';
import { dashboardPage } from './dashboard.js';
import { dashboardPeriod } from './dashboard-period.js';
import type { SqlClient } from './database.js';
import { isDatabaseOutage } from './database-outage.js';
import type { DemoStore } from './demo-store.js';
import { formRefusal } from './form-refusal.js';
import { headLength } from './head-length.js';
import { HTML_HEADERS } from './html-headers.js';
import { readIdempotencyKey } from './idempotency-key.js';
import { ledgerStart } from './ledger-start.js';
import { orderAnswer } from './order-answer.js';
import { orderById, recentOrders } from './orders.js';
import { ordersPage, RECENT_ORDERS, refundNotice } from './orders-page.js';
import { checkoutDist, storefrontDir, widgetDist } from './paths.js';
import { placeOrder } from './place-order.js';
import { privateByDefault } from './private-by-default.js';
import { refundOrder } from './refund-order.js';
import { fromOtherOrigin, fromOwnOrigin } from './same-origin.js';
import { originHosts, servedHosts } from './served-hosts.js';
import { signUpFlow } from './sign-up.js';
import type { SignedDelivery } from './signed-delivery.js';
import { signUpEntry, signUpErrors } from './signup-form.js';
import { staticAnswer } from './static-answer.js';
import { accountPage, productPage } from './storefront-pages.js';
import type { BucketLimit } from './token-buckets.js';

/** What the app is built from. */
export interface DemoAppOptions {
  client: SqlClient;
  store: DemoStore;
  programs: ReadonlyMap<string, Program>;
  /** The program the storefront sells under. */
  program: Program;
  /** The receiver: unsigned browser claims and signed server events, told apart by their headers. */
  receiver: (request: Request) => Promise<Response>;
  /** The shop's signed reports: redemptions at checkout, reversals after a refund. */
  deliver: SignedDelivery;
  /**
   * Where people open the shop, e.g. `http://127.0.0.1:5173`, or `https://shop.example` behind a
   * proxy: the base of every share link, and the origin its forms and orders must come from. Given,
   * never read from a request, whose `Host` is whatever the client says (same-origin.ts).
   */
  origin: string;
  /** Other names of this same server its pages may be opened at, e.g. `http://localhost:5173`. @default [] */
  aliases?: readonly string[];
  /**
   * Every `host[:port]` this server answers to, e.g. `127.0.0.1:5173`; a request that names another (a
   * page on a name pointed at the shop's address: DNS rebinding) is answered 421 (served-hosts.ts).
   * @default the hosts of `origin` and `aliases`
   */
  hosts?: readonly string[];
  now?: () => Date;
  /** How long the body of a form or an order may take to arrive before it is answered 408, as the receiver's. @default 10000 */
  bodyTimeoutMs?: number;
  /** Sign-ups a client (an IPv4 address, an IPv6 /64) may make at once, then one every `everyMs`. @default SIGN_UP_LIMIT: 10, then one a minute */
  signUps?: BucketLimit;
}

/** Seconds before asking again a database that did not answer: a held lock or a restart is usually over by then. */
const RETRY_AFTER_SECONDS = 5;

/** Builds the demo's Hono app. */
export function createDemoApp(options: DemoAppOptions): Hono {
  const { client, store, programs, program, receiver, deliver, origin } = options;
  const now = options.now ?? (() => new Date());
  const origins = [origin, ...(options.aliases ?? [])];
  const signUp = signUpFlow({ client, store, program, now, ...(options.signUps ? { limit: options.signUps } : {}) });
  const app = new Hono();

  // Outermost, so that they see every answer, a refusal's included: a HEAD's length, and no-store
  // on whatever set no caching of its own.
  app.use(headLength);
  app.use(privateByDefault);
  // Then a name the shop was not configured for (DNS rebinding) is refused, before any route reads or writes.
  app.use(servedHosts(options.hosts ?? origins.flatMap(originHosts)));
  // A body refused for its size, or one that stopped arriving, is left unread, and the server closes
  // the socket rather than read megabytes to throw them away or wait on the rest: the answer says so,
  // or a keep-alive client sends its next request down a connection that is closing and sees it fail.
  // The receiver's own 413 and 408 included.
  app.use(async (c, next) => {
    await next();
    if (c.res.status === 413 || c.res.status === 408) c.res.headers.set('connection', 'close');
  });
  // The receiver bounds its own body (64 KiB in 10 s); the shop's other forms are far smaller than 16 KiB.
  const bounds = { maxBytes: 16 * 1024, timeoutMs: options.bodyTimeoutMs ?? 10_000 };
  const small = boundedBody(bounds);
  app.use('/api/ambassadors', small);
  app.use('/api/orders', small);
  // The plain forms are answered a page with a link back: a browser shows the API's JSON as raw text.
  const brand = program.brand;
  app.use('/account', boundedBody({ ...bounds, answer: formRefusal({ brand, back: '/account', ...bounds }) }));
  app.use('/orders/*', boundedBody({ ...bounds, answer: formRefusal({ brand, back: '/orders', ...bounds }) }));
  // JSON only: a text/plain POST needs no CORS preflight, so without this any site could place an
  // order for any email from a visitor's browser (spending that person's first-order discount).
  const json = createMiddleware(async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\s*(?:;|$)/i.test(c.req.header('content-type') ?? ''))
      return c.json(apiError('unsupported_media_type', 'Expected Content-Type: application/json'), 415);
    await next();
  });
  app.use('/api/ambassadors', json);
  app.use('/api/orders', json);
  // A page of another origin that the browser lets post JSON anyway: one on a name the attacker points
  // at the shop's address (DNS rebinding) is same-origin to itself, so it needs no CORS preflight.
  const ownPages = createMiddleware(async (c, next) => {
    if (c.req.method === 'POST' && fromOtherOrigin(c.req.raw.headers, origins))
      return c.json(apiError('cross_origin', "Refused: this request comes from a page that is not the shop's."), 403);
    await next();
  });
  app.use('/api/ambassadors', ownPages);
  app.use('/api/orders', ownPages);

  // Every method reaches the receiver, which answers anything but POST with 405 and `Allow`.
  app.all('/api/referrals/events', (c) => receiver(c.req.raw));

  app.get('/api/codes/:code', async (c) => {
    const enrolment = await findEnrolment(client, store, programs, c.req.param('code'), now());
    if (!enrolment) return c.json(apiError('unknown_code', 'No ambassador has this code.'), 404);
    c.header('cache-control', 'public, max-age=60');
    return c.json(publicCode(enrolment));
  });

  app.get('/api/ambassadors/:code/stats', async (c) => {
    const enrolment = await findEnrolment(client, store, programs, c.req.param('code'), now());
    if (!enrolment) return c.json(apiError('unknown_code', 'No ambassador has this code.'), 404);
    c.header('cache-control', 'no-store');
    return c.json(await publicStats(store, enrolment, now()));
  });

  app.post('/api/ambassadors', async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null)
      return c.json(apiError('invalid_json', 'Expected a JSON object.'), 400);
    const { displayName, role, audienceTier, email } = body as Record<string, unknown>;
    const result = await signUp({ displayName, role, audienceTier, email }, remoteAddress(c));
    if (result.ok) return c.json(result.value, 201);
    if (result.status === 429) c.header('retry-after', String(result.retryAfterSeconds));
    return c.json({ error: result.error }, result.status);
  });

  app.post('/api/orders', async (c) => {
    const parsed = orderRequestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String),
        code: issue.code,
        message: issue.message,
      }));
      return c.json(apiError('invalid_order', 'Expected an email and at least one item.', issues), 400);
    }
    // Optional: a request without a key (an older checkout, a script) is placed as it always was.
    const key = readIdempotencyKey(c.req.header('idempotency-key'));
    if (!key.ok) return c.json({ error: key.error }, 400);
    const enrolment = parsed.data.code ? await findEnrolment(client, store, programs, parsed.data.code, now()) : null;
    if (parsed.data.code && !enrolment) return c.json(apiError('unknown_code', 'No ambassador has this code.'), 422);
    const result = await placeOrder(
      client,
      dropRefusedLanding(parsed.data, now()),
      enrolment,
      enrolment?.program ?? program,
      deliver.redeem,
      key.value,
      now(),
    );
    return result.ok ? c.json(result.value, 201) : c.json({ error: result.error }, result.status);
  });

  app.get('/api/products', (c) => c.json(catalog));

  app.get('/api/orders/:id', async (c) => {
    const order = await orderById(client, c.req.param('id'));
    if (order?.status !== 'placed') return c.json(apiError('unknown_order', 'No order has this id.'), 404);
    c.header('cache-control', 'no-store');
    return c.json(orderAnswer(order));
  });

  app.get('/orders', async (c) => {
    const notice = refundNotice(c.req.query('notice'));
    const id = c.req.query('order');
    const [orders, noticed] = await Promise.all([
      recentOrders(client, RECENT_ORDERS),
      notice && id ? orderById(client, id) : null,
    ]);
    const html = ordersPage({ brand: program.brand, orders, notice, noticed });
    return c.body(html.text, 200, { ...HTML_HEADERS, 'cache-control': 'no-store' });
  });

  // The Refund button: a plain form post, then a 303 back to the list with what happened. Only the
  // shop's own pages may post it (same-origin.ts): a form on another site must not refund.
  app.post('/orders/:id/refund', async (c) => {
    if (!fromOwnOrigin(c.req.raw.headers, origins))
      return c.text("Refused: a refund must come from this shop's own orders page.", 403);
    const id = c.req.param('id');
    const result = await refundOrder(client, programs, deliver.reverse, id, now());
    const notice = result.ok ? 'refunded' : result.code;
    return c.redirect(`/orders?notice=${notice}&order=${encodeURIComponent(id)}`, 303);
  });

  app.get('/dashboard', async (c) => {
    const { days, refused } = dashboardPeriod(c.req.query('days'));
    const to = now();
    // `days` UTC days counting today: 7 days is today and the 6 before it, not 8 dates.
    const today = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
    // All time: from the day of the ledger's first event (today before there is one).
    const first = days === 'all' ? await ledgerStart(client, program.id) : null;
    const from =
      days === 'all'
        ? new Date(
            Math.min(today, first ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()) : today),
          )
        : new Date(today - (days - 1) * 86_400_000);
    const stats = await store.stats({ program: program.id, from, to, now: to });
    const view = readAmbassadorView(c.req.query());
    return c.body(dashboardPage(stats, program.brand, { days, view, refused }).text, 200, HTML_HEADERS);
  });

  app.get('/account', async (c) => {
    const code = c.req.query('code');
    const enrolment = code ? await findEnrolment(client, store, programs, code, now()) : null;
    const page = enrolment
      ? await accountPage({ kind: 'one', enrolment, base: `${origin}/` }, program)
      : await accountPage(
          {
            kind: 'list',
            list: await ambassadorListPage(client, program.id, readListPage(c.req.query('page'))),
            ...(code ? { notice: 'No ambassador has this code. Pick one below or sign up.' } : {}),
          },
          program,
        );
    return c.body(page, 200, HTML_HEADERS);
  });

  // The sign-up form works without JavaScript: a plain form post, then a redirect to the new page.
  app.post('/account', async (c) => {
    // Only the shop's own page may post it, as the Refund button: a form on another site would enrol
    // anyone, under any email, from a visitor's browser.
    if (!fromOwnOrigin(c.req.raw.headers, origins))
      return c.text("Refused: sign up on this shop's own account page.", 403);
    const form = await c.req.parseBody();
    const result = await signUp(
      { displayName: form.displayName, role: form.role, email: form.email },
      remoteAddress(c),
    );
    if (!result.ok) {
      if (result.status === 429) c.header('retry-after', String(result.retryAfterSeconds));
      // What was entered comes back in the form, each problem beside its field; one that is no field's
      // (too many sign-ups) is said above the list.
      const entered = signUpEntry(form);
      const errors = result.status === 429 ? {} : signUpErrors(result.error.issues);
      const notice =
        result.status === 429
          ? result.error.message
          : Object.keys(errors).length === 0
            ? 'Please enter a name with at least one letter and pick a role. The email is optional; give one like sam@example.com.'
            : undefined;
      const list = await ambassadorListPage(client, program.id, 1);
      return c.body(
        await accountPage({ kind: 'list', list, ...(notice ? { notice } : {}), signUp: { entered, errors } }, program),
        result.status,
        HTML_HEADERS,
      );
    }
    return c.redirect(`/account?code=${encodeURIComponent(result.value.code)}`, 303);
  });

  // referkit.js and the chunks it loads from beside itself on demand (QR code, progress, languages).
  app.get('/:file{referkit(?:-[a-z]+)?\\.js}', (c) =>
    staticAnswer(c.req.raw, widgetDist, c.req.param('file'), {
      entry: 'referkit.js',
      hint: 'Run `npm run build` to build the widget.',
    }),
  );
  app.get('/checkout', (c) => c.redirect(`/checkout/${new URL(c.req.url).search}`, 301));
  app.get('/checkout/*', (c) => {
    const path = c.req.path.slice('/checkout/'.length) || 'index.html';
    return staticAnswer(c.req.raw, checkoutDist, path, {
      entry: 'index.html',
      hint: 'Run `npm start` to build the checkout.',
    });
  });
  // The product page, with the program's offer printed in for the banner (storefront-pages.ts).
  app.get('/', async (c) => c.body(await productPage(program), 200, { ...HTML_HEADERS, 'cache-control': 'no-cache' }));
  // The storefront's HTML files are templates, their placeholders filled by the routes above: an old
  // link to one is sent, with its query (a `?ref=` above all), to the page made from it.
  for (const [template, rendered] of [
    ['/index.html', '/'],
    ['/account.html', '/account'],
  ] as const) {
    app.get(template, (c) => c.redirect(`${rendered}${new URL(c.req.url).search}`, 301));
  }
  // Scripts, styles and images only: no template is served as it is.
  app.get('/:file{[a-z-]+\\.(?:js|css|svg)}', (c) => staticAnswer(c.req.raw, storefrontDir, c.req.param('file')));

  app.notFound((c) => {
    const api = c.req.path.startsWith('/api/');
    // A route that is there, asked with a method it does not serve: 405 and what it serves, as the receiver answers.
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      c.header('allow', allowed.join(', '));
      const text = methodNotAllowedText(allowed);
      return api ? c.json(apiError('method_not_allowed', text), 405) : c.text(text, 405);
    }
    return api ? c.json(apiError('not_found', 'No such endpoint.'), 404) : c.text('Not found', 404);
  });
  app.onError((error, c) => {
    console.error(`[referkit-demo] ${c.req.method} ${c.req.path} failed: ${error.message}`);
    if (isDatabaseOutage(error)) {
      c.header('retry-after', String(RETRY_AFTER_SECONDS));
      return c.json(
        apiError('database_unavailable', 'The shop cannot reach its database just now. Try again in a moment.'),
        503,
      );
    }
    return c.json(apiError('internal', 'Something went wrong on the demo server.'), 500);
  });
  return app;
}

/** The address of the socket a request came on; none for a request made in-process (`app.request`). */
function remoteAddress(c: Context): string | undefined {
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress;
}
