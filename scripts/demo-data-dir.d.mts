/** Types for scripts/demo-data-dir.mjs, which the demo's server imports. */

/** PGlite's directory without `REFERKIT_DATA_DIR`: `.data/pglite` at the repository root. */
export const DEFAULT_DATA_DIR: string;

/** The directory's lock file, beside it. */
export function lockFileOf(dataDir: string): string;

/** The pid of another running process that holds the directory's lock, or null. */
export function dataDirOwner(dataDir: string): Promise<number | null>;

/** Why the directory cannot be used, and how to run a second demo beside the first. */
export function dataDirInUseMessage(dataDir: string, owner: number, env?: Record<string, string | undefined>): string;
