/**
 * The account page's sign-up form, rendered by the server: empty at first, and after a refusal with
 * what the person entered kept, each field in error marked (`aria-invalid`) and described by its own
 * message (`aria-describedby`), and the first of them focused. The page runs no script of its own
 * under its CSP, so `autofocus` moves the focus: a screen reader then reads the field and its error.
 */
import type { SignUpIssue } from './ambassadors.js';
import { html, type SafeHtml } from './html.js';

/** The form's fields, in the order they are shown (the first in error takes the focus). */
const FIELDS = ['displayName', 'email', 'role'] as const;

/** A field of the sign-up form. */
export type SignUpField = (typeof FIELDS)[number];

/** What a person typed and picked, as the form posted it. */
export type SignUpEntry = Record<SignUpField, string>;

/** The form's state: what to show in its fields and what to say beside each one in error. */
export interface SignUpFormState {
  entered: SignUpEntry;
  errors: Partial<Record<SignUpField, string>>;
}

/** The form as a first visit shows it. */
export const EMPTY_SIGN_UP: SignUpFormState = {
  entered: { displayName: '', email: '', role: 'ambassador' },
  errors: {},
};

const ROLES = [
  ['ambassador', 'Ambassador'],
  ['community_leader', 'Community leader'],
  ['influencer', 'Influencer'],
] as const;

/** What a posted form entered, to show again: a field that is missing or not text (a file) is empty. */
export function signUpEntry(form: Record<string, unknown>): SignUpEntry {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { displayName: text(form.displayName), email: text(form.email), role: text(form.role) };
}

/** Each field's message, in words that say what to enter, for a sign-up refused for what it gave. */
export function signUpErrors(issues: readonly SignUpIssue[]): SignUpFormState['errors'] {
  const errors: SignUpFormState['errors'] = {};
  for (const issue of issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (!field || errors[field]) continue;
    errors[field] = {
      displayName: 'Enter your name: at least one visible character, at most 60 characters.',
      email:
        issue.code === 'email_taken'
          ? 'An ambassador already signed up with this email: each person signs up once. If it is yours, open your page from the link you got then; if not, check the address, or leave it out.'
          : 'Enter an email address with a dot in its domain, like sam@example.com, or leave it out.',
      role: 'Pick one of the roles.',
    }[field];
  }
  return errors;
}

/** The attributes of a field in error, the first of them focused; nothing for a field that is fine. */
function invalid(field: SignUpField, { errors }: SignUpFormState, describedBy: string[] = []): SafeHtml {
  const first = FIELDS.find((name) => errors[name]) === field;
  const ids = errors[field] ? [`signup-${field}-error`, ...describedBy] : describedBy;
  return html`${errors[field] ? html` aria-invalid="true"` : null}${ids.length ? html` aria-describedby="${ids.join(' ')}"` : null}${first ? html` autofocus` : null}`;
}

/** The message beside a field in error; nothing for a field that is fine. */
function message(field: SignUpField, { errors }: SignUpFormState): SafeHtml | null {
  const text = errors[field];
  return text ? html`<span id="signup-${field}-error" class="field-error">${text}</span>` : null;
}

/** Renders the sign-up form. */
export function signUpForm(state: SignUpFormState): SafeHtml {
  const { entered } = state;
  return html`<form method="post" action="/account">
      <div class="field"><label>Your name <input name="displayName" required maxlength="60" autocomplete="name" value="${entered.displayName}"${invalid('displayName', state)}></label>${message('displayName', state)}</div>
      <div class="field"><label>Your email <input name="email" type="email" maxlength="254" autocomplete="email" value="${entered.email}"${invalid('email', state, ['signup-email-why'])}></label>${message('email', state)}</div>
      <div class="field"><label>Role
        <select name="role"${invalid('role', state)}>${ROLES.map(
          ([value, name]) =>
            html`<option value="${value}"${entered.role === value ? html` selected` : null}>${name}</option>`,
        )}</select>
      </label>${message('role', state)}</div>
      <button type="submit">Get my link</button>
    </form>`;
}
