import { runInNewContext } from 'node:vm';
import { EARLIEST_EVENT_TIME } from '@referkit/events/code';
import { verifySignature } from '@referkit/events/signature';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { clearLandingCookie, createReferkit, LANDING_COOKIE, landingCookie, readLandingCookie } from './server.js';
import { installPage } from './testing/fake-page.js';
import { CODE, ENDPOINT, networkWithReceiver } from './testing/receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
const NOW = new Date('2026-11-22T10:00:00.000Z');
let network: Awaited<ReturnType<typeof networkWithReceiver>> | undefined;

afterEach(() => {
  network?.server.close();
  network = undefined;
});

describe('createReferkit on the server', () => {
  it('sends a queued event once as a page leaves where a DOM is emulated: one outbox until reverse()', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const page = installPage('https://shop.example/');
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    network.setChaos((n) => (n === 1 ? 'drop' : 'pass'));
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: ENDPOINT,
      secret: SECRET,
      retry: { limit: 1 },
    });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      queued: true,
    });
    page.events.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(network?.recorded.get('1001')).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(network.requests.filter((request) => request.keepalive)).toHaveLength(1);
  });

  it('signs a redemption that a receiver with the secret records', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET });
    const delivery = await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    expect(delivery).toMatchObject({ ok: true, status: 201 });
    const [request] = network.requests;
    const verdict = await verifySignature({ secrets: SECRET, headers: request!.headers, body: request!.body });
    expect(verdict).toMatchObject({ ok: true, value: { id: JSON.parse(request!.body).id } });
  });

  it("sends the order's line count, so that a discount rounded on each line is recorded", async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET });
    // 15% off two $10.01 lines, 150.15 rounded up on each: 302, one more than the whole order allows.
    const perLine = { currency: 'USD', subtotal: 2002, discount: 302, total: 1700, lines: 2 } as const;
    const delivery = await referkit.redeem({ orderId: '1001', order: perLine, referral: { code: CODE } });
    expect(delivery).toMatchObject({ ok: true, status: 201 });
    expect(JSON.parse(network.requests[0]?.body ?? '{}').order).toEqual(perLine);
  });

  it('signs every retry afresh over the same body and id', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    network.setChaos((n) => (n === 1 ? 'drop' : 'pass'));
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: ENDPOINT,
      secret: SECRET,
      retry: { sleep: async () => {} },
    });
    await referkit.redeem({ orderId: '1001', order, referral: { code: CODE } });
    const [first, second] = network.requests;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers.get('webhook-id')).toBe(first!.headers.get('webhook-id'));
  });

  it('is refused by a signing receiver when no secret is given', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'missing_signature' },
    });
  });

  it.each([
    ['a malformed secret', 'not a secret'],
    ['an empty secret (an unset variable read with ?? "")', ''],
    ['a secret given as undefined (an unset variable)', undefined],
  ])('reports %s as a final error without a request', async (_why, secret) => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'invalid_secret' },
    });
    expect(network.requests).toEqual([]);
  });

  it('records a report sent again with the id the README makes from the order', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET });
    const orderId = '1001';
    const report = { id: `evt_order_${orderId}`, occurredAt: new Date().toISOString(), orderId, order };
    await expect(referkit.redeem({ ...report, referral: { code: CODE } })).resolves.toMatchObject({ status: 201 });
    await expect(referkit.redeem({ ...report, referral: { code: CODE } })).resolves.toMatchObject({ status: 200 });
  });

  it.each(['evt_1001', 'order_1001', `evt_${'x'.repeat(65)}`, 'evt_ord#1001'])(
    'refuses the id %j at once, without a request',
    async (id) => {
      network = await networkWithReceiver({ secret: SECRET });
      const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET });
      await expect(referkit.redeem({ id, orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
        ok: false,
        queued: false,
        error: { code: 'invalid_id', message: expect.stringMatching(/^\[referkit\] Could not redeem: /) },
      });
      expect(network.requests).toEqual([]);
    },
  );

  it("signs and stamps on the server's own clock, which its receiver checks against", async () => {
    // A backend whose tests run a day ahead: its receiver reads the same clock, so a report signed on
    // the system clock would be a day out of tolerance.
    const ahead = new Date(Date.now() + 86_400_000);
    network = await networkWithReceiver({ secret: SECRET, now: () => ahead });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET, now: () => ahead });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      status: 201,
    });
    await expect(referkit.reverse({ orderId: '1001', code: CODE, reason: 'refund' })).resolves.toMatchObject({
      status: 201,
    });
    const seconds = String(Math.floor(ahead.getTime() / 1000));
    for (const request of network.requests) {
      expect(request.headers.get('webhook-timestamp')).toBe(seconds);
      expect(JSON.parse(request.body).occurredAt).toBe(ahead.toISOString());
    }
    expect(network.requests).toHaveLength(2);
  });

  it('signs on a clock that answers a Date made in another realm', async () => {
    const foreign = runInNewContext('new Date(ms)', { ms: NOW.getTime() });
    network = await networkWithReceiver({ secret: SECRET, now: () => NOW });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET, now: () => foreign });
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
      status: 201,
    });
    expect(JSON.parse(network.requests[0]?.body ?? '{}').occurredAt).toBe(NOW.toISOString());
  });

  it('keeps an occurredAt given, whatever the clock says', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    const placedAt = new Date(Date.now() - 60_000).toISOString();
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: ENDPOINT,
      secret: SECRET,
      now: () => new Date(),
    });
    await referkit.redeem({ orderId: '1001', occurredAt: placedAt, order, referral: { code: CODE } });
    expect(JSON.parse(network.requests[0]!.body).occurredAt).toBe(placedAt);
  });

  it.each([
    ['answers no time', () => new Date(Number.NaN)],
    [
      'throws',
      () => {
        throw new Error('clock unavailable');
      },
    ],
  ])('refuses a signed event at once when the clock %s, and never throws', async (_how, now) => {
    network = await networkWithReceiver({ secret: SECRET });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET, now });
    const refused = { ok: false, queued: false, error: { code: 'invalid_clock' } };
    await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject(refused);
    await expect(referkit.reverse({ orderId: '1001', code: CODE })).resolves.toMatchObject(refused);
    expect(network.requests).toEqual([]);
  });

  it.each([
    ['at the moment the order was placed', '2026-11-22T10:00:00.000Z'],
    ['months before the order', '2026-01-31T00:00:00.000Z'],
  ])(
    'answers a referral that expired %s no_referral at once, as the browser answers no live referral',
    async (_when, expiresAt) => {
      network = await networkWithReceiver({ secret: SECRET, now: () => NOW });
      const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET, now: () => NOW });
      const referral = { code: CODE, landedAt: '2026-01-01T00:00:00.000Z', expiresAt };
      await expect(
        referkit.redeem({ orderId: '1001', order, referral, occurredAt: '2026-11-22T10:00:00.000Z' }),
      ).resolves.toMatchObject({ ok: false, queued: false, error: { code: 'no_referral' } });
      expect(network.requests).toEqual([]);
    },
  );

  it('answers a referral without expiresAt no_referral at once when it landed windowDays or more before the order', async () => {
    network = await networkWithReceiver({ secret: SECRET, now: () => NOW });
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: ENDPOINT,
      secret: SECRET,
      now: () => NOW,
      attribution: { windowDays: 7 },
    });
    const referral = { code: CODE, landedAt: '2026-11-15T10:00:00.000Z' };
    await expect(referkit.redeem({ orderId: '1001', order, referral })).resolves.toMatchObject({
      ok: false,
      queued: false,
      error: { code: 'no_referral' },
    });
    expect(network.requests).toEqual([]);
  });

  it('sends a referral still live when the order was placed, reported after it expired', async () => {
    network = await networkWithReceiver({ secret: SECRET, now: () => NOW });
    const referkit = createReferkit({ program: 'spring-2026', endpoint: ENDPOINT, secret: SECRET, now: () => NOW });
    const referral = { code: CODE, landedAt: '2026-10-20T10:00:00.000Z', expiresAt: '2026-11-19T10:00:00.000Z' };
    await expect(
      referkit.redeem({ orderId: '1001', order, referral, occurredAt: '2026-11-19T09:59:59.999Z' }),
    ).resolves.toMatchObject({ ok: true, status: 201 });
  });

  it('reports a relative endpoint as a final error at once, without retrying', async () => {
    network = await networkWithReceiver({ secret: SECRET });
    let slept = 0;
    for (const signing of [{ secret: SECRET }, {}]) {
      const referkit = createReferkit({
        program: 'spring-2026',
        endpoint: '/api',
        ...signing,
        retry: { sleep: async () => void slept++ },
      });
      await expect(referkit.redeem({ orderId: '1001', order, referral: { code: CODE } })).resolves.toMatchObject({
        ok: false,
        queued: false,
        error: { code: 'invalid_endpoint', message: expect.stringContaining('/api/referrals/events') },
      });
    }
    expect(slept).toBe(0);
    expect(network.requests).toEqual([]);
  });
});

