/**
 * An element inside another component's shadow root (a Lit or Stencil app keeps its whole page there)
 * follows that app's language switch, over the built `referkit.js`: the page's own `lang` observer
 * does not see into shadow roots, so each one an element is placed in is watched too.
 */
import { expect, it } from 'vitest';
import { chromiumAndServer } from './widget-server.js';

const web = chromiumAndServer();

it("switches a panel's language when a `lang` inside the shadow root it is in changes", async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.server.url}/widget.html`);
  await page.evaluate(() => {
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    const view = document.createElement('section');
    view.lang = 'en';
    const panel = document.createElement('referkit-share');
    panel.setAttribute('code', 'ALEX-7HC2QK');
    view.append(panel);
    app.attachShadow({ mode: 'open' }).append(view);
  });
  const inApp = page.locator('#app referkit-share');
  await inApp.getByRole('heading', { name: 'Invite friends to Acme' }).waitFor();
  await page.evaluate(() => {
    (document.querySelector('#app')?.shadowRoot?.querySelector('section') as HTMLElement).lang = 'es';
  });
  await inApp.getByRole('heading', { name: 'Invita a tus amigos a Acme' }).waitFor({ timeout: 5000 });
  expect(await inApp.getByRole('region').first().getAttribute('lang')).toBe('es');
  await context.close();
});
