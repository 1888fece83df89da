/**
 * The landing cookie and a payment page that sends the buyer back by a cross-site POST (3-D Secure),
 * in real Chromium over a real server. `rk_landing` is `SameSite=Lax`, so that return brings no cookie:
 * a checkout server that reads the referral there redeems nothing (`no_referral`). One that reads it
 * when the checkout starts, a request of the shop's own site, and keeps it with the order, as the SDK's
 * README says, redeems the order. `*.localhost` names are this machine in Chromium, and `shop.localhost`
 * and `pay.localhost` are two sites.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ambassadorSchema, createReceiver, memoryStore, programSchema } from '@referkit/events';
import type { Referral } from '@referkit/sdk';
import { createReferkit, landingCookie, readLandingCookie } from '@referkit/sdk/server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';

const program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});

/** What the shop's server saw: the referral kept with the order at checkout, and the one read on the return. */
interface Order {
  keptAtCheckout: Referral | null;
  readOnReturn?: Referral | null;
  returnedBy?: string;
}

describe('the landing cookie and a payment return by a cross-site POST', () => {
  let server: Server;
  let browser: Browser;
  let origin: (host: string) => string;
  const order: Order = { keptAtCheckout: null };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
      const cookie = request.headers.cookie ?? null;
      const html = (body: string, headers: Record<string, string> = {}) =>
        response.writeHead(200, { 'content-type': 'text/html', ...headers }).end(`<!doctype html>${body}`);
      if (url.pathname === '/p') {
        html('landing', { 'set-cookie': landingCookie(url) ?? '' });
      } else if (url.pathname === '/checkout') {
        order.keptAtCheckout = readLandingCookie(cookie);
        html(`<form method="post" action="${origin('pay.localhost')}/pay"><button>Pay</button></form>`);
      } else if (url.pathname === '/pay') {
        html(
          `<form method="post" action="${origin('shop.localhost')}/return"><button>Back to the shop</button></form>`,
        );
      } else if (url.pathname === '/return') {
        order.readOnReturn = readLandingCookie(cookie);
        order.returnedBy = request.method;
        html('paid');
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    origin = (host) => `http://${host}:${port}`;
    browser = await chromium.launch(chromiumOptions);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('brings no referral back with the POST, and the one kept at checkout redeems the order', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${origin('shop.localhost')}/p?ref=ALEX-7HC2QK&rk_ch=whatsapp`);
    await page.goto(`${origin('shop.localhost')}/checkout`);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('button', { name: 'Back to the shop' }).click();
    await page.waitForURL(/\/return$/);
    await page.context().close();
    expect([order.keptAtCheckout?.code, order.returnedBy, order.readOnReturn]).toEqual(['ALEX-7HC2QK', 'POST', null]);

    const store = memoryStore();
    await store.upsertAmbassador(
      program,
      ambassadorSchema.parse({
        id: 'amb_1',
        code: 'ALEX-7HC2QK',
        displayName: 'Alex',
        joinedAt: '2026-01-10T00:00:00Z',
      }),
    );
    const receive = createReceiver({
      programs: [program],
      store,
      confirmOrder: () => true,
      resolveCode: (code, id) => store.ambassadorByCode(code, id),
    });
    const referkit = createReferkit({
      program: 'spring-2026',
      endpoint: 'https://brand.example/api',
      fetch: async (input, init) => receive(new Request(input, init)),
    });
    const totals = { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 } as const;
    const onReturn = await referkit.redeem({
      orderId: '1001',
      order: totals,
      referral: order.readOnReturn ?? undefined,
    });
    const kept = await referkit.redeem({ orderId: '1001', order: totals, referral: order.keptAtCheckout ?? undefined });
    expect([onReturn.ok || onReturn.error.code, kept.ok && kept.status]).toEqual(['no_referral', 201]);
  });
});
