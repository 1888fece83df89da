/**
 * The offer banner stays fixed to the viewport's bottom edge whatever the page wraps it in: a `transform`,
 * `filter`, `perspective`, `will-change: transform` or `contain` on an ancestor makes that ancestor the
 * containing block of fixed boxes (CSS Transforms 1, CSS Containment 2), and `contain: paint` and
 * `content-visibility: auto` clip them to it or skip their painting. The banner was placed at the end of a
 * long page wrapper, or clipped away while the keyboard still tabbed to its unseen Dismiss (qa144). In the
 * top layer (a `popover="manual"` shown at once), it is laid out against the viewport and painted above the
 * page, a cookie bar at the highest z-index included.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bannerAtRest, chromiumAndServer } from './widget-server.js';

let context: BrowserContext;
let page: Page;

const web = chromiumAndServer();

beforeEach(async () => {
  context = await web.browser.newContext({ viewport: { width: 375, height: 667 } });
  page = await context.newPage();
});

afterEach(() => context.close());

/** Serves long.html (forty product links, the banner last in its body) rewritten by `rewrite`. */
async function openLongPage(rewrite: (html: string) => string) {
  await page.route('**/long.html*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: rewrite(await response.text()) });
  });
  await page.goto(`${web.server.url}/long.html?ref=ALEX-7HC2QK`);
  await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
  await bannerAtRest(page);
}

/** Puts the body's content in a page wrapper with `style`, as an app's root element is. */
const wrapped = (style: string) => (html: string) =>
  html.replace('<body>', `<body><div id="app" style="${style}">`).replace('</body>', '</div></body>');

/**
 * Where the banner is at the top of the page, in its middle and at its end: its gaps to the viewport's
 * bottom edge, and what a tap on its offer, its code and its Dismiss reaches.
 */
const placesWhileScrolling = () =>
  page.evaluate(async () => {
    const places = [];
    for (const y of [0, document.documentElement.scrollHeight / 2, document.documentElement.scrollHeight]) {
      scrollTo(0, y);
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
      const aside = document.querySelector('referkit-offer')?.shadowRoot?.querySelector('aside') as HTMLElement;
      const box = aside.getBoundingClientRect();
      const tapped = (target: Element) => {
        const area = target.getBoundingClientRect();
        return document.elementFromPoint(area.x + area.width / 2, area.y + area.height / 2)?.localName;
      };
      places.push({
        bottomGap: Math.round(innerHeight - box.bottom),
        inView: box.top >= 0,
        offer: tapped(aside.querySelector('p') as Element),
        code: tapped(aside.querySelector('.n') as Element),
        dismiss: tapped(aside.querySelector('button') as Element),
      });
    }
    return places;
  });

/** At the bottom edge, 1em (16px) off it, and on top of the page where tapped. */
const atTheBottomEdge = {
  bottomGap: 16,
  inView: true,
  offer: 'referkit-offer',
  code: 'referkit-offer',
  dismiss: 'referkit-offer',
};

describe('<referkit-offer> under page wrappers, over the built referkit.js', () => {
  it.each([
    [
      'a transformed body',
      (html: string) => html.replace('</head>', '<style>body{transform:translateZ(0)}</style></head>'),
    ],
    ['a page wrapper with will-change: transform', wrapped('will-change:transform')],
    ['a page wrapper with a filter', wrapped('filter:saturate(1.1)')],
    ['a page wrapper with perspective', wrapped('perspective:500px')],
    ['a page wrapper with contain: paint', wrapped('contain:paint')],
    ['a page wrapper with contain: layout', wrapped('contain:layout')],
    [
      'a section with content-visibility: auto at the end of the page',
      (html: string) =>
        html.replace(
          '<referkit-offer></referkit-offer>',
          '<section style="content-visibility:auto"><referkit-offer></referkit-offer></section>',
        ),
    ],
  ])('stays at the viewport’s bottom edge, on top of the page, under %s', async (_, rewrite) => {
    await openLongPage(rewrite);
    expect(await placesWhileScrolling()).toEqual([atTheBottomEdge, atTheBottomEdge, atTheBottomEdge]);
  });

  it('shows above a cookie bar the page fixes to the bottom edge at the highest z-index', async () => {
    const cookieBar =
      '<div id="cookie" style="position:fixed;inset:auto 0 0;z-index:2147483647;background:#222;color:#fff;padding:16px">' +
      'We use cookies. <button type="button">Accept</button></div>';
    await openLongPage((html) => html.replace('</body>', `${cookieBar}</body>`));
    expect((await placesWhileScrolling())[0]).toEqual(atTheBottomEdge);
  });

  // A manual popover, not an auto one: no light dismiss by Escape or a tap elsewhere, and no focus taken.
  it('leaves focus where it is when it shows, and stays on Escape and on a tap elsewhere', async () => {
    await page.goto(`${web.server.url}/long.html`);
    await page.locator('#l1').focus();
    // A single-page app's route change brings the referral: the banner shows while a link has focus.
    await page.evaluate(() => history.pushState(null, '', '/long.html?ref=ALEX-7HC2QK'));
    await page.locator('referkit-offer').getByText('Alex gave you').waitFor();
    await bannerAtRest(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('l1');
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);
    expect(await placesWhileScrolling()).toEqual([atTheBottomEdge, atTheBottomEdge, atTheBottomEdge]);
  });

  // An age check shown as a modal dialog before the script runs keeps the whole page under it, inert: the
  // banner shown over it would hide part of the dialog and take no tap.
  it('stays under a modal dialog the page showed first, and shows once it is closed', async () => {
    const ageCheck =
      '<dialog id="age">Are you 18 or older? <button type="button">Yes</button></dialog>' +
      '<style>dialog::backdrop{background:#000}</style><script>document.getElementById("age").showModal()</script>';
    await openLongPage((html) => html.replace('</body>', `${ageCheck}</body>`));
    const banner = page.locator('referkit-offer').getByRole('complementary');
    const clip = await banner.boundingBox();
    if (!clip) throw new Error('The banner has no box.');
    // Under the opaque backdrop, the banner's place looks the same with and without it.
    const shown = await page.screenshot({ clip });
    await page.locator('referkit-offer').evaluate((host: HTMLElement) => {
      host.style.visibility = 'hidden';
    });
    const hidden = await page.screenshot({ clip });
    expect(shown.equals(hidden)).toBe(true);
    await page.locator('referkit-offer').evaluate((host: HTMLElement) => {
      host.style.visibility = '';
      (document.getElementById('age') as HTMLDialogElement).close();
    });
    expect((await placesWhileScrolling())[0]).toEqual(atTheBottomEdge);
  });

  // The top layer is feature-detected: where the browser has no popover, the banner is fixed as before.
  it('stays at the bottom edge, on top of the page, where the browser has no popover', async () => {
    await page.addInitScript(() => {
      for (const name of ['showPopover', 'hidePopover', 'togglePopover', 'popover'])
        Reflect.deleteProperty(HTMLElement.prototype, name);
    });
    await openLongPage((html) => html);
    expect(await placesWhileScrolling()).toEqual([atTheBottomEdge, atTheBottomEdge, atTheBottomEdge]);
  });
});
