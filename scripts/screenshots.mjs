#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates docs/screenshots/{account,banner,dashboard}.png from the
 * running demo. It starts the demo on a free port over a throw-away PGlite, gives it four weeks of
 * history through the real receiver (landings and shares as browsers send them, redemptions signed
 * as the shop's server sends them), walks one friend through the checkout in Chromium, and shoots.
 * Run with tsx (the npm script does), after `npm run build`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSecret, signEvent } from '@referkit/events/signature';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startDemo } from '../examples/backend/src/start-demo.ts';
import { chromium as chromiumOptions } from '../vite.config.ts';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const DAY = 86_400_000;
const CHANNELS = ['whatsapp', 'copy', 'email', 'x', 'qr', 'sms'];

await build({
  configFile: fileURLToPath(new URL('../examples/checkout/vite.config.ts', import.meta.url)),
  logLevel: 'error',
});
const dataDir = await mkdtemp(join(tmpdir(), 'referkit-screenshots-'));
const secret = generateSecret();
const started = await startDemo({ port: 0, dataDir, secret });
if (!started.ok) {
  console.error(`[screenshots] ${started.error.message}`);
  process.exit(1);
}
const demo = started.value;
const browser = await chromium.launch(chromiumOptions);
try {
  await seedHistory();
  await mkdir(out, { recursive: true });
  const alex = demo.ambassadors.find((ambassador) => ambassador.role === 'ambassador');
  const viewport = { width: 1200, height: 860 };

  // The ambassador's account page, link copied.
  const ambassador = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await ambassador.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url });
  const account = await ambassador.newPage();
  await account.goto(`${demo.url}/account?code=${alex.code}`);
  await account.locator('referkit-share').getByRole('button', { name: 'Copy link' }).click();
  await account.locator('referkit-share').getByText('Copied').first().waitFor();
  const link = await account.evaluate(() => navigator.clipboard.readText());
  await account
    .locator('referkit-share')
    .getByText(/friends? joined/)
    .first()
    .waitFor();
  await account.screenshot({ path: join(out, 'account.png'), fullPage: true });

  // The friend's first look at the shop, from a fresh browser.
  const friend = await browser.newContext({ viewport: { width: 1200, height: 720 }, deviceScaleFactor: 1 });
  const shop = await friend.newPage();
  await shop.goto(link);
  await shop.locator('referkit-offer').getByText(`${alex.displayName} gave you`, { exact: false }).waitFor();
  await shop.screenshot({ path: join(out, 'banner.png') });

  // The friend orders, then the brand looks at the dashboard.
  await shop.getByRole('button', { name: 'Buy now' }).click();
  await shop.locator('#discount-row:not([hidden])').waitFor();
  await shop.getByLabel('Email').fill('friend@example.com');
  await shop.getByRole('button', { name: 'Place order' }).click();
  await shop.locator('#referral[data-state]').waitFor();
  const dashboard = await ambassador.newPage();
  await dashboard.setViewportSize({ width: 1500, height: 900 });
  await dashboard.goto(`${demo.url}/dashboard`);
  await dashboard.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  console.log(`[screenshots] Wrote account.png, banner.png and dashboard.png to docs/screenshots/.`);
} finally {
  await browser.close();
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** Four weeks of landings, shares and redemptions, the same every run (a fixed pseudo-random walk). */
async function seedHistory() {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const now = Date.now();
  let order = 0;
  for (let day = 27; day >= 1; day--) {
    for (const [index, ambassador] of demo.ambassadors.entries()) {
      const reach = [6, 4, 9][index] ?? 3;
      const at = (hour) => new Date(now - day * DAY + hour * 3_600_000).toISOString();
      for (let landing = 0; landing < Math.round(reach * (0.5 + random())); landing++) {
        const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
        await post({ type: 'landing', code: ambassador.code, occurredAt: at(landing % 12), channel });
      }
      if (random() < 0.6) {
        const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
        await post({ type: 'share', code: ambassador.code, occurredAt: at(1), channel });
      }
      const campaignStart = Date.parse(ambassador.campaign?.startsAt ?? '') || 0;
      if (random() < 0.35 + index * 0.1 && Date.parse(at(6)) >= campaignStart) {
        const subtotal = [4800, 3600, 8400, 7200][Math.floor(random() * 4)];
        const discount = Math.round(subtotal * 0.15);
        order += 1;
        await post(
          {
            type: 'redemption',
            code: ambassador.code,
            occurredAt: at(6),
            orderId: `hist_${order}`,
            order: { currency: 'USD', subtotal, discount, total: subtotal - discount },
            customer: { id: `cus_hist_${order}`, firstOrder: true },
          },
          true,
        );
      }
    }
  }
}

async function post(fields, signed = false) {
  const id = `evt_history${Math.random().toString(36).slice(2, 14)}`;
  const body = JSON.stringify({ v: 1, id, program: demo.program.id, ...fields });
  const headers = {
    'content-type': 'application/json',
    ...(signed ? await signEvent({ secret, id, timestamp: new Date(), body }) : {}),
  };
  const response = await fetch(`${demo.url}/api/referrals/events`, { method: 'POST', headers, body });
  if (response.status >= 300)
    throw new Error(`The receiver refused a history event (${response.status}): ${await response.text()}`);
}
