/** Types for scripts/demo-serving.mjs, which the demo's server imports. */

/** Notes this process as a demo serving the built files; answers the function that takes the note back. */
export function noteServing(): Promise<() => Promise<void>>;

/** The pid of another running demo that serves the built files, when they are all there, or null. */
export function servingDemo(): Promise<number | null>;
