/**
 * The demo backend over HTTP, without a browser: what its API answers to strangers and to bad
 * input, that its pages escape what people type, and that it starts, restarts and refuses a
 * taken port as `npm start` promises.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { friendDiscount } from '@referkit/events/rewards';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../../examples/backend/src/database.js';
import { insertOrder, type ShopOrder } from '../../examples/backend/src/orders.js';
import { type Demo, startDemo } from '../../examples/backend/src/start-demo.js';

describe('the demo backend', () => {
  let dataDir: string;
  let demo: Demo;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-api-'));
    const started = await startDemo({ port: 0, dataDir });
    if (!started.ok) throw new Error(started.error.message);
    demo = started.value;
  });

  afterAll(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (path: string, init?: RequestInit) => fetch(`${demo.url}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const code = (role: string) => demo.ambassadors.find((ambassador) => ambassador.role === role)?.code ?? '';
  /** Orders one $48.00 tin as the checkout does, with a code and the total the page showed when given. */
  const orderTin = (email: string, withCode: string | null, expectedTotal?: number) =>
    postJson('/api/orders', {
      email,
      items: [{ sku: 'sencha-tin', quantity: 1 }],
      ...(withCode ? { code: withCode } : {}),
      ...(expectedTotal === undefined ? {} : { expectedTotal }),
    });
  const refusal = async (response: Response) => [response.status, (await response.json()).error?.code];

  test('seeds one program and one ambassador of each role on first start', () => {
    expect(demo.seeded).toBe(true);
    expect(demo.ambassadors.map((ambassador) => ambassador.role)).toEqual([
      'ambassador',
      'community_leader',
      'influencer',
    ]);
    const influencer = demo.ambassadors[2];
    expect(influencer?.audienceTier).toBe('micro');
    expect(Date.parse(influencer?.campaign?.startsAt ?? '')).toBeLessThan(Date.now());
    expect(Date.parse(influencer?.campaign?.endsAt ?? '')).toBeGreaterThan(Date.now());
  });

  test('answers a code lookup with the public offer and nothing else about the ambassador', async () => {
    const response = await api(`/api/codes/${code('ambassador').toLowerCase()}`);
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json()).sort()).toEqual(
      ['brand', 'code', 'currency', 'displayName', 'firstOrderOnly', 'friendOffer', 'minimumOrder'].sort(),
    );
  });

  test('answers 404 unknown_code for a code no ambassador has', async () => {
    const response = await api('/api/codes/NOBODY-222222');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('unknown_code');
  });

  test("answers an ambassador's public stats with their contribution target", async () => {
    const stats = await (await api(`/api/ambassadors/${code('ambassador')}/stats`)).json();
    expect(stats).toMatchObject({
      code: code('ambassador'),
      role: 'ambassador',
      promoted: false,
      friendsJoined: 0,
      rewards: [{ type: 'credit', currency: 'USD', earned: 0, pending: 0 }],
      target: { shares: 3, per: 'week', done: 0, reached: false },
    });
  });

  test('signs up an ambassador of a role with a freshly minted code', async () => {
    const response = await postJson('/api/ambassadors', { displayName: 'Priya Natarajan', role: 'community_leader' });
    expect(response.status).toBe(201);
    const ambassador = await response.json();
    expect(ambassador).toMatchObject({ displayName: 'Priya Natarajan', role: 'community_leader' });
    expect(ambassador.code).toMatch(/^PRIYA-[2-9A-HJKMNP-Z]{6}$/);
    expect((await api(`/api/codes/${ambassador.code}`)).status).toBe(200);
  });

  test('refuses a sign-up without a visible name, with the path of the problem', async () => {
    const response = await postJson('/api/ambassadors', { displayName: '\u202e ', role: 'ambassador' });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_ambassador');
    expect(error.issues[0].path).toEqual(['displayName']);
  });

  test('refuses a sign-up with an email that is not one, with the path of the problem', async () => {
    const response = await postJson('/api/ambassadors', {
      displayName: 'Lena Park',
      role: 'ambassador',
      email: 'lena-at-example.com',
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_ambassador');
    expect(error.issues.map((issue: { path: string[] }) => issue.path)).toEqual([['email']]);
  });

  test("refuses an order with a seeded ambassador's own code and email as self_referral", async () => {
    expect(await refusal(await orderTin('Alex@Example.com', code('ambassador')))).toEqual([422, 'self_referral']);
  });

  test('refuses an order with their own code to an ambassador who signed up on the form with their email', async () => {
    const signup = await api('/account', {
      method: 'POST',
      // As the shop's own form posts it: a browser names the page's origin.
      headers: { origin: demo.url, 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ displayName: 'Ines Duarte', role: 'ambassador', email: 'ines@example.com' }),
      redirect: 'manual',
    });
    expect(signup.status).toBe(303);
    const own = new URL(signup.headers.get('location') ?? '', demo.url).searchParams.get('code');
    expect(await refusal(await orderTin('ines+tea@example.com', own))).toEqual([422, 'self_referral']);
    // A friend's order with the same code is taken.
    expect((await orderTin('ines-friend@example.com', own)).status).toBe(201);
  });

  test('refuses an order to an ambassador who quotes their address, as the email field does', async () => {
    // `"alex"@example.com` is the mailbox `alex@example.com` (RFC 5321); the API refuses quotes as the
    // form's email field does, before any rule could be passed by another spelling of one mailbox.
    expect(await refusal(await orderTin('"Alex"@Example.com', code('ambassador')))).toEqual([400, 'invalid_order']);
  });

  test('refuses an order with their own code to an ambassador who signed up with an internationalised domain and orders with its ASCII form', async () => {
    const signup = await postJson('/api/ambassadors', {
      displayName: 'Jürgen Weber',
      role: 'ambassador',
      email: 'jurgen@bücher.de',
    });
    expect(signup.status).toBe(201);
    const { code: own } = await signup.json();
    // What Chromium's <input type=email> gives for the address typed as above.
    expect(await refusal(await orderTin('jurgen@xn--bcher-kva.de', own))).toEqual([422, 'self_referral']);
  });

  test.each([
    ['before 2000', '1999-12-31T00:00:00.000Z'],
    ['in the future', '2099-01-01T00:00:00.000Z'],
  ])("refuses an ambassador's own code whatever landing time the checkout sends: one %s", async (_when, landedAt) => {
    const response = await postJson('/api/orders', {
      email: 'alex@example.com',
      items: [{ sku: 'sencha-tin', quantity: 1 }],
      code: code('ambassador'),
      attribution: { landedAt, model: 'last_touch' },
    });
    expect(await refusal(response)).toEqual([422, 'self_referral']);
  });

  test("places a friend's order whose landing time the receiver would refuse without that landing, and records its redemption", async () => {
    const response = await postJson('/api/orders', {
      email: 'fast-clock@example.com',
      items: [{ sku: 'sencha-tin', quantity: 1 }],
      code: code('ambassador'),
      attribution: { landedAt: '2099-01-01T00:00:00.000Z', channel: 'whatsapp', model: 'last_touch' },
    });
    expect(response.status).toBe(201);
    const placed = await response.json();
    expect(placed.referral).toMatchObject({ ok: true, status: 201 });
    const { rows } = await demo.client.query('SELECT report, attribution FROM demo_orders WHERE id = $1', [
      placed.order.id,
    ]);
    expect(rows).toEqual([{ report: 'recorded', attribution: null }]);
  });

  test('escapes a name people typed on the account page', async () => {
    const signed = await (
      await postJson('/api/ambassadors', { displayName: '<img src=x onerror=alert(1)>', role: 'ambassador' })
    ).json();
    const page = await (await api(`/account?code=${signed.code}`)).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('name="&#60;img src=x onerror=alert(1)&#62;"');
  });

  test('refuses an unsigned redemption for an order the shop never placed', async () => {
    const response = await postJson('/api/referrals/events', {
      v: 1,
      id: 'evt_forgedclaim0001',
      type: 'redemption',
      program: demo.program.id,
      code: code('ambassador'),
      occurredAt: new Date().toISOString(),
      orderId: 'ord_never_placed',
      order: { currency: 'USD', subtotal: 4800, discount: 720, total: 4080 },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('order_not_confirmed');
  });

  test('refuses a redemption with a forged signature instead of judging it as a claim', async () => {
    const body = JSON.stringify({
      v: 1,
      id: 'evt_forgedsignature1',
      type: 'redemption',
      program: demo.program.id,
      code: code('ambassador'),
      occurredAt: new Date().toISOString(),
      orderId: 'ord_forged',
      order: { currency: 'USD', subtotal: 4800, discount: 720, total: 4080 },
    });
    const response = await api('/api/referrals/events', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'evt_forgedsignature1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
      },
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('invalid_signature');
  });

  test('prices an order on the server and records its signed redemption', async () => {
    const response = await postJson('/api/orders', {
      email: 'api-test@example.com',
      items: [{ sku: 'oolong-tin', quantity: 2 }],
      code: code('influencer'),
    });
    expect(response.status).toBe(201);
    const placed = await response.json();
    expect(placed.order).toMatchObject({ subtotal: 7200, discount: 1080, total: 6120 });
    // The influencer's micro-tier reward: 10% of the order, in cash.
    expect(placed.referral).toMatchObject({
      ok: true,
      status: 201,
      rewards: { ambassador: { amount: 612, type: 'cash' } },
    });
  });

  test('places no order at a total the checkout did not show, then places it once the shopper confirms', async () => {
    const order = (expectedTotal: number) =>
      orderTin('leader-member@example.com', code('community_leader'), expectedTotal);
    // The first order gets the friend's 15% off the $48.00 tin, as the page showed.
    expect((await order(4080)).status).toBe(201);
    // A member ordering again earns the leader a retention reward, without a second discount: the
    // page previewed $40.80, so nothing is placed and the answer gives the real price.
    const changed = await order(4080);
    expect(changed.status).toBe(409);
    const { error } = await changed.json();
    expect(error).toMatchObject({ code: 'total_changed', order: { subtotal: 4800, discount: 0, total: 4800 } });
    expect(error.message).toContain('has ordered before');
    const confirmed = await order(4800);
    expect(confirmed.status).toBe(201);
    expect((await confirmed.json()).order).toMatchObject({ discount: 0, total: 4800 });
    // One friend who ordered twice: one friend joined, the second order is retention.
    const stats = await (await api(`/api/ambassadors/${code('community_leader')}/stats`)).json();
    expect(stats.friendsJoined).toBe(1);
  });

  test("refuses a leader's code on the first try for a repeat customer the leader did not bring", async () => {
    const email = 'not-a-member@example.com';
    // Their first order came through another ambassador, so they are not the leader's member.
    expect((await orderTin(email, code('ambassador'), 4080)).status).toBe(201);
    const leaders = await orderTin(email, code('community_leader'), 4080);
    expect(await refusal(leaders)).toEqual([422, 'not_first_order']);
  });

  test("takes a promoted ambassador's friend's repeat order on the community leader's terms", async () => {
    const signup = await postJson('/api/ambassadors', { displayName: 'Noor Haddad', role: 'ambassador' });
    const { code: noor } = await signup.json();
    const order = (email: string) =>
      postJson('/api/orders', { email, items: [{ sku: 'sencha-tin', quantity: 1 }], code: noor });
    // The program promotes after 5 confirmed first orders: placed, then past the 14-day reward hold.
    for (let friend = 1; friend <= 5; friend++) expect((await order(`friend${friend}@example.com`)).status).toBe(201);

    // Fifteen days on, for the shop, its signing client and the receiver alike (only Date moves).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15 * 86_400_000 });
    let placed: { order: unknown; referral: unknown };
    try {
      const again = await order('friend1@example.com');
      expect(again.status).toBe(201);
      placed = await again.json();
    } finally {
      vi.useRealTimers();
    }
    // A leader's member ordering again: no second discount, a retention reward for the leader.
    expect(placed.order).toMatchObject({ subtotal: 4800, discount: 0 });
    expect(placed.referral).toMatchObject({ ok: true, rewards: { ambassador: { reason: 'repeat_order' } } });
  });

  test('treats a +tag or dotted Gmail address as the customer it is', async () => {
    const first = await postJson('/api/orders', {
      email: 'sam.river@gmail.com',
      items: [{ sku: 'brew-kit', quantity: 1 }],
      code: code('ambassador'),
    });
    expect(first.status).toBe(201);
    const retagged = await postJson('/api/orders', {
      email: 'Sam.River+again@gmail.com',
      items: [{ sku: 'brew-kit', quantity: 1 }],
      code: code('ambassador'),
    });
    // The same customer again: no second first-order discount.
    expect(retagged.status).toBe(201);
    expect((await retagged.json()).order).toMatchObject({ discount: 0 });
  });

  test("reports a referred friend's repeat orders, with the code or without, under the code that brought them, so the dashboard measures every role's retention", async () => {
    const signup = await postJson('/api/ambassadors', { displayName: 'Lena Park', role: 'ambassador' });
    const { code: lena } = await signup.json();
    const friend = 'lena-friend@example.com';
    expect((await orderTin(friend, lena, 4080)).status).toBe(201);
    const answers = [await orderTin(friend, null, 4800), await orderTin(friend, lena, 4800)];
    for (const again of answers) {
      expect(again.status).toBe(201);
      const placed = await again.json();
      expect([placed.code, placed.order.discount, placed.redemption?.customer.firstOrder]).toEqual([lena, 0, false]);
      // A repeat order on a first-order offer earns an ambassador nothing, and is counted.
      expect(placed.referral).toMatchObject({
        ok: true,
        status: 201,
        rewards: { friend: { discount: 0 }, ambassador: null },
      });
    }
    const dashboard = await (await api('/dashboard')).text();
    const row = new RegExp(`<tr data-code="${lena}">[\\s\\S]*?<td data-metric="repeat-order-rate">([\\s\\S]*?)</td>`);
    expect(
      row
        .exec(dashboard)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim(),
    ).toBe('100%');
    const stats = await (await api(`/api/ambassadors/${lena}/stats`)).json();
    expect(stats.friendsJoined).toBe(1);
  });

  test("pays a leader's retention reward for a member's repeat order placed without the code", async () => {
    const member = 'member-no-code@example.com';
    expect((await orderTin(member, code('community_leader'), 4080)).status).toBe(201);
    const again = await orderTin(member, null, 4800);
    expect(again.status).toBe(201);
    const placed = await again.json();
    expect(placed.code).toBe(code('community_leader'));
    // The demo's leaders earn 5% of a member's repeat order within 90 days.
    expect(placed.referral).toMatchObject({
      ok: true,
      rewards: { ambassador: { amount: 240, reason: 'repeat_order' } },
    });
  });

  test("places a referred friend's repeat order without the code even when the program refuses its report", async () => {
    const friend = 'campaign-friend@example.com';
    expect((await orderTin(friend, code('influencer'), 4080)).status).toBe(201);
    // Past the influencer's campaign (60 days after the start), for the shop, its client and the receiver.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 86_400_000 });
    let again: Response;
    try {
      again = await orderTin(friend, null, 4800);
    } finally {
      vi.useRealTimers();
    }
    expect(again.status).toBe(201);
    const placed = await again.json();
    expect([placed.order.total, placed.referral?.error?.code]).toEqual([4800, 'campaign_inactive']);
    const shown = await (await api(`/api/orders/${placed.order.id}`)).json();
    expect(shown.order.id).toBe(placed.order.id);
  });

  test('refuses an order for a product the shop does not sell', async () => {
    const response = await postJson('/api/orders', {
      email: 'x@example.com',
      items: [{ sku: 'gold-bar', quantity: 1 }],
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('unknown_product');
  });

  test('refuses an order whose email holds a NUL byte or another control character, with the path of the problem', async () => {
    for (const email of [
      'sam\u0000@example.com',
      'sam@example.com\u0000',
      'sam@exa\u0007mple.com',
      '\u0085sam@example.com',
    ]) {
      const response = await postJson('/api/orders', { email, items: [{ sku: 'sencha-tin', quantity: 1 }] });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect([error.code, error.issues]).toEqual([
        'invalid_order',
        [{ path: ['email'], code: 'invalid_format', message: 'Expected an email address without control characters' }],
      ]);
    }
  });

  test('answers 404 unknown_order for an order id no order could have, a NUL byte included', async () => {
    for (const id of ['ord_nothing', 'ord%00x']) {
      const response = await api(`/api/orders/${id}`);
      expect([response.status, (await response.json()).error.code]).toEqual([404, 'unknown_order']);
    }
  });

  // Whether the checkout is built or not (this file does not build it): a missing file under a build that
  // is there is covered by static-files.test.ts; the widget is always built for the e2e project.
  test('answers a plain 404 to a path that tries to leave the checkout, or a missing widget file, not a hint to build', async () => {
    for (const path of [
      '/checkout/..%2F..',
      '/checkout/..%2F..%2Fpackage.json',
      '/checkout/%2e%2e%2f%2e%2e%2fpackage.json',
      '/checkout/..%2Findex.html',
      '/referkit-missing.js',
    ]) {
      const response = await api(path);
      expect([path, response.status, await response.text()]).toEqual([path, 404, 'Not found']);
    }
  });

  test('refuses an order or a sign-up that is not sent as JSON, so that no other site can post one', async () => {
    const body = JSON.stringify({ email: 'victim@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] });
    for (const path of ['/api/orders', '/api/ambassadors']) {
      for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
        const response = await api(path, { method: 'POST', headers, body });
        expect([response.status, (await response.json()).error.code]).toEqual([415, 'unsupported_media_type']);
      }
    }
  });

  /** A request as a browser that reached the demo under the name `host` sends it: `Host` names that name. */
  const asNamed = (
    host: string,
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(
        `${demo.url}${path}`,
        { method: init.method ?? 'GET', headers: { ...init.headers, host } },
        (answer) => {
          let body = '';
          answer.setEncoding('utf8');
          answer.on('data', (chunk) => (body += chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
        },
      );
      sent.on('error', reject);
      sent.end(init.body);
    });

  test('refuses an order or a sign-up from a page that reached it under another name (DNS rebinding)', async () => {
    const rebound = `rebind.attacker.test:${demo.port}`;
    const bodies = {
      '/api/orders': { email: 'rebound@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] },
      '/api/ambassadors': { displayName: 'Rebound', role: 'ambassador' },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const answer = await asNamed(rebound, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://${rebound}`, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify(body),
      });
      // Refused for the name it was sent to (served-hosts.ts), before its Origin is read.
      expect([path, answer.status, JSON.parse(answer.body).error?.code]).toEqual([path, 421, 'misdirected_request']);
    }
    const { rows } = await demo.client.query(
      `SELECT 1 FROM demo_ambassadors WHERE ambassador->>'displayName' = 'Rebound'`,
    );
    expect(rows).toEqual([]);
  });

  test('takes an order and the sign-up form from its pages opened at localhost, as at 127.0.0.1', async () => {
    const local = `localhost:${demo.port}`;
    const order = await asNamed(local, '/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://${local}` },
      body: JSON.stringify({ email: 'local@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] }),
    });
    expect(order.status).toBe(201);
    const signup = await asNamed(local, '/account', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: `http://${local}`,
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ displayName: 'Local Lee', role: 'ambassador' }).toString(),
    });
    expect(signup.status).toBe(303);
  });

  test('refuses an order or a sign-up from a page of another origin that names the shop’s own host', async () => {
    const bodies = {
      '/api/orders': { email: 'elsewhere@example.com', items: [{ sku: 'sencha-tin', quantity: 1 }] },
      '/api/ambassadors': { displayName: 'Elsewhere', role: 'ambassador' },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const response = await postJson(path, body, { origin: 'https://evil.example' });
      expect([path, response.status, (await response.json()).error?.code]).toEqual([path, 403, 'cross_origin']);
    }
  });

  test('points share links at its own address, not the name a request reached it under', async () => {
    const page = await asNamed(`localhost:${demo.port}`, `/account?code=${code('ambassador')}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('localhost');
    expect(page.body).toContain(`&#34;base&#34;:&#34;${demo.url}/&#34;`);
  });

  test('lets the receiver answer a method other than POST with 405 and Allow', async () => {
    const response = await api('/api/referrals/events');
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
  });

  test('refuses an oversized order body with 413 before reading it', async () => {
    const response = await postJson('/api/orders', { email: 'x@example.com', items: [], note: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  test.each([
    ['/api/orders', 'application/json'],
    ['/api/ambassadors', 'application/json'],
    ['/account', 'application/x-www-form-urlencoded'],
    ['/api/referrals/events', 'application/json'],
  ])(
    "answers a 2 MB body to %s with 413 and Connection: close, and the same client's next request too",
    async (path, type) => {
      // One keep-alive socket, as a browser or fetch would reuse for the next request.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const post = (body: string) =>
        new Promise<{ status?: number; connection?: string } | { error: string }>((resolve) => {
          const sent = request(
            `${demo.url}${path}`,
            // As the shop's own pages post (the sign-up form is refused from anywhere else).
            {
              method: 'POST',
              agent,
              headers: { 'content-type': type, origin: demo.url, 'sec-fetch-site': 'same-origin' },
            },
            (answer) => {
              answer.resume();
              answer.on('end', () => resolve({ status: answer.statusCode, connection: answer.headers.connection }));
            },
          );
          sent.on('error', (error) => resolve({ error: error.message }));
          sent.end(body);
        });
      expect(await post('x'.repeat(2_000_000))).toEqual({ status: 413, connection: 'close' });
      expect(await post('{}')).toMatchObject({ status: 400 });
      agent.destroy();
    },
  );

  test('answers a taken port with port_in_use, without touching the database', async () => {
    const second = await startDemo({ port: demo.port, dataDir });
    expect(second).toEqual({
      ok: false,
      error: { code: 'port_in_use', message: expect.stringContaining(String(demo.port)) },
    });
  });

  test('refuses a second demo on the same data directory', async () => {
    const second = await startDemo({ port: 0, dataDir });
    expect(second.ok ? 'started' : second.error.code).toBe('database_unavailable');
  });

  test('shows the dashboard over the period asked for, and 30 days for anything else', async () => {
    const period = async (query: string) => {
      const page = await (await api(`/dashboard${query}`)).text();
      const [, from, to] = /class="period">(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/.exec(page) ?? [];
      // The dates shown, both ends counted: "7 days" is today and the six before it.
      return { days: Math.round((Date.parse(to ?? '') - Date.parse(from ?? '')) / 86_400_000) + 1, page };
    };
    const week = await period('?days=7');
    expect(week.days).toBe(7);
    expect(week.page).toContain('<a href="/dashboard?days=7" aria-current="page">7 days</a>');
    // The week the target counts is still running: not reached yet is not missed.
    expect(week.page).toContain('In progress</span> <span class="channels">0 of 3 shares this week');
    expect(week.page).not.toContain('Missed');
    // The seeded ambassadors joined as the demo first started: no week before it is theirs to have missed.
    expect((await period('?days=30')).page).not.toContain('past week');
    expect((await period('?days=365')).days).toBe(365);
    for (const query of ['', '?days=8', '?days=<b>', '?days=1e9']) expect((await period(query)).days).toBe(30);
  });

  test('keeps its data across a restart', async () => {
    const codes = demo.ambassadors.map((ambassador) => ambassador.code);
    await demo.close();
    const restarted = await startDemo({ port: 0, dataDir });
    if (!restarted.ok) throw new Error(restarted.error.message);
    demo = restarted.value;
    expect(demo.seeded).toBe(false);
    expect(demo.ambassadors.map((ambassador) => ambassador.code).slice(0, 3)).toEqual(codes.slice(0, 3));
  });

  test('sends on its next start a redemption a stopped run left pending, once', async () => {
    const ambassador = code('ambassador');
    const joined = async () => (await (await api(`/api/ambassadors/${ambassador}/stats`)).json()).friendsJoined;
    const before = await joined();
    // What a run stopped mid-delivery leaves: a placed order whose signed redemption has no verdict yet.
    await demo.close();
    const database = await openDatabase({ dataDir });
    const subtotal = 4800;
    const discount = friendDiscount(demo.program.friendOffer, subtotal);
    const pending: ShopOrder = {
      id: 'ord_00000000000000restart',
      program: demo.program.id,
      customerId: 'cus_restart',
      emailHash: 'f'.repeat(64),
      code: ambassador,
      currency: demo.program.currency,
      subtotal,
      discount,
      total: subtotal - discount,
      firstOrder: true,
      items: [],
      attribution: null,
      status: 'placed',
      report: 'pending',
      ambassadorRewarded: null,
      idempotencyKey: null,
      refusal: null,
      createdAt: new Date().toISOString(),
      refundedAt: null,
      reversal: null,
    };
    await insertOrder(database.client, pending);
    await database.close();

    const restarted = await startDemo({ port: 0, dataDir });
    if (!restarted.ok) throw new Error(restarted.error.message);
    demo = restarted.value;
    await expect.poll(joined, { timeout: 10_000 }).toBe(before + 1);
    // Started again, nothing is pending and nothing is counted twice.
    await demo.close();
    const again = await startDemo({ port: 0, dataDir });
    if (!again.ok) throw new Error(again.error.message);
    demo = again.value;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await joined()).toBe(before + 1);
  });
});
