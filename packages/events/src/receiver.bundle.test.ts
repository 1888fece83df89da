/**
 * The receiver in an edge worker: bundled as a worker's bundler does (platform `neutral`, conditions
 * `workerd`, `worker`, `browser`, as Wrangler resolves them) and run in a `node:vm` context that has web
 * globals only, no `process`, `Buffer` or `require`. nanoid, which mints codes, is web-only under the
 * `browser` condition; its default entry imports `node:crypto`, which the README tells bundlers about.
 */
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** A worker that records the README's redemption twice over a memory store: once, then as a duplicate. */
const worker = `
import { ambassadorSchema, createReceiver, memoryStore, programSchema } from './index.js';
import { generateSecret, signEvent } from './signature.js';

export async function run() {
  const program = programSchema.parse({
    id: 'spring-2026',
    brand: 'Acme',
    currency: 'USD',
    friendOffer: { kind: 'percent', percent: 15 },
    ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
  });
  const store = memoryStore();
  await store.upsertAmbassador(
    program,
    ambassadorSchema.parse({ id: 'amb_1', code: 'ALEX-7HC2QK', displayName: 'Alex', joinedAt: '2026-01-10T00:00:00Z' }),
  );
  const secret = generateSecret();
  const receive = createReceiver({ programs: [program], store, secret, resolveCode: (code, id) => store.ambassadorByCode(code, id) });
  const body = JSON.stringify({
    v: 1,
    id: 'evt_V1StGXR8Z5jdHi6BmyT',
    type: 'redemption',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: new Date().toISOString(),
    orderId: '1001',
    order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
    customer: { id: 'c_9', firstOrder: true },
  });
  const headers = await signEvent({ secret, id: 'evt_V1StGXR8Z5jdHi6BmyT', timestamp: new Date(), body });
  const answers = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await receive(
      new Request('https://brand.example/api/referrals/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
    );
    const answer = await response.json();
    answers.push([response.status, answer.status, answer.rewards?.ambassador?.amount]);
  }
  return answers;
}
`;

/** The globals of a worker runtime: Fetch, WebCrypto, encoding, timers, streams. */
const webGlobals = {
  fetch,
  Request,
  Response,
  Headers,
  crypto,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
  ReadableStream,
  AbortController,
  AbortSignal,
  atob,
  btoa,
  structuredClone,
  setTimeout,
  clearTimeout,
  queueMicrotask,
  console,
};

function bundleForWorker(conditions: string[]) {
  const options: BuildOptions = {
    stdin: { contents: worker, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'worker',
    platform: 'neutral',
    conditions,
    logLevel: 'silent',
  };
  return build(options);
}

describe('the receiver bundled for an edge worker', () => {
  it('records a signed redemption once with web globals only, bundled with the browser condition', async () => {
    const bundle = await bundleForWorker(['workerd', 'worker', 'browser']);
    const context = createContext({ ...webGlobals });
    runInContext(bundle.outputFiles?.[0]?.text ?? '', context);
    const answers = await (context.worker as { run(): Promise<unknown> }).run();
    expect(answers).toEqual([
      [201, 'recorded', 1000],
      [200, 'duplicate', 1000],
    ]);
    expect(['process', 'Buffer', 'require'].filter((name) => name in context)).toEqual([]);
  });

  it('cannot be bundled without the browser condition, as the README says: nanoid then imports node:crypto', async () => {
    await expect(bundleForWorker(['workerd', 'worker'])).rejects.toMatchObject({
      errors: [expect.objectContaining({ text: expect.stringContaining('node:crypto') })],
    });
  });
});
