/**
 * Fuzzing `.handle()`: 11,000 arbitrary and mutated deliveries. Never a 5xx, never a throw, and
 * every refusal carries one of the stable codes of its status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReceiverAnswer } from './receiver.js';
import { signEvent } from './signature.js';
import { aLanding, aRedemption, aReversal, aShare } from './testing/fixtures.js';
import { aReceiver, NOW, SECRET } from './testing/receiver-harness.js';

const CODES: Record<number, string[]> = {
  400: ['invalid_json', 'invalid_event'],
  401: ['missing_signature', 'invalid_signature', 'timestamp_out_of_tolerance'],
  405: ['method_not_allowed'],
  409: ['idempotency_conflict'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: [
    'unknown_program',
    'unknown_code',
    'program_inactive',
    'campaign_inactive',
    'self_referral',
    'not_first_order',
    'below_minimum',
    'currency_mismatch',
    'discount_exceeds_offer',
    'code_exhausted',
    'order_not_confirmed',
    'unknown_order',
    'attribution_expired',
    // A mutated reversal's date may fall before the order it reverses.
    'reversal_before_order',
  ],
};

/**
 * A recorded event or a stable 4xx; `unread` (a request that declared bytes, handed over empty: a route
 * whose parser read the body first) may be the 500 that tells the operator and has the sender retry.
 */
function expectStable(answer: ReceiverAnswer, unread = false) {
  if (unread && answer.status === 500) {
    expect((answer.body as { error: unknown }).error).toEqual({
      code: 'internal_error',
      message: 'The receiver was not given the raw request body; nothing was recorded.',
    });
    return;
  }
  if (answer.status === 200 || answer.status === 201) {
    expect(answer.body).toMatchObject({ status: answer.status === 201 ? 'recorded' : 'duplicate' });
    return;
  }
  const error = (answer.body as { error: { code: string; message: string } }).error;
  expect(CODES[answer.status]).toContain(error.code);
  expect(typeof error.message).toBe('string');
}

// The reversal an hour after its refund: past the wait a young one gets for its order's redemption
// (`503 redemption_pending`, receiver.reversal-wait.test.ts), so that each answer here is a verdict.
const events = [aRedemption(), aLanding(), aShare(), aReversal({ occurredAt: '2026-11-22T09:00:00.000Z' })];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'v', 'id', 'type', 'order', 'code', 'extra'];
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    1e308,
    -1,
    0.5,
    2 ** 53 + 2,
    '',
    'ALEX-7HC2QK',
    'alex-7hc2qk',
    'ALEX-7HC2QO',
    'EUR',
    'XXX',
    null,
    [],
    {},
  ),
  fc.string({ maxLength: 300 }),
);
const pathInto = (event: object) => fc.constantFrom(...paths(event));

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, inner]) => paths(inner, [...prefix, key]))].filter(
    (path) => path.length > 0,
  );
}

function mutate(
  event: object,
  path: string[],
  action: 'set' | 'delete' | 'add',
  value: unknown,
  extraKey: string,
): unknown {
  const copy = JSON.parse(JSON.stringify(event));
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key];
  const last = path[path.length - 1] as string;
  if (action === 'set') target[last] = value;
  else if (action === 'delete') delete target[last];
  else Object.defineProperty(target, extraKey, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

describe('createReceiver.handle under fuzzing', () => {
  it('answers arbitrary bodies and headers with a stable 4xx or a record (or the 500 of a body not handed over)', {
    timeout: 60_000,
  }, async () => {
    const { receive } = await aReceiver({ secret: undefined, confirmOrder: (event) => event.orderId.length % 2 === 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.json(),
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom(...events.map((event) => JSON.stringify(event))),
        ),
        fc.dictionary(
          fc.constantFrom(
            'content-type',
            'Content-Type',
            'webhook-id',
            'webhook-timestamp',
            'webhook-signature',
            'content-length',
            'x-any',
          ),
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              'application/json',
              'application/json; charset=utf-8',
              'APPLICATION/JSON',
              'text/json',
              'application/jsonx',
            ),
          ),
        ),
        fc.option(fc.constantFrom('POST', 'post', 'GET', 'PUT', 'DELETE', ''), { nil: undefined }),
        async (body, headers, method) => {
          const unread = body.length === 0 && Number(headers['content-length']) > 0;
          expectStable(await receive.handle({ method, headers, body }), unread);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('answers signed mutations of valid events with a stable 4xx or a record', { timeout: 60_000 }, async () => {
    const { receive } = await aReceiver();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...events)
          .chain((event) =>
            fc.tuple(
              fc.constant(event),
              pathInto(event),
              fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<'set' | 'delete' | 'add'>,
              anyValue,
              fc.constantFrom(...hostileKeys),
            ),
          ),
        async ([event, path, action, value, extraKey]) => {
          const body = JSON.stringify(mutate(event, path, action, value, extraKey));
          const headers = await signEvent({ secret: SECRET, id: 'msg_fuzz', timestamp: NOW, body });
          const answer = await receive.handle({ headers: { 'content-type': 'application/json', ...headers }, body });
          expectStable(answer);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('refuses every byte-level tampering with a signed event', { timeout: 60_000 }, async () => {
    const { receive } = await aReceiver();
    const body = JSON.stringify(aRedemption());
    const headers = {
      'content-type': 'application/json',
      ...(await signEvent({ secret: SECRET, id: 'msg_tamper', timestamp: NOW, body })),
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(body.length - 1), fc.integer({ min: 1, max: 255 }), async (index, delta) => {
        const bytes = new TextEncoder().encode(body);
        bytes[index] = ((bytes[index] as number) + delta) % 256;
        const answer = await receive.handle({ headers, body: bytes });
        expect([answer.status, (answer.body as { error?: { code: string } }).error?.code]).toEqual([
          401,
          'invalid_signature',
        ]);
      }),
      { numRuns: 3000 },
    );
  });
});
