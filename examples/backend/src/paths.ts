/** Where the demo finds the files it serves, relative to this file so any working directory works. */
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The repository root; `.data/` lives here. */
export const repoRoot = at('../../../');
/** The storefront's static pages (script tag integration). */
export const storefrontDir = at('../../storefront/');
/** The checkout's Vite build output. */
export const checkoutDist = at('../../checkout/dist/');
/** The widget's one-file build, `referkit.js`. */
export const widgetDist = at('../../../packages/widget/dist/');
/** PGlite's data directory when neither a directory nor a URL is given (npm start checks the same one). */
export { DEFAULT_DATA_DIR as defaultDataDir } from '../../../scripts/demo-data-dir.mjs';
