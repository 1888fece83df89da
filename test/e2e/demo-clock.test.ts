/**
 * The demo on a clock of its own (`startDemo({ now })`, 100 days behind the machine's): an order is
 * placed, signed, recorded and counted on that clock, as a brand's staging server replaying a day
 * would be. Before, the order's time and the signature's timestamp came from the machine's clock,
 * which the demo's receiver refused as the future, and the stats read rewards as of the machine's day.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemo } from '../../examples/backend/src/start-demo.js';

const DAY_MS = 86_400_000;
const behind = () => new Date(Date.now() - 100 * DAY_MS);

describe('the demo on a clock 100 days behind the machine', () => {
  let dataDir: string;
  let demo: Demo;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-clock-'));
    const started = await startDemo({ port: 0, dataDir, now: behind });
    if (!started.ok) throw new Error(started.error.message);
    demo = started.value;
  });

  afterAll(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('records a friend’s order on its own clock and holds the reward from that day', async () => {
    const code = demo.ambassadors.find((one) => one.role === 'ambassador')?.code;
    const response = await fetch(`${demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'friend-of-alex@example.net', items: [{ sku: 'sencha-tin', quantity: 1 }], code }),
    });
    const body = await response.json();
    expect([response.status, body.referral?.ok, body.referral?.error?.code]).toEqual([201, true, undefined]);

    // The program holds rewards 14 days: on the demo's day the reward is pending, though on the
    // machine's day, 100 days later, it would long be earned.
    const stats = await (await fetch(`${demo.url}/api/ambassadors/${code}/stats`)).json();
    expect([stats.friendsJoined, stats.rewards]).toEqual([
      1,
      [{ type: 'credit', currency: 'USD', earned: 0, pending: 1000 }],
    ]);

    // The dashboard's row for Alex, read the same way.
    const dashboard = await (await fetch(`${demo.url}/dashboard?days=7`)).text();
    const row = dashboard.slice(dashboard.indexOf('Alex Rivera')).split('</tr>')[0] ?? '';
    const cell = (metric: string) => new RegExp(`data-metric="${metric}">([^<]*)<`).exec(row)?.[1];
    expect([cell('redemptions'), cell('rewards-pending'), cell('rewards-confirmed')]).toEqual([
      '1',
      '$10.00 credit',
      '$0.00 credit',
    ]);
  });
});
