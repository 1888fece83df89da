/**
 * The self-registering entry, and the only module with side effects: it replays the page's
 * queued `Referkit(…)` calls, then defines the elements, so that they render at once with the setup.
 * It is also the entry of the one-file script `referkit.js`. On a server (SSR) it does nothing.
 */
import { defineElements } from './elements.js';
import { installLoader } from './loader.js';

// Re-exported so that this entry's declarations load the loader's, whose `declare global` types the
// `Referkit` this entry installs for a page that imports nothing else of the package.
export type { ReferkitCommand } from './loader.js';

if (typeof customElements !== 'undefined') {
  installLoader();
  defineElements();
}
