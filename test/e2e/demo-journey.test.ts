/**
 * The demo's whole journey in real Chromium over the built storefront, widget and checkout:
 * an ambassador copies their link, a friend opens it in a fresh browser, sees the banner, gets the
 * discount at checkout and orders; the dashboard shows both sides' rewards once, however often the
 * thank-you page is reloaded; and the same customer's second order is refused as the program says.
 */
import type { Ambassador } from '@referkit/events';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, demoDatabases, startDemoUnderTest } from './demo-server.js';

// The first paint waits on a code lookup and the receiver's answer; a cold PGlite can take seconds.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.each(demoDatabases)('the demo journey on $kind', (database) => {
  let running: DemoUnderTest;
  let browser: Browser;
  let ambassadorContext: BrowserContext;
  let friendContext: BrowserContext;
  let alex: Ambassador;
  let maya: Ambassador;
  let link = '';
  let thanksUrl = '';
  const email = `friend-${Date.now()}@example.com`;
  // Script errors and CSP or Trusted Types violations from every page; refused requests are expected.
  const problems: string[] = [];
  const watch = (context: BrowserContext) =>
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`${page.url()}: ${message.text()}`);
        }
      });
    });

  beforeAll(async () => {
    running = await startDemoUnderTest(database);
    browser = await chromium.launch(chromiumOptions);
    ambassadorContext = await browser.newContext();
    await ambassadorContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.demo.url });
    friendContext = await browser.newContext();
    watch(ambassadorContext);
    watch(friendContext);
    alex = seeded('ambassador');
    maya = seeded('community_leader');
  });

  const seeded = (role: Ambassador['role']) => {
    const found = running.demo.ambassadors.find((ambassador) => ambassador.role === role);
    if (!found) throw new Error(`The demo seeded no ambassador of the role "${role}".`);
    return found;
  };

  /** A page in a browser context of its own (a new customer), watched for script errors. */
  const freshPage = async () => {
    const context = await browser.newContext();
    watch(context);
    return context.newPage();
  };

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const dashboardRow = async (page: Page) => {
    await page.goto(`${running.demo.url}/dashboard`);
    const row = page.locator(`tr[data-code="${alex.code}"]`);
    const cell = async (metric: string) => (await row.locator(`[data-metric="${metric}"]`).textContent())?.trim();
    return {
      redemptions: await cell('redemptions'),
      friendDiscounts: await cell('friend-discounts'),
      pending: await cell('rewards-pending'),
      landings: await cell('landings'),
      shares: await cell('shares'),
    };
  };

  test("copies the ambassador's link from their account page", async () => {
    const page = await ambassadorContext.newPage();
    await page.goto(`${running.demo.url}/account?code=${alex.code}`);
    await page.locator('referkit-share').getByRole('button', { name: 'Copy link' }).click();
    await eventually(() => page.locator('referkit-share').getByText('Copied').count()).toBeGreaterThan(0);
    link = await page.evaluate(() => navigator.clipboard.readText());
    // The progress block is a chunk referkit.js loads from beside itself once the stats arrive.
    await eventually(() => page.locator('referkit-share').getByText('0 friends joined').count()).toBe(1);
    expect(new URL(link).searchParams.get('ref')).toBe(alex.code);
    expect(link.startsWith(`${running.demo.url}/`)).toBe(true);
  });

  test("shows the friend the ambassador's offer on the storefront", async () => {
    const page = await friendContext.newPage();
    await page.goto(link);
    const banner = page.locator('referkit-offer');
    await eventually(() => banner.getByText(`${alex.displayName} gave you 15% off`, { exact: false }).count()).toBe(1);
  });

  test("applies the friend's discount at checkout and places the order", async () => {
    const page = await friendContext.newPage();
    await page.goto(`${running.demo.url}/`);
    await page.getByRole('button', { name: 'Buy now' }).click();
    await page.waitForURL(/\/checkout\//);
    await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
    expect(await page.locator('#total').textContent()).toBe('$40.80');
    expect(await page.locator('#offer').textContent()).toContain(alex.displayName);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    thanksUrl = page.url();
    await eventually(() => page.locator('#referral').textContent()).toBe(
      `You saved $7.20 with code ${alex.code}. Your friend earns $10.00 credit (pending).`,
    );
  });

  test("shows one redemption with the friend's discount and the ambassador's reward on the dashboard", async () => {
    const page = await friendContext.newPage();
    expect(await dashboardRow(page)).toMatchObject({
      redemptions: '1',
      friendDiscounts: '$7.20',
      pending: '$10.00 credit',
      landings: '1',
    });
    expect((await dashboardRow(page)).shares).toMatch(/^1\b.*copy 1/);
  });

  test('counts the order once however often the thank-you page is reloaded', async () => {
    const page = await friendContext.newPage();
    for (let reload = 0; reload < 2; reload++) {
      await page.goto(thanksUrl);
      await eventually(() => page.locator('#referral').getAttribute('data-state')).toBe('duplicate');
    }
    expect(await dashboardRow(page)).toMatchObject({
      redemptions: '1',
      friendDiscounts: '$7.20',
      pending: '$10.00 credit',
    });
  });

  test('takes no order before the checkout has its basket and code, nor puts the email in the address', async () => {
    const page = await freshPage();
    // A slow code lookup, as on a phone: the page is shown, the basket and discount not ready yet.
    await page.route('**/api/codes/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const checkout = `${running.demo.url}/checkout/?sku=oolong-tin&qty=3&ref=${alex.code}`;
    await page.goto(checkout);
    const place = page.getByRole('button', { name: 'Place order' });
    expect(await place.isDisabled()).toBe(true);
    await page.getByLabel('Email').fill(`early-${Date.now()}@example.com`);
    await page.getByLabel('Email').press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(checkout);
    // Once ready: the basket the shopper chose, with the friend's discount, and the button to order it.
    await eventually(() => page.locator('#discount').textContent()).toBe('−$16.20');
    expect(await place.isEnabled()).toBe(true);
    expect(await page.locator('#lines').innerText()).toContain('Roasted Oolong');
    await page.context().close();
  });

  test('says the shop did not answer, not that the order is unknown, when it cannot load it', async () => {
    const page = await friendContext.newPage();
    await page.route('**/api/orders/**', (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
    await page.goto(`${running.demo.url}/checkout/thanks.html?order=ord_0123456789abcdef0123`);
    await eventually(() => page.locator('#referral').textContent()).toBe(
      'We could not load your order just now: the shop did not answer. Reload this page in a moment.',
    );
    await page.route('**/api/orders/**', (route) => route.abort());
    await page.reload();
    await eventually(() => page.locator('#referral').textContent()).toContain('the shop did not answer');
    await page.close();
  });

  test('says so for an order it does not know, without an empty order line', async () => {
    const page = await friendContext.newPage();
    await page.goto(`${running.demo.url}/checkout/thanks.html?order=ord_nope`);
    await eventually(() => page.locator('#referral').textContent()).toBe('We could not find this order.');
    expect(await page.locator('main').innerText()).not.toContain('total');
  });

  test("gives the same customer's second order no first-order discount, and asks before charging the full price", async () => {
    const page = await friendContext.newPage();
    await page.goto(`${running.demo.url}/checkout/?sku=sencha-tin&qty=1`);
    await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Place order' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('has ordered before');
    expect(await page.locator('#total').textContent()).toBe('$48.00');
    expect(page.url()).not.toContain('thanks');
    expect((await dashboardRow(page)).redemptions).toBe('1');
  });

  test("refuses the ambassador's own code with their own email, and says why", async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=sencha-tin&qty=1&ref=${alex.code}`);
    await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
    // The seeded ambassadors' emails are on a reserved domain: Alex's is alex@example.com.
    await page.getByLabel('Email').fill('alex@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      `This is ${alex.displayName}'s own code, and an ambassador cannot order with their own code. Remove the code to order at the full price, or share it with a friend.`,
    );
    expect(page.url()).not.toContain('thanks');
    // The refusal is the code field's, and Remove answers it: no alert left asking for what was done.
    const codeField = page.getByLabel('Referral code');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Remove' }).click();
    expect([await page.getByRole('alert').count(), await codeField.getAttribute('aria-invalid')]).toEqual([0, null]);
    expect(await page.locator('#total').textContent()).toBe('$48.00');
    expect((await dashboardRow(page)).redemptions).toBe('1');
    await page.context().close();
  });

  test('takes a code typed by hand at checkout and credits its ambassador', async () => {
    const page = await freshPage();
    await page.goto(`${running.demo.url}/checkout/?sku=oolong-tin&qty=1`);
    await page.getByLabel('Referral code').fill(` ${maya.code.toLowerCase().replace('-', ' ')} `);
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => page.locator('#discount').textContent()).toBe('−$5.40');
    await page.getByLabel('Email').fill(`typed-${email}`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    await eventually(() => page.locator('#referral').textContent()).toBe(
      `You saved $5.40 with code ${maya.code}. Your friend earns $10.00 credit (pending).`,
    );
    const stats = await (await fetch(`${running.demo.url}/api/ambassadors/${maya.code}/stats`)).json();
    expect(stats).toMatchObject({ friendsJoined: 1, rewards: [{ type: 'credit', pending: 1000 }] });
    await page.context().close();
  });

  test("refuses a leader's code on the first click for a customer the leader did not bring", async () => {
    const page = await freshPage();
    // The friend's first order was with Alex's code: Maya's first-order offer is not theirs to take.
    await page.goto(`${running.demo.url}/checkout/?sku=sencha-tin&qty=1&ref=${maya.code}`);
    await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Place order' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      `${maya.displayName}'s offer is for first orders only, and this email has ordered before. Remove the code to order at the full price.`,
    );
    expect(page.url()).not.toContain('thanks');
    await page.context().close();
  });

  test("asks before charging a leader's member the full price the preview did not show", async () => {
    const page = await freshPage();
    const member = `member-${email}`;
    const checkout = async () => {
      await page.goto(`${running.demo.url}/checkout/?sku=sencha-tin&qty=1&ref=${maya.code}`);
      await eventually(() => page.locator('#discount').textContent()).toBe('−$7.20');
      await page.getByLabel('Email').fill(member);
      await page.getByRole('button', { name: 'Place order' }).click();
    };
    await checkout();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    // Ordering again: the first-order discount is previewed, but not what the shop would charge.
    await checkout();
    await eventually(() => page.getByRole('alert').textContent()).toContain('has ordered before');
    expect(await page.locator('#total').textContent()).toBe('$48.00');
    // The offer line no longer promises the first-order discount the shop will not give.
    expect(await page.locator('#offer').textContent()).toBe(
      `${maya.displayName}'s discount is for a first order, and this email has ordered before: this order is at the full price.`,
    );
    expect(page.url()).not.toContain('thanks');
    // The shop's price was for that email: another one is previewed with the discount again.
    await page.getByLabel('Email').fill(`other-${member}`);
    expect(await page.locator('#total').textContent()).toBe('$40.80');
    expect(await page.locator('#offer').textContent()).toContain('gave you 15% off your first order');
    await page.getByLabel('Email').fill(member);
    await page.getByRole('button', { name: 'Place order' }).click();
    await eventually(() => page.locator('#total').textContent()).toBe('$48.00');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/checkout\/thanks\.html\?order=/);
    await eventually(() => page.locator('#referral').textContent()).toMatch(
      new RegExp(
        `^Your order is credited to ${maya.code}, the code of the friend who brought you\\. Your friend earns \\$\\d+\\.\\d\\d credit`,
      ),
    );
    await page.context().close();
  });

  test('runs every page without script errors under the strict CSP with Trusted Types', async () => {
    const policy = (await fetch(`${running.demo.url}/`)).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(problems).toEqual([]);
  });
});
