/** The HTML shell shared by the server-rendered pages: one stylesheet, no inline script or style. */
import { html, type SafeHtml } from './html.js';

/** Wraps a body in the demo's document shell. */
export function page({ title, body }: { title: string; body: SafeHtml }): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/tea-tin.svg" type="image/svg+xml">
<link rel="stylesheet" href="/storefront.css">
</head>
<body>
${body}
</body>
</html>`;
}
