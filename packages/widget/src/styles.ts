/**
 * The widget's stylesheet, adopted into each shadow root as a constructable stylesheet, so that no
 * `<style>` element or `style` attribute exists for a strict `style-src 'self'` CSP to block.
 * Theme with the custom properties below on the element or any ancestor:
 * `--referkit-accent`, `--referkit-accent-text`, `--referkit-radius`, `--referkit-font`,
 * `--referkit-surface`, `--referkit-text`, `--referkit-muted`, and `-dark` variants of the colours for dark mode.
 */

// Kept terse by hand: it ships inside the 9,000 B budget. Logical properties (inline/block) make RTL free.
// Default colours pass WCAG AA contrast on both schemes (accent #0b57d0 on white is 6.6:1, #a8c7fa on #1b1b1f is 10:1).
// Lines joined by `+` rather than a template's newlines: the minifier folds them into one string without any.
// The host's colour, font and custom properties are `!important`: page CSS matching the element (a reset like
// `* { all: unset }`) beats `:host`'s normal declarations, and left the dark theme's text black on its dark
// surface; the shadow tree's important ones beat the page's normal ones (CSS Cascade 4, "Context"). The
// custom properties are `--rk-` prefixed, apart from the public `--referkit-` ones a page themes with.
// Sizes are the visitor's: the host's text is `medium`, the size they chose in their browser, and every other
// length an `em` of it. With `rem` the widget followed the page's root size, and a page sized in tens of pixels
// by `html{font-size:62.5%}` (and its text set back to 1.6rem) got a widget in 10px text.
// The page's text properties are inherited across the shadow boundary: the two that break the layout are set
// back. A body's `white-space:nowrap` put the banner's text and dismiss button past a phone's edge, where a fixed
// box cannot be scrolled to, and its `text-indent` pushed the channels out. The others leave it whole
// (`word-break`, `hyphens`, `line-break`, spacing: `overflow-wrap:anywhere` below breaks any word); the
// message field keeps its own `pre-wrap` (the UA's rule for textarea).
const css =
  ':host{--rk-a:var(--referkit-accent,#0b57d0)!important;--rk-t:var(--referkit-accent-text,#fff)!important;' +
  '--rk-b:var(--referkit-surface,#fff)!important;--rk-f:var(--referkit-text,#1b1b1f)!important;' +
  '--rk-m:var(--referkit-muted,#5c5c66)!important;--rk-r:var(--referkit-radius,10px)!important;display:block;' +
  'font:medium/1.45 var(--referkit-font,system-ui,sans-serif)!important;color:var(--rk-f)!important;' +
  'white-space:normal!important;text-indent:0!important}' +
  // HTML's `hidden` is only the UA's `[hidden]{display:none}`, which `display:block` above beats.
  ':host([hidden]){display:none}' +
  '@media (prefers-color-scheme:dark){:host{--rk-a:var(--referkit-accent-dark,#a8c7fa)!important;' +
  '--rk-t:var(--referkit-accent-text-dark,#0a1a33)!important;--rk-b:var(--referkit-surface-dark,#1b1b1f)!important;' +
  '--rk-f:var(--referkit-text-dark,#e6e6ea)!important;--rk-m:var(--referkit-muted-dark,#b4b4be)!important}}' +
  // A name or brand longer than the line breaks inside the word rather than overflowing the box. No box is
  // wider than its place either (`min-width:0`; buttons and links shrink, `flex:0 auto`, and wrap their words;
  // the QR code no wider than its place): with text at 200% on a phone (WCAG 1.4.4 with 1.4.10), the grid's auto track
  // took the link and message fields' width of ~20 characters as its least, and the page scrolled sideways
  // (past x=0 in Arabic).
  '*{box-sizing:border-box;font:inherit;color:inherit;margin:0;overflow-wrap:anywhere;min-width:0}' +
  'section,aside{background:var(--rk-b);border:1px solid var(--rk-m);border-radius:var(--rk-r);padding:1em;display:grid;gap:.6em}' +
  'h2{font-size:1.25em}h2,h3{font-weight:700}' +
  'div,ul{display:flex;flex-wrap:wrap;gap:.5em;padding:0;list-style:none}' +
  'input,textarea,button,a{flex:1 1 14em;padding:.5em;border:1px solid var(--rk-m);border-radius:calc(var(--rk-r)/2);background:var(--rk-b)}' +
  'button,a{display:inline-block;flex:0 auto;cursor:pointer;padding-inline:.9em;border-color:var(--rk-a);text-decoration:none}' +
  '.p{background:var(--rk-a);color:var(--rk-t)}' +
  ':focus-visible{outline:3px solid var(--rk-a);outline-offset:2px}' +
  // The QR button while its chunk loads, the same in every language (a "Loading" text put the German and
  // Arabic catalogues over their 600 B): dimmed as a control that takes no tap meanwhile, its text still
  // 4.5:1 on either theme's ground, and the progress cursor where there is a pointer.
  '[aria-busy=true]{opacity:.6;cursor:progress}' +
  '.n{color:var(--rk-m);font-size:.9em}' +
  'h2+p{font-size:1.1em}' +
  // The message field grows with its text, so that the disclosure line, last, is in view and not scrolled
  // inside a four-row box (at 320px, or with text at 200%); where field-sizing is unknown, it keeps its rows.
  'textarea{field-sizing:content;min-height:7em}' +
  // The code is 200px wide, or 3px a module when it has more than 66 (a link past ~130 characters), which
  // a phone's camera still reads off a screen; a long link's code drawn 176px wide had modules under 2px.
  // Its quiet zone is its own 4 light modules, on this white ground, so the box needs no padding.
  // The panel follows the page's writing mode: the code and the progress bar are sized along the line
  // (inline) and across it (block), where a page set vertically drew the code 702px square past the panel's
  // edge and the bar 2px long with no fill.
  '.q{background:#fff;color:#000;max-inline-size:max(200px,calc(var(--q)*3px))}' +
  '.q svg{flex:1}' +
  // The progress, and its room while the stats are on their way (share-panel.tsx): its title, role, friends,
  // one unit's rewards and the target's line (5 lines of 1.45em), its bar (.6em), 5 gaps (.6em), its padding
  // (.6em) and border, 11.5em in all. A taller one (two units, a longer language on a phone) grows past it,
  // a shorter one (no target) keeps it, the room left empty at its end.
  'section section{border-width:1px 0 0;border-radius:0;padding:.6em 0 0;min-height:11.6em}' +
  '[role=progressbar]{block-size:.6em;border:1px solid var(--rk-m);overflow:hidden}' +
  'i{background:var(--rk-a);inline-size:calc(var(--p)*100%)}' +
  // Forced colours (Windows' high contrast) paint every background the page's Canvas, the bar's fill
  // too, but leave a system colour alone; and they would turn a dark theme's QR code light on dark,
  // reversed, which many scanners cannot read, so the code keeps its own black on white.
  '@media (forced-colors:active){.q{forced-color-adjust:none}i{background:Highlight}}' +
  // At most half the viewport, less the gaps at its edges, its text scrolled within where it is longer
  // (text at 400% on a phone): one of its two places then leaves whatever the keyboard focuses in view.
  // `inset`, `width` and `height` set back the UA's popover rules (`inset:0;width:fit-content;height:fit-content`;
  // offer-banner.tsx shows it in the top layer): WebKit resolved that height for this fixed grid as all the room
  // max-height leaves, 341px at a 730px viewport, mostly empty, where its text needs 88px. Its own writing mode
  // keeps it a bar along the bottom on a page set vertically.
  'aside{position:fixed;inset:auto 1em 1em;width:auto;height:auto;margin-inline:auto;max-width:34em;z-index:2147483000;' +
  'writing-mode:horizontal-tb;max-height:calc(50dvh - 1.5em);overflow:auto;' +
  'grid-template-columns:1fr auto;align-items:center;box-shadow:0 4px 20px #0004;animation:i .25s}' +
  // Where its text scrolls within it, the dismiss button, centred beside that text, stays in view with room
  // for its focus ring (3px and 2px off).
  'aside button{grid-area:1/2/3;position:sticky;top:.5em;bottom:.5em}' +
  // The offer's line and, unseen in the same cell, the room kept for the ambassador's name (offer-banner.tsx,
  // NAME_ROOM), its top held where it is while the name arrives.
  'aside :first-child{grid-area:1/1;align-self:start}aside:after{grid-area:1/1;content:attr(data-r);visibility:hidden}' +
  // The move to the top edge is a transform: a change of top and bottom is a layout shift (~0.37 on a
  // phone when a page's script moves focus under the banner), a transform is none. Under CSS `zoom`, `dvh` is
  // zoomed as every length here is, and the viewport's height is 100dvh over that zoom (`--z`, offer-banner.tsx).
  '.u{transform:translateY(calc(2em + 100% - 100dvh/var(--z,1)))}' +
  '@keyframes i{from{transform:translateY(1em)}}' +
  '@media (prefers-reduced-motion:reduce){*{animation:none!important}}' +
  // On paper a fixed banner is printed over the content of every page, its button with it.
  '@media print{aside{display:none}}';

/**
 * The last sheet built, and the document it was built for. A constructed sheet can be adopted only in the
 * document it was made in, and an element moved to another (adoptNode into a same-origin frame, a print
 * frame, Document Picture-in-Picture) loses it, in there and back: the element adopts again on each
 * connect, a sheet its document's window makes. One sheet, not one per document (~28 B less): elements
 * that take turns connecting in two documents build a sheet at each turn, which each of them is right to adopt.
 */
let sheet: CSSStyleSheet | undefined;
let sheetOf: Document | undefined;

/** A stylesheet that every widget's shadow root in `document` may adopt, built once while connects stay in it. */
export function widgetStyles(document: Document): CSSStyleSheet {
  if (sheetOf !== document) {
    sheetOf = document;
    sheet = new (document.defaultView as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet as CSSStyleSheet;
}
