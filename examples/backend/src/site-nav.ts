/**
 * The header of the server-rendered pages: the shop's name and the demo's pages, the current one
 * marked for screen readers (`aria-current`). The static pages (storefront, checkout) carry the same
 * links in their HTML.
 */
import { html, type SafeHtml } from './html.js';

/** The demo's pages, in the order the header lists them. */
const PAGES = [
  ['/account', 'Ambassadors'],
  ['/checkout/', 'Checkout'],
  ['/orders', 'Orders'],
  ['/dashboard', 'Dashboard'],
] as const;

/** The header bar, with `current` (a path of {@link PAGES}) marked as the page shown. */
export function siteNav(brand: string, current: (typeof PAGES)[number][0]): SafeHtml {
  const links = PAGES.map(
    ([path, name], index) =>
      html`${index ? ' ' : ''}<a href="${path}"${path === current ? html` aria-current="page"` : null}>${name}</a>`,
  );
  return html`<header class="bar"><a href="/">${brand}</a><nav>${links}</nav></header>`;
}
