/** The widget's DOM events: `referkit:share`, `referkit:copy` and `referkit:capture`. */

/** Fires `type` on `target`, bubbling and composed so that it crosses shadow roots to the page's listeners. */
export function dispatchReferkitEvent(target: EventTarget, type: string, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}
