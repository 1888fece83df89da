/**
 * The storefront's pages are static HTML, as a Shopify theme or a static site would serve them, with
 * placeholders the server fills — the way a shop's template engine prints its settings and the
 * logged-in customer's details: in each page the program's offer, for `storefront.js` to pass to
 * init; in the account page, the ambassadors from the database, a page of them at a time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Program } from '@referkit/events';
import type { AmbassadorListPage } from './ambassador-list.js';
import { type Enrolment, offerTerms, shareTerms } from './code-lookup.js';
import { html, type SafeHtml } from './html.js';
import { formatCount } from './money.js';
import { storefrontDir } from './paths.js';
import { roleName } from './role-names.js';
import { EMPTY_SIGN_UP, type SignUpFormState, signUpForm } from './signup-form.js';

const MARKER = '<!-- referkit:ambassadors -->';
const TERMS = '<!-- referkit:terms -->';
const SIGN_UP_FORM = '<!-- referkit:signup-form -->';

/**
 * Reads a page of the storefront and prints into it the offer of `program`, the program the shop
 * judges orders by, as a JSON data block (`#referkit-terms`): `storefront.js` gives it to init, so
 * the banner paints the offer at once, before the code lookup answers, and never another offer than
 * checkout gives. A data block is not run, so the page's CSP does not apply to it; every `<` is
 * written `\u003c`, so that no text in it can close the element.
 */
async function storefrontPage(file: string, program: Program): Promise<string> {
  const template = await readFile(join(storefrontDir, file), 'utf8');
  const terms = JSON.stringify(offerTerms(program)).replaceAll('<', '\\u003c');
  return template.replace(TERMS, () => `<script type="application/json" id="referkit-terms">${terms}</script>`);
}

/** Renders the product page, `index.html`, with the program's offer filled in. */
export function productPage(program: Program): Promise<string> {
  return storefrontPage('index.html', program);
}

/** What the account page shows: one ambassador's share panel, or the list of all of them. */
export type AccountView =
  | { kind: 'one'; enrolment: Enrolment /** Where share links point: the storefront's home page. */; base: string }
  | {
      kind: 'list';
      list: AmbassadorListPage;
      notice?: string;
      /** A refused sign-up: the form as it was sent, with its errors; the title then starts "Error:". */
      signUp?: SignUpFormState;
    };

/**
 * Renders `account.html` with the program's offer, the ambassadors' share panels or links and the
 * sign-up form filled in.
 */
export async function accountPage(view: AccountView, program: Program): Promise<string> {
  const refused = view.kind === 'list' ? view.signUp : undefined;
  return (
    (await storefrontPage('account.html', program))
      .replace(MARKER, () => accountContent(view).text)
      .replace(SIGN_UP_FORM, () => signUpForm(refused ?? EMPTY_SIGN_UP).text)
      // The first words a screen reader says of the page that answers a refused form.
      .replace('<title>', () => (refused ? '<title>Error: ' : '<title>'))
  );
}

function accountContent(view: AccountView): SafeHtml {
  if (view.kind === 'one') {
    const { ambassador } = view.enrolment;
    // The program's terms for this role, as the shop's template would print them (JSON, escaped).
    return html`<referkit-share code="${ambassador.code}" name="${ambassador.displayName}" role="${ambassador.role}" terms="${JSON.stringify({ ...shareTerms(view.enrolment), base: view.base })}"></referkit-share>
  <p><a href="/account">All ambassadors</a></p>`;
  }
  const { list } = view;
  const last = list.first + list.ambassadors.length - 1;
  return html`${view.notice ? html`<p class="notice" role="alert">${view.notice}</p>` : null}
  <h2>Ambassadors</h2>
  ${list.first ? html`<p class="showing">Showing ${formatCount(list.first)}–${formatCount(last)} of ${formatCount(list.total)} ambassadors, oldest first.</p>` : null}
  <ul class="ambassador-list">${list.ambassadors.map(
    (ambassador) =>
      html`<li><a href="/account?code=${encodeURIComponent(ambassador.code)}">${ambassador.displayName}</a> · ${roleName(
        ambassador.role,
      )}${ambassador.audienceTier ? ` (${ambassador.audienceTier})` : ''} · <code>${ambassador.code}</code></li>`,
  )}</ul>
  ${listPager(list)}`;
}

/** First, previous, where this page is, next and last, as the dashboard's: links only where there is somewhere to go. */
function listPager({ page, pages }: AmbassadorListPage): SafeHtml | null {
  if (pages <= 1) return null;
  const to = (target: number, label: string, rel?: string) =>
    html`<a href="/account?page=${target}"${rel ? html` rel="${rel}"` : null}>${label}</a>`;
  return html`<nav class="pager" aria-label="Pages of ambassadors">
    ${page > 1 ? [to(1, 'First page'), to(page - 1, 'Previous page', 'prev')] : null}
    <span>Page ${formatCount(page)} of ${formatCount(pages)}</span>
    ${page < pages ? [to(page + 1, 'Next page', 'next'), to(pages, 'Last page')] : null}
  </nav>`;
}
