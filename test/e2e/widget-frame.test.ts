/**
 * The built referkit.js in a srcdoc frame (a CMS's embed, an email builder's preview): its address is
 * `about:srcdoc`, and a relative endpoint is read against its base URL, the page's, as fetch reads it.
 * And the page's elements moved into a frame of its own and back (a print frame, Document
 * Picture-in-Picture, a modal host built in an iframe).
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();
let context: BrowserContext;
let page: Page;
const lines: string[] = [];

beforeEach(async () => {
  context = await web.browser.newContext();
  page = await context.newPage();
  lines.length = 0;
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
});

afterEach(() => context.close());

it("runs with the endpoint '/api' in a srcdoc frame, without a line in the console", async () => {
  web.server.requests.length = 0;
  await page.goto(`${web.server.url}/frame.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('referkit-share').getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
  // The panel asked the page's API for the ambassador's progress, at the page's origin.
  await expect.poll(() => web.server.requests).toContain('/api/ambassadors/ALEX-7HC2QK/stats');
  expect(lines.filter((line) => line.includes('[referkit]'))).toEqual([]);
});

/** The document of `place`: the page's own, or that of the frame the test adds to it. */
type Place = 'page' | 'frame';

/** The looks the widget's stylesheet gives the elements, which are in `place`. */
const looks = (place: Place) =>
  page.evaluate((place) => {
    const view = place === 'page' ? window : (document.querySelector('iframe')?.contentWindow as typeof window);
    const inside = (element: string, part: string) =>
      view.document.querySelector(element)?.shadowRoot?.querySelector(part) as Element;
    return {
      copy: view.getComputedStyle(inside('referkit-share', 'button.p')).backgroundColor,
      banner: view.getComputedStyle(inside('referkit-offer', 'aside')).position,
    };
  }, place);

/** Moves both elements into the document of `place`, adopting them from the other's. */
const moveElements = (place: Place) =>
  page.evaluate((place) => {
    const frame = document.querySelector('iframe')?.contentDocument as Document;
    const [from, into] = place === 'frame' ? [document, frame] : [frame, document];
    for (const element of from.querySelectorAll('referkit-share, referkit-offer'))
      into.body.append(into.adoptNode(element));
  }, place);

it('keeps its styles in a same-origin frame it is moved into, and back in its own page', async () => {
  await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
  await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
  await page.evaluate(() =>
    document.body.append(Object.assign(document.createElement('iframe'), { title: 'Print preview' })),
  );
  const styled = { copy: 'rgb(11, 87, 208)', banner: 'fixed' };
  expect(await looks('page')).toEqual(styled);
  await moveElements('frame');
  expect(await looks('frame')).toEqual(styled);
  await moveElements('page');
  expect(await looks('page')).toEqual(styled);
  expect(lines.filter((line) => line.includes('[referkit]'))).toEqual([]);
});

it('takes being moved into a document with no window (a parser or sanitizer builds one) and back without an error', async () => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${web.server.url}/widget.html?ref=ALEX-7HC2QK`);
  await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
  await page.evaluate(() => {
    const inert = document.implementation.createHTMLDocument('');
    const elements = [...document.querySelectorAll('referkit-share, referkit-offer')];
    for (const element of elements) inert.body.append(inert.adoptNode(element));
    for (const element of elements) document.body.append(document.adoptNode(element));
  });
  expect(await looks('page')).toEqual({ copy: 'rgb(11, 87, 208)', banner: 'fixed' });
  await page.locator('referkit-share').getByRole('button', { name: /copy/i }).waitFor();
  expect(errors).toEqual([]);
  expect(lines.filter((line) => line.includes('[referkit]'))).toEqual([]);
});
