/**
 * The widget's stylesheet, adopted into each shadow root as a constructable stylesheet, so that no
 * `<style>` element or `style` attribute exists for a strict `style-src 'self'` CSP to block.
 * Theme with the custom properties below on the element or any ancestor:
 * `--referkit-accent`, `--referkit-accent-text`, `--referkit-radius`, `--referkit-font`,
 * `--referkit-surface`, `--referkit-text`, `--referkit-muted` (and `-dark` variants of the colours).
 */

// Kept terse by hand: it ships inside the 9,000 B budget. Logical properties (inline/block) make RTL free.
// Default colours pass WCAG AA contrast on both schemes (accent #0b57d0 on white is 6.6:1, #a8c7fa on #1b1b1f is 10:1).
const css = `
:host{--a:var(--referkit-accent,#0b57d0);--at:var(--referkit-accent-text,#fff);--bg:var(--referkit-surface,#fff);
--fg:var(--referkit-text,#1b1b1f);--m:var(--referkit-muted,#5c5c66);--r:var(--referkit-radius,10px);
display:block;font:1rem/1.45 var(--referkit-font,system-ui,sans-serif);color:var(--fg)}
@media (prefers-color-scheme:dark){:host{--a:var(--referkit-accent-dark,#a8c7fa);--at:var(--referkit-accent-text-dark,#0a1a33);
--bg:var(--referkit-surface-dark,#1b1b1f);--fg:var(--referkit-text-dark,#e6e6ea);--m:var(--referkit-muted-dark,#b4b4be)}}
*{box-sizing:border-box;font:inherit;color:inherit;margin:0}
.panel,.banner{background:var(--bg);border:1px solid var(--m);border-radius:var(--r);padding:1rem;display:grid;gap:.6rem}
h2{font-size:1.25rem;font-weight:700}h3{font-weight:700}
.offer{font-size:1.1rem}
.row,.channels{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;padding:0;list-style:none}
input,textarea{flex:1 1 14rem;min-width:0;padding:.5rem;border:1px solid var(--m);border-radius:calc(var(--r)/2);background:var(--bg)}
textarea{inline-size:100%;resize:vertical}
button,.channels a{cursor:pointer;display:inline-block;padding:.5rem .9rem;border-radius:calc(var(--r)/2);
border:1px solid var(--a);background:var(--bg);color:var(--fg);text-decoration:none}
.primary{background:var(--a);color:var(--at)}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.note,.status{color:var(--m);font-size:.9rem}
.status:empty{display:none}
.qr{background:#fff;color:#000;padding:12px;inline-size:200px;border-radius:calc(var(--r)/2)}
.qr svg{display:block;inline-size:100%;block-size:auto}
.stats{display:grid;gap:.3rem;border-block-start:1px solid var(--m);padding-block-start:.6rem}
.bar{block-size:.6rem;border:1px solid var(--m);border-radius:.3rem;overflow:hidden}
.bar i{display:block;block-size:100%;inline-size:calc(var(--p,0)*100%);background:var(--a)}
.banner{position:fixed;inset-inline:1rem;inset-block-end:1rem;margin-inline:auto;max-inline-size:34rem;z-index:2147483000;
grid-template-columns:1fr auto;align-items:center;box-shadow:0 4px 20px #0004;animation:rk-in .25s ease-out}
.banner p+p{color:var(--m);font-size:.9rem}
.banner button{grid-row:span 2;grid-column:2}
@keyframes rk-in{from{transform:translateY(1rem)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

let sheet: CSSStyleSheet | undefined;

/** The shared stylesheet, built once and adopted by every widget's shadow root. */
export function widgetStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
