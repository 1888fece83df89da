/**
 * Under `exactOptionalPropertyTypes` an optional property typed `x?: T` refuses `undefined`, yet every
 * option and input of the SDK takes it at runtime as if the property were left out: an unset
 * environment variable, a user without an email. `consumerCode` is what consumers write; the test
 * checks it with `tsc` and that flag on (`tsconfig.types.json`). It is never run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  attempt,
  buildShareLink,
  createCaptureClient,
  createOutbox,
  createReferkit,
  createStorage,
  type KeyValueStore,
  shareIntents,
} from './index.js';
import { clearLandingCookie, createReferkit as createServer, landingCookie, readLandingCookie } from './server.js';

/** What a consumer has at hand: settings that may be unset, a user whose fields may be missing. */
declare const env: Record<string, string | undefined>;
declare const user: { id?: string | undefined; email?: string | undefined; firstOrder?: boolean | undefined };
declare const request: Request;
declare const store: KeyValueStore;

export async function consumerCode() {
  const order = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
  const options = {
    program: 'spring-2026',
    endpoint: 'https://brand.example/api',
    param: env.REFERKIT_PARAM,
    attribution: { model: undefined, windowDays: undefined },
    consent: undefined,
    storage: { domain: env.COOKIE_DOMAIN },
    fetch: undefined,
    retry: { limit: undefined, base: undefined, cap: undefined, timeout: undefined, sleep: undefined },
    cleanUrl: undefined,
  };
  const referkit = createReferkit(options);
  createCaptureClient({ ...options, attribution: undefined, storage: undefined, retry: undefined });
  referkit.shareLink({ code: 'ALEX-7HC2QK', base: undefined, channel: undefined, utm: undefined });
  buildShareLink({
    base: 'https://shop.example/',
    code: 'ALEX-7HC2QK',
    channel: undefined,
    param: undefined,
    utm: { source: env.UTM_SOURCE, medium: undefined, campaign: undefined, content: undefined, term: undefined },
  });
  shareIntents('https://shop.example/?ref=ALEX-7HC2QK', 'Get 15% off', { subject: undefined });
  await referkit.redeem({
    orderId: '1001',
    order,
    customer: { id: user.id, email: user.email, firstOrder: user.firstOrder },
    referral: { code: 'ALEX-7HC2QK', channel: undefined, landedAt: undefined, expiresAt: undefined },
    id: undefined,
    occurredAt: undefined,
  });
  await referkit.redeem({ orderId: '1002', order, customer: undefined, referral: undefined });
  await referkit.redeem({ orderId: '1003', order: { ...order, lines: undefined } });
  await attempt('{}', { url: 'https://brand.example/api/referrals/events', fetch, timeout: undefined });
  createOutbox({ ...store, kept: undefined }, { url: 'https://brand.example/api/referrals/events', fetch });
  createStorage('granted', { domain: undefined });

  // The server entry, as its README and its @examples write it.
  const server = createServer({ program: 'spring-2026', endpoint: 'https://brand.example/api', secret: env.SECRET });
  await server.redeem({
    orderId: '1001',
    order,
    referral: readLandingCookie(request.headers.get('cookie')) ?? undefined,
  });
  await server.reverse({
    orderId: '1001',
    code: 'ALEX-7HC2QK',
    reason: undefined,
    id: undefined,
    occurredAt: undefined,
  });
  landingCookie(request.url, {
    param: undefined,
    windowDays: undefined,
    model: undefined,
    cookie: undefined,
    domain: env.COOKIE_DOMAIN,
    now: undefined,
  });
  clearLandingCookie({ domain: env.COOKIE_DOMAIN });
  readLandingCookie(request.headers.get('cookie'), { now: undefined, model: undefined });
}

describe('the public types', () => {
  it('take undefined for every optional option and input under exactOptionalPropertyTypes', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const run = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', 'packages/sdk/tsconfig.types.json', '--listFiles'], {
      cwd: root,
      encoding: 'utf8',
    });
    const lines = run.stdout.split('\n');
    // The file was checked; only its own errors count: a consumer sees the declarations, not how the
    // packages' function bodies type-check under a flag they are not written for.
    expect(lines).toContain(fileURLToPath(import.meta.url));
    expect(lines.filter((line) => line.startsWith('packages/sdk/src/exact-optional.types.test.ts('))).toEqual([]);
    expect(run.stderr).toBe('');
  });
});