describe('landing cookie', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax cookie for the whole window', () => {
    const cookie = landingCookie('https://shop.example/p?ref=alex-7hc2qk&rk_ch=sms', {
      now: NOW,
      domain: 'shop.example',
    });
    expect(cookie).toMatch(
      new RegExp(
        `^${LANDING_COOKIE}=[^;]+; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax; Domain=shop.example$`,
      ),
    );
  });

  // 0.7 × 86,400 is 60,479.99999999999 in floating point, 1.1 × 86,400 is 95,040.00000000001.
  it.each([
    [0.7, 60480],
    [1.1, 95040],
  ])('sets a whole number of seconds for a window of %s days', (windowDays, seconds) => {
    expect(landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, windowDays })).toContain(
      `; Max-Age=${seconds};`,
    );
  });

  it('lasts the 400 days browsers keep a cookie at most, for a longer window (RFC 6265bis)', () => {
    expect(landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, windowDays: 500 })).toContain(
      `; Max-Age=${400 * 86400};`,
    );
  });

  it('writes a domain given with a leading dot without it, as a host name', () => {
    const url = 'https://www.shop.example/?ref=ALEX-7HC2QK';
    expect(landingCookie(url, { now: NOW, domain: '.Shop.example' })).toMatch(/; Domain=shop\.example$/);
    expect(clearLandingCookie({ domain: '.shop.example' })).toMatch(/; Domain=shop\.example$/);
  });

  it('is read back at checkout as the referral', () => {
    const cookie = landingCookie('https://shop.example/?ref=ALEX-7HC2QK&rk_ch=sms', { now: NOW }) as string;
    const header = `theme=dark; ${cookie.split(';')[0]}`;
    expect(readLandingCookie(header, NOW)).toEqual({
      code: 'ALEX-7HC2QK',
      channel: 'sms',
      landedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2026-12-22T10:00:00.000Z',
    });
  });

  it('reads the cookie at a time given as a Date made in another realm', () => {
    const cookie = (landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW }) as string).split(';')[0];
    // Within the 30-day window a day later, expired a month and a day later: the time given decides.
    const later = runInNewContext('new Date(ms)', { ms: NOW.getTime() + 31 * 86_400_000 });
    const earlier = runInNewContext('new Date(ms)', { ms: NOW.getTime() + 86_400_000 });
    expect(readLandingCookie(cookie, later)).toBeNull();
    expect(readLandingCookie(cookie, earlier)?.code).toBe('ALEX-7HC2QK');
  });

  it('sets nothing for a URL without a valid code', () => {
    expect(landingCookie('https://shop.example/?ref=junk')).toBeNull();
  });

  it('keeps an earlier referral under first touch', () => {
    const earlier = (landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW }) as string).split(';')[0];
    expect(
      landingCookie('https://shop.example/?ref=SAM-222222', { now: NOW, model: 'first_touch', cookie: earlier }),
    ).toBeNull();
    expect(landingCookie('https://shop.example/?ref=SAM-222222', { now: NOW, cookie: earlier })).not.toBeNull();
  });

  it('falls back to the cookie the browser SDK wrote', () => {
    const referral = { code: 'ALEX-7HC2QK', landedAt: NOW.toISOString(), expiresAt: '2026-12-22T10:00:00.000Z' };
    expect(readLandingCookie(`rk_ref=${encodeURIComponent(JSON.stringify(referral))}`, NOW)).toEqual(referral);
  });

  it.each([
    ['expired', { code: 'ALEX-7HC2QK', landedAt: '2026-10-01T00:00:00.000Z', expiresAt: '2026-10-31T00:00:00.000Z' }],
    [
      'a forged code',
      { code: '<script>', landedAt: '2026-11-21T00:00:00.000Z', expiresAt: '2026-12-21T00:00:00.000Z' },
    ],
    [
      'an unknown channel',
      {
        code: 'ALEX-7HC2QK',
        channel: 'pigeon',
        landedAt: '2026-11-21T00:00:00.000Z',
        expiresAt: '2026-12-21T00:00:00.000Z',
      },
    ],
    ['landed on a date alone', { code: 'ALEX-7HC2QK', landedAt: '2026-11-21', expiresAt: '2026-12-21T00:00:00.000Z' }],
    [
      'landed at a time written another way',
      { code: 'ALEX-7HC2QK', landedAt: 'Sat, 21 Nov 2026 10:00:00 GMT', expiresAt: '2026-12-21T00:00:00.000Z' },
    ],
    [
      'landed on a day no calendar has',
      { code: 'ALEX-7HC2QK', landedAt: '2026-11-31T10:00:00.000Z', expiresAt: '2026-12-21T00:00:00.000Z' },
    ],
    [
      'landed before 2000',
      { code: 'ALEX-7HC2QK', landedAt: '1999-12-31T23:59:59.999Z', expiresAt: '2026-12-21T00:00:00.000Z' },
    ],
  ])('refuses a cookie: %s', (_why, referral) => {
    expect(readLandingCookie(`${LANDING_COOKIE}=${encodeURIComponent(JSON.stringify(referral))}`, NOW)).toBeNull();
  });

  // Anyone can send a Cookie header: a field that is no text must not throw where text is read.
  it.each(['channel', 'code', 'landedAt', 'expiresAt'])(
    'refuses a cookie whose %s is an object, without throwing, at checkout and at a landing',
    (field) => {
      const referral = {
        code: 'ALEX-7HC2QK',
        landedAt: '2026-11-21T00:00:00.000Z',
        expiresAt: '2026-12-21T00:00:00.000Z',
      };
      const cookie = `rk_ref=${encodeURIComponent(JSON.stringify({ ...referral, [field]: { toString: 1 } }))}`;
      expect(readLandingCookie(cookie, NOW)).toBeNull();
      const landing = landingCookie('https://shop.example/?ref=SAM-222222', { now: NOW, model: 'first_touch', cookie });
      expect(landing).toContain('SAM-222222');
    },
  );

  it('refuses a cookie whose expiry is not a time as the SDK writes it', () => {
    const referral = { code: 'ALEX-7HC2QK', landedAt: '2026-11-21T00:00:00.000Z', expiresAt: '2026-12-21' };
    expect(readLandingCookie(`rk_ref=${encodeURIComponent(JSON.stringify(referral))}`, NOW)).toBeNull();
  });

  it('reads a landing from the earliest time the receiver takes on, and none a millisecond before', () => {
    const cookie = (landed: number) =>
      `${LANDING_COOKIE}=${encodeURIComponent(
        JSON.stringify({
          code: 'ALEX-7HC2QK',
          landedAt: new Date(landed).toISOString(),
          expiresAt: '2026-12-21T00:00:00.000Z',
        }),
      )}`;
    expect(readLandingCookie(cookie(EARLIEST_EVENT_TIME), NOW)?.landedAt).toBe('2000-01-01T00:00:00.000Z');
    expect(readLandingCookie(cookie(EARLIEST_EVENT_TIME - 1), NOW)).toBeNull();
  });

  it.each([
    ['a few seconds', 2000],
    ['a day', 864e5],
  ])('reads a landing a clock %s fast stamped as landed now, as the browser SDK does', (_ahead, ahead) => {
    const landedAt = new Date(NOW.getTime() + ahead).toISOString();
    const referral = { code: 'ALEX-7HC2QK', landedAt, expiresAt: '2026-12-23T10:00:00.000Z' };
    expect(readLandingCookie(`rk_ref=${encodeURIComponent(JSON.stringify(referral))}`, NOW)).toEqual({
      ...referral,
      landedAt: NOW.toISOString(),
    });
  });

  describe('with both cookies', () => {
    const cookieOf = (name: string, code: string, landedAt: string) =>
      `${name}=${encodeURIComponent(JSON.stringify({ code, landedAt, expiresAt: '2026-12-20T00:00:00.000Z' }))}`;
    // The server set its cookie at the landing request; a single-page app's later landing reached only the SDK.
    const header = [
      cookieOf(LANDING_COOKIE, 'ALEX-7HC2QK', '2026-11-20T00:00:00.000Z'),
      cookieOf('rk_ref', 'SAM-222222', '2026-11-21T00:00:00.000Z'),
      cookieOf(LANDING_COOKIE, 'BOB-333333', '2026-11-19T00:00:00.000Z'),
    ].join('; ');

    it('reads the latest landing under last touch, whichever cookie holds it', () => {
      expect(readLandingCookie(header, NOW)?.code).toBe('SAM-222222');
      expect(readLandingCookie(header, { now: NOW, model: 'last_touch' })?.code).toBe('SAM-222222');
    });

    it('reads the earliest landing under first touch', () => {
      expect(readLandingCookie(header, { now: NOW, model: 'first_touch' })?.code).toBe('BOB-333333');
    });
  });

  it('refuses junk', () => {
    expect(readLandingCookie(`${LANDING_COOKIE}=%E0%A4%A`, NOW)).toBeNull();
    expect(readLandingCookie(undefined, NOW)).toBeNull();
    expect(readLandingCookie(42 as never, NOW)).toBeNull();
  });

  it('reads a good copy of a cookie sent twice after a junk or expired one', () => {
    const good = (landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW }) as string).split(';')[0];
    const expired = { code: 'SAM-222222', landedAt: '2026-10-01T00:00:00.000Z', expiresAt: '2026-10-31T00:00:00.000Z' };
    const stale = `${LANDING_COOKIE}=${encodeURIComponent(JSON.stringify(expired))}`;
    expect(readLandingCookie(`${LANDING_COOKIE}=junk; ${good}`, NOW)?.code).toBe('ALEX-7HC2QK');
    expect(readLandingCookie(`${stale}; theme=dark; ${good}`, NOW)?.code).toBe('ALEX-7HC2QK');
  });

  it.each([
    ['in DQUOTEs, as RFC 6265 §4.1.1 allows', (pair: string) => pair.replace('=', '="').concat('"')],
    ['in DQUOTEs after another cookie', (pair: string) => `theme=dark; ${pair.replace('=', '="')}"`],
    ['at the start of a header that begins with a space', (pair: string) => ` ${pair}`],
  ])('reads the cookie %s', (_form, form) => {
    const pair = (landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW }) as string).split(';')[0];
    expect(readLandingCookie(form(pair as string), NOW)?.code).toBe('ALEX-7HC2QK');
  });

  it('logs one line and keeps 30 days for a window that is not a usable number of days', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const windowDays of [0, -1, Number.NaN, 1e9]) {
      expect(landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, windowDays })).toContain(
        '; Max-Age=2592000;',
      );
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[referkit\] Could not use attribution\.windowDays/);
    warn.mockRestore();
  });

  it('is cleared by a Set-Cookie with the attributes it was set with', () => {
    const set = landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, domain: 'shop.example' }) as string;
    const cleared = clearLandingCookie({ domain: 'shop.example' });
    expect(cleared).toBe(`${LANDING_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax; Domain=shop.example`);
    expect(cleared.replace(/^[^;]*; /, '').replace('Max-Age=0', '')).toBe(
      set.replace(/^[^;]*; /, '').replace('Max-Age=2592000', ''),
    );
    expect(clearLandingCookie()).toBe(`${LANDING_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`);
  });

  it('refuses to clear for a domain that is not a host name', () => {
    expect(() => clearLandingCookie({ domain: 'shop.example; SameSite=None' })).toThrow(
      /^\[referkit\] Could not clear the landing cookie: the domain "shop\.example; SameSite=None" is not a host name\.$/,
    );
  });

  it('refuses a domain that is not a host name, which would add attributes to the cookie', () => {
    for (const domain of ['shop.example; SameSite=None', 'shop.example\r\nSet-Cookie: a=b', 'shop example']) {
      expect(() => landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, domain })).toThrow(
        /\[referkit\] Could not set the landing cookie: the domain/,
      );
    }
    expect(landingCookie('https://shop.example/?ref=ALEX-7HC2QK', { now: NOW, domain: '.shop.example' })).toMatch(
      /; Domain=shop\.example$/,
    );
  });

  it.each([
    ['other.com', /is not the request's host www\.shop\.com or a parent domain of it/],
    ['www.shop.com.evil.net', /is not the request's host www\.shop\.com or a parent domain of it/],
    ['hop.com', /is not the request's host www\.shop\.com or a parent domain of it/],
    ['com', /is a single label/],
    ['.com', /is a single label/],
  ])('refuses the domain %s, for which browsers drop the cookie (RFC 6265 §5.3)', (domain, why) => {
    expect(() => landingCookie('https://www.shop.com/p?ref=ALEX-7HC2QK', { now: NOW, domain })).toThrow(
      new RegExp(`^\\[referkit\\] Could not set the landing cookie: the domain "${domain}" ${why.source}`),
    );
  });

  it.each(['shop.com', 'SHOP.com', '.shop.com', 'www.shop.com'])(
    'sets the cookie for %s, the request host or a parent domain of it',
    (domain) => {
      // Written as a host name: lower case, without a leading dot.
      expect(landingCookie('https://www.shop.com/p?ref=ALEX-7HC2QK', { now: NOW, domain })).toMatch(
        new RegExp(`; Domain=${domain.toLowerCase().replace(/^\./, '').replace(/\./g, '\\.')}$`),
      );
    },
  );

  it('sets a cookie on an IP address only for that address, which has no parent domain', () => {
    const url = 'http://192.168.0.10:8080/p?ref=ALEX-7HC2QK';
    expect(landingCookie(url, { now: NOW, domain: '192.168.0.10' })).toMatch(/; Domain=192\.168\.0\.10$/);
    for (const domain of ['168.0.10', '0.10'])
      expect(() => landingCookie(url, { now: NOW, domain })).toThrow(
        /is not the request's host 192\.168\.0\.10 or a parent domain of it/,
      );
  });

  // What the README says is not checked: the Public Suffix List is too large to carry and keep current.
  it('does not refuse a public suffix of two labels (co.uk), which browsers drop as well', () => {
    expect(landingCookie('https://www.shop.co.uk/p?ref=ALEX-7HC2QK', { now: NOW, domain: 'co.uk' })).toMatch(
      /; Domain=co\.uk$/,
    );
  });

  it('refuses to clear for a single-label domain', () => {
    expect(() => clearLandingCookie({ domain: 'com' })).toThrow(
      /^\[referkit\] Could not clear the landing cookie: the domain "com" is a single label/,
    );
  });
});
