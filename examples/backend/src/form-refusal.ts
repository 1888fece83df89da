/**
 * The answer to a plain form (the sign-up, the Refund button) whose body was refused before it was
 * read, too large, too slow or unreadable: a page a person reads, in the shop's shell and under its
 * CSP, that says what happened and links back to the form. A browser shows whatever a form post is
 * answered, and the API's JSON would show as raw text.
 */
import type { BodyRefusal } from './bounded-body.js';
import { html } from './html.js';
import { HTML_HEADERS } from './html-headers.js';
import { page } from './page.js';
import { siteNav } from './site-nav.js';

/** The pages a form is posted from, and the words of the link back to each. */
const BACK = {
  '/account': 'Back to the sign-up form',
  '/orders': 'Back to the orders',
} as const;

/** What happened, in the person's words, with what to do. */
function sentence(refusal: BodyRefusal, maxBytes: number): string {
  switch (refusal.code) {
    case 'payload_too_large':
      return `The form was larger than this shop takes (at most ${maxBytes / 1024} KiB). Please shorten what you typed and send it again.`;
    case 'request_timeout':
      return 'The form did not arrive in time: the connection may have dropped. Please send it again.';
    case 'unreadable_body':
      return 'The form could not be read. Please send it again.';
  }
}

/** Makes the `answer` of `boundedBody` for a form posted from `back`, whose bodies may be `maxBytes`. */
export function formRefusal({ brand, back, maxBytes }: { brand: string; back: keyof typeof BACK; maxBytes: number }) {
  return (refusal: BodyRefusal): Response => {
    const body = html`${siteNav(brand, back)}
<main class="account">
  <h1>Your form was not sent</h1>
  <p class="notice" role="alert">${sentence(refusal, maxBytes)}</p>
  <p><a href="${back}">${BACK[back]}</a></p>
</main>`;
    return new Response(page({ title: `Form not sent · ${brand}`, body }).text, {
      status: refusal.status,
      headers: HTML_HEADERS,
    });
  };
}
