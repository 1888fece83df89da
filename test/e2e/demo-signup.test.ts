/**
 * The sign-up as a public website takes it, over real HTTP on 127.0.0.1 and in real Chromium: one
 * ambassador per email (the JSON API answers `409 email_taken`, the form says so in words); a burst
 * of sign-ups from one client, then one a minute (`429` with `Retry-After`); and a public list of
 * ambassadors that is paged, so that it stays small however many sign up. On PGlite, and on
 * PostgreSQL where the database decides.
 */
import { request } from 'node:http';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUpAmbassador } from '../../examples/backend/src/ambassadors.js';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { type DemoUnderTest, demoDatabases, startDemoUnderTest } from './demo-server.js';

describe.each(demoDatabases)('a sign-up under an email another ambassador holds, on $kind', (database) => {
  let running: DemoUnderTest;
  let browser: Browser;
  // Script errors and CSP or Trusted Types violations on the shop's pages.
  const problems: string[] = [];

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest(database), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  const url = (path: string) => `${running.demo.url}${path}`;
  const signUp = (body: Record<string, string>) =>
    fetch(url('/api/ambassadors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ambassador', ...body }),
    });
  const holders = async (displayName: string) =>
    (
      await running.demo.client.query(`SELECT 1 FROM demo_ambassadors WHERE ambassador->>'displayName' = $1`, [
        displayName,
      ])
    ).rows.length;

  test('answers the JSON API 409 email_taken, with the path of the problem, and enrols no one', async () => {
    expect((await signUp({ displayName: 'Ines Duarte', email: 'Ines@Example.com' })).status).toBe(201);
    const again = await signUp({ displayName: 'Ines Again', email: 'ines+tea@example.com' });
    expect(again.status).toBe(409);
    const { error } = await again.json();
    expect(error).toMatchObject({ code: 'email_taken', issues: [{ path: ['email'], code: 'email_taken' }] });
    expect(await holders('Ines Again')).toBe(0);
  });

  test("refuses a seeded ambassador's email", async () => {
    const again = await signUp({ displayName: 'Alex Again', email: 'alex@example.com' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'email_taken']);
  });

  test('says so in words on the form, under the page’s CSP, and enrols no one', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // Chromium logs the 409 itself as a failed load; the page's own errors are what count.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    try {
      await page.goto(url('/account'));
      await page.getByLabel('Your name').fill('Maya Again');
      await page.getByLabel('Your email').fill('MAYA@example.com');
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Get my link' }).click(),
      ]);
      expect(answer.status()).toBe(409);
      // Beside the email field, which it describes (aria-describedby) and which takes the focus.
      await expect.poll(() => page.getByLabel('Your email').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
      expect(await page.getByLabel('Your email').inputValue()).toBe('MAYA@example.com');
      await expect
        .poll(() => page.locator('#signup-email-error').textContent())
        .toBe(
          'An ambassador already signed up with this email: each person signs up once. If it is yours, open your page from the link you got then; if not, check the address, or leave it out.',
        );
      expect(await holders('Maya Again')).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a refused sign-up on the form', () => {
  let running: DemoUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startDemoUnderTest({ kind: 'pglite' }), chromium.launch(chromiumOptions)]);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.teardown();
  });

  /** Fills and sends the form as a person does; answers the page the shop answered with. */
  const send = async (fields: { name: string; email: string; role: string }) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${running.demo.url}/account`);
    await page.getByLabel('Your name').fill(fields.name);
    await page.getByLabel('Your email').fill(fields.email);
    await page.getByLabel('Role').selectOption(fields.role);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Get my link' }).click(),
    ]);
    await page.waitForLoadState();
    return page;
  };
  /** The text of the element a field's `aria-describedby` names. */
  const description = async (page: Page, label: string) => {
    const id = await page.getByLabel(label).getAttribute('aria-describedby');
    return id ? page.locator(`[id="${id.split(' ')[0]}"]`).textContent() : null;
  };

  test('keeps what was entered, ties the error to the name and focuses it, for a name of only spaces', async () => {
    const page = await send({ name: '   ', email: 'kit@example.com', role: 'community_leader' });
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Your email').inputValue()).toBe('kit@example.com');
    expect(await page.getByLabel('Role').inputValue()).toBe('community_leader');
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Your email').getAttribute('aria-invalid')).toBeNull();
    expect(await description(page, 'Your name')).toBe(
      'Enter your name: at least one visible character, at most 60 characters.',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('displayName');
    await page.context().close();
  });

  test('keeps what was entered, ties the error to the email and focuses it, for an email the browser takes and the shop refuses', async () => {
    const page = await send({ name: 'Kit Okafor', email: 'a@b', role: 'influencer' });
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Kit Okafor');
    expect(await page.getByLabel('Your email').inputValue()).toBe('a@b');
    expect(await page.getByLabel('Role').inputValue()).toBe('influencer');
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Your email').getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, 'Your email')).toBe(
      'Enter an email address with a dot in its domain, like sam@example.com, or leave it out.',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.context().close();
  });
});

describe('sign-ups from one client', () => {
  let running: DemoUnderTest;

  beforeAll(async () => {
    running = await startDemoUnderTest({ kind: 'pglite' });
  });

  afterAll(() => running?.teardown());

  /** A sign-up over its own connection from `from`, one of this machine's loopback addresses. */
  const signUpFrom = (from: string, path: string, type: string, body: string) =>
    new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
      const sent = request(
        `${running.demo.url}${path}`,
        {
          method: 'POST',
          localAddress: from,
          // As the shop's own page posts the form.
          headers: { 'content-type': type, origin: running.demo.url, 'sec-fetch-site': 'same-origin' },
        },
        (answer) => {
          let text = '';
          answer.setEncoding('utf8');
          answer.on('data', (chunk) => (text += chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 0,
              retryAfter: answer.headers['retry-after'] as string | undefined,
              body: text,
            }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  const json = (from: string, displayName: string) =>
    signUpFrom(from, '/api/ambassadors', 'application/json', JSON.stringify({ displayName, role: 'ambassador' }));

  test('takes ten sign-ups at once from one address, not counting ones refused for what they give, then answers 429 with Retry-After', async () => {
    for (const refused of [' ', '\u202e']) expect((await json('127.0.0.1', refused)).status).toBe(400);
    const burst = [];
    for (let n = 1; n <= 10; n++) burst.push((await json('127.0.0.1', `Burst ${n}`)).status);
    expect(burst).toEqual(Array(10).fill(201));
    const refused = await json('127.0.0.1', 'Burst 11');
    expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([429, 'too_many_requests']);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    const { rows } = await running.demo.client.query(
      `SELECT 1 FROM demo_ambassadors WHERE ambassador->>'displayName' LIKE 'Burst %'`,
    );
    expect(rows).toHaveLength(10);
  });

  test('answers the form from that address 429 with the account page saying when to try again', async () => {
    const answer = await signUpFrom(
      '127.0.0.1',
      '/account',
      'application/x-www-form-urlencoded',
      new URLSearchParams({ displayName: 'Form Burst', role: 'ambassador' }).toString(),
    );
    expect([answer.status, Number(answer.retryAfter) > 0]).toEqual([429, true]);
    expect(answer.body).toMatch(
      /<p class="notice" role="alert">Too many sign-ups from your network just now: please try again in (\d+) seconds?\.<\/p>/,
    );
  });

  test('still takes a sign-up from another address', async () => {
    expect((await json('127.0.0.2', 'Elsewhere')).status).toBe(201);
  });
});

describe.each(demoDatabases)('the public list of ambassadors on $kind', (database) => {
  let running: DemoUnderTest;
  /** Every ambassador's code, oldest first: the three seeded, then sixty who signed up. */
  let codes: string[] = [];

  beforeAll(async () => {
    running = await startDemoUnderTest(database);
    const { demo } = running;
    codes = demo.ambassadors.map((ambassador) => ambassador.code);
    for (let n = 1; n <= 60; n++) {
      // Straight into the database, as sixty sign-ups over months would leave it (the throttle aside).
      const result = await signUpAmbassador(
        demo.client,
        demo.program.id,
        { displayName: `Listed ${n}`, role: 'ambassador' },
        new Date(),
      );
      if (!result.ok) throw new Error(result.error.message);
      codes.push(result.value.code);
      // Each a moment after the last, as sign-ups are: the list orders by when they were made.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  });

  afterAll(() => running?.teardown());

  const listed = async (query = '') => {
    const page = await (await fetch(`${running.demo.url}/account${query}`)).text();
    return {
      codes: [...page.matchAll(/<li><a href="\/account\?code=([^"]+)">/g)].map((match) => match[1]),
      page,
    };
  };

  test('lists 25 ambassadors a page, oldest first, the seeded ones on the first', async () => {
    const first = await listed();
    expect(first.codes).toEqual(codes.slice(0, 25));
    expect(first.page).toContain('Showing 1–25 of 63 ambassadors, oldest first.');
    expect(first.page).toContain('<a href="/account?page=2" rel="next">Next page</a>');
  });

  test('lists the next ones on the next pages, and the last page for one past it', async () => {
    expect((await listed('?page=2')).codes).toEqual(codes.slice(25, 50));
    const last = await listed('?page=3');
    expect(last.codes).toEqual(codes.slice(50));
    expect(last.page).toContain('<span>Page 3 of 3</span>');
    expect((await listed('?page=99')).codes).toEqual(codes.slice(50));
  });

  test('reads a page that is not one as the first', async () => {
    for (const query of ['?page=0', '?page=-1', '?page=1e3', '?page=<b>']) {
      expect([query, (await listed(query)).codes]).toEqual([query, codes.slice(0, 25)]);
    }
  });
});
