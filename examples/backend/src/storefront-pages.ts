/**
 * The storefront's pages are static HTML, as a Shopify theme or a static site would serve them.
 * The account page has one placeholder the server fills from the database — the way a shop's
 * template engine fills in the logged-in customer's details.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ambassador } from '@referkit/events';
import { type Enrolment, shareTerms } from './code-lookup.js';
import { html, type SafeHtml } from './html.js';
import { storefrontDir } from './paths.js';
import { roleName } from './role-names.js';

const MARKER = '<!-- referkit:ambassadors -->';

/** What the account page shows: one ambassador's share panel, or the list of all of them. */
export type AccountView =
  | { kind: 'one'; enrolment: Enrolment /** Where share links point: the storefront's home page. */; base: string }
  | { kind: 'list'; ambassadors: Ambassador[]; notice?: string };

/** Renders `account.html` with the ambassadors' share panels or links filled in. */
export async function accountPage(view: AccountView): Promise<string> {
  const template = await readFile(join(storefrontDir, 'account.html'), 'utf8');
  return template.replace(MARKER, () => accountContent(view).text);
}

function accountContent(view: AccountView): SafeHtml {
  if (view.kind === 'one') {
    const { ambassador } = view.enrolment;
    // The program's terms for this role, as the shop's template would print them (JSON, escaped).
    return html`<referkit-share code="${ambassador.code}" name="${ambassador.displayName}" role="${ambassador.role}" terms="${JSON.stringify({ ...shareTerms(view.enrolment), base: view.base })}"></referkit-share>
  <p><a href="/account">All ambassadors</a></p>`;
  }
  return html`${view.notice ? html`<p class="notice" role="alert">${view.notice}</p>` : null}
  <h2>Ambassadors</h2>
  <ul class="ambassador-list">${view.ambassadors.map(
    (ambassador) =>
      html`<li><a href="/account?code=${encodeURIComponent(ambassador.code)}">${ambassador.displayName}</a> · ${roleName(
        ambassador.role,
      )}${ambassador.audienceTier ? ` (${ambassador.audienceTier})` : ''} · <code>${ambassador.code}</code></li>`,
  )}</ul>`;
}
