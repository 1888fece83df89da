/**
 * A redemption whose tab is closed while the brand's receiver still holds it, in Firefox: the built SDK
 * keeps it in its outbox, the next page of the shop sends it again, and the real receiver (a memory
 * store) records the order once.
 */
import { ambassadorSchema, createReceiver, memoryStore, programSchema } from '@referkit/events';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { firefoxAndServer, until } from './firefox.js';

const program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});
const store = memoryStore();
const receiver = createReceiver({
  programs: [program],
  store,
  confirmOrder: () => true,
  resolveCode: (code, id) => store.ambassadorByCode(code, id),
});

/** The receiver's answers to redemptions, with the page that sent each; and the gate that holds them while `held`. */
const answered: { status: number; from: string }[] = [];
const gate = { held: false, waiting: 0, release: () => {} };
const released = () => new Promise<void>((resolve) => (gate.release = resolve));
let opening = released();

const web = firefoxAndServer(async () => {
  await store.upsertAmbassador(
    program,
    ambassadorSchema.parse({ id: 'amb_1', code: 'ALEX-7HC2QK', displayName: 'Alex', joinedAt: '2026-01-10T00:00:00Z' }),
  );
  // The built SDK as a bundler gives it to a shop's page: its browser entry, with what it imports.
  const sdk = await build({
    stdin: { contents: "export * from '@referkit/sdk';", resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return {
    scripts: { '/sdk.js': sdk.outputFiles[0]!.text },
    async receive(request) {
      const redemption = (await request.clone().json()).type === 'redemption';
      const held = redemption && gate.held;
      if (held) {
        gate.waiting++;
        await opening;
      }
      const answer = await receiver(request);
      const referrer = new URL(request.headers.get('referer') ?? '/', request.url);
      if (redemption) answered.push({ status: answer.status, from: referrer.pathname + referrer.search });
      if (held) gate.waiting--;
      return answer;
    },
  };
});

const outbox = () => Object.keys(localStorage).filter((key) => key.startsWith('rk_outbox:')).length;

describe('a tab closed while the receiver holds its redemption, in Firefox', () => {
  it('records the order once, when the next page sends it again', async () => {
    const checkout = await web.open('/checkout.html?ref=ALEX-7HC2QK');
    await until(checkout, () => !!(window as unknown as { referkit?: object }).referkit);
    gate.held = true;
    await checkout.evaluate(() => {
      const { referkit } = window as unknown as { referkit: { redeem(input: object): Promise<unknown> } };
      void referkit.redeem({ orderId: '1001', order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } });
    });
    await expect.poll(() => gate.waiting).toBe(1);
    expect(await checkout.evaluate(outbox)).toBe(1);
    await checkout.close({ runBeforeUnload: true });

    gate.held = false;
    gate.release();
    opening = released();
    await expect.poll(() => gate.waiting).toBe(0);
    const next = await web.openBeside(checkout, '/checkout.html');
    await until(next, () => Object.keys(localStorage).every((key) => !key.startsWith('rk_outbox:')));

    const redemptions = web.server.events.filter((event) => event.type === 'redemption');
    // Sent again by the next page, the same event: the one the closed tab left in the outbox.
    expect(new Set(redemptions.map((event) => event.id)).size).toBe(1);
    expect(answered.filter(({ status }) => status === 201)).toHaveLength(1);
    expect(answered.filter(({ from }) => from === '/checkout.html')).toEqual([{ status: 200, from: '/checkout.html' }]);
    const stats = await store.stats({ program, code: 'ALEX-7HC2QK' });
    expect(stats.ambassadors.map((ambassador) => ambassador.redemptions)).toEqual([1]);
  });
});
