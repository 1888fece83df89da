/**
 * A tagged template for server-rendered HTML that escapes every interpolated value, so names and
 * codes people typed can never become markup. Nested `html` fragments and arrays pass through.
 */

const SAFE = Symbol('safe-html');

/** A piece of HTML that is already escaped. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/** Escapes text for use in element content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Builds escaped HTML. `null`, `undefined` and `false` render nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return { [SAFE]: true, text };
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && SAFE in value) return (value as SafeHtml).text;
  return escapeHtml(String(value));
}
