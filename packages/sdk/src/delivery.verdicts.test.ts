/** Which answers of a receiver a delivery keeps for a retry: its own refusals on a retryable status, and a status that only looks like a verdict. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attempt } from './delivery.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const answering = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })) as typeof fetch;

const refusal = (code: string) => ({ error: { code, message: code } });

describe('delivery: a receiver refusal on a retryable status is kept', () => {
  for (const [status, code] of [
    [503, 'first_order_pending'],
    [429, 'rate_limited'],
    [408, 'request_timeout'],
    [500, 'internal_error'],
    [200, 'weird'],
    [302, 'moved'],
  ] as const) {
    it(`${status} with error.code ${code} → queued`, async () => {
      const [result] = await attempt('{}', { url: 'https://r.example/e', fetch: answering(status, refusal(code)) });
      expect(result).toMatchObject({ ok: false, queued: true });
    });
  }
  it('a status that only contains "recorded" is not a delivery', async () => {
    for (const status of ['unrecorded', 'recorded_not', 'duplicate!']) {
      const [result] = await attempt('{}', { url: 'https://r.example/e', fetch: answering(200, { status }) });
      expect(result.ok, status).toBe(false);
    }
  });
  it('reads an asctime Retry-After as GMT (run under another TZ, whatever the local zone)', async () => {
    const { retryAfter } = await import('./delivery.js');
    // Only meaningful with TZ set away from UTC; see the run command.
    expect(retryAfter('Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 7))).toBe(30_000);
  });
});
