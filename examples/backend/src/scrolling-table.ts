/** The dashboard's tables, each in a box of its own that scrolls. */
import { html, type SafeHtml } from './html.js';

/**
 * A table in a box that scrolls sideways, and down once taller than the window, so that its sticky
 * column headers (and names) stay in view over hundreds of rows: a header is sticky only within its
 * nearest scrolling box, and a box that scrolls sideways is one. The tables are wider than a laptop's
 * window and hold nothing focusable but links, so the box itself takes focus for the arrow keys to
 * scroll it (axe `scrollable-region-focusable`), named like its table for the screen reader that lands on it.
 */
export function scrollingTable(caption: string, rows: SafeHtml, said: SafeHtml | string = ''): SafeHtml {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table>
      <caption class="visually-hidden">${caption}${said}</caption>
      ${rows}
    </table></div>`;
}
