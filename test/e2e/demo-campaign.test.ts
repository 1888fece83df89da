/**
 * The demo's influencer campaign over a `.data/` directory kept longer than the campaign: seeded
 * 100 days ago, it has to be running again at today's start, so that the influencer's friends can
 * still order with their code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemo } from '../../examples/backend/src/start-demo.js';

const DAY_MS = 86_400_000;

describe('the demo influencer campaign on data kept for 100 days', () => {
  let dataDir: string;
  let demo: Demo;
  let seededAt: string | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-campaign-'));
    const seeded = await startDemo({ port: 0, dataDir, now: () => new Date(Date.now() - 100 * DAY_MS) });
    if (!seeded.ok) throw new Error(seeded.error.message);
    seededAt = seeded.value.ambassadors.find((one) => one.role === 'influencer')?.campaign?.startsAt;
    await seeded.value.close();
    const today = await startDemo({ port: 0, dataDir });
    if (!today.ok) throw new Error(today.error.message);
    demo = today.value;
  });

  afterAll(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const holdsNow = (window: { startsAt?: string; endsAt?: string } | undefined) =>
    Date.parse(window?.startsAt ?? '') < Date.now() && Date.now() < Date.parse(window?.endsAt ?? '');

  test("runs the program's influencer campaign and the influencer's own at today's start", () => {
    const influencer = demo.ambassadors.find((one) => one.role === 'influencer');
    expect([holdsNow(demo.program.roles.influencer), holdsNow(influencer?.campaign)]).toEqual([true, true]);
  });

  test('keeps the day the campaign began, so orders taken since stay inside it', () => {
    const influencer = demo.ambassadors.find((one) => one.role === 'influencer');
    expect(influencer?.campaign?.startsAt).toBe(seededAt);
  });

  test("places a friend's order with the influencer's code and records its redemption", async () => {
    const code = demo.ambassadors.find((one) => one.role === 'influencer')?.code;
    const response = await fetch(`${demo.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'friend-of-sam@example.net', items: [{ sku: 'sencha-tin', quantity: 1 }], code }),
    });
    const body = await response.json();
    expect([response.status, body.referral?.ok, body.error?.code]).toEqual([201, true, undefined]);
  });
});
