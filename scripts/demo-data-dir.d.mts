/** Types for scripts/demo-data-dir.mjs, which the demo's server imports. */

/** PGlite's directory without `REFERKIT_DATA_DIR`: `.data/pglite` at the repository root. */
export const DEFAULT_DATA_DIR: string;

/** The directory's lock file, beside it. */
export function lockFileOf(dataDir: string): string;

/** The pid of another running process that holds the directory's lock, or null. */
export function dataDirOwner(dataDir: string): Promise<number | null>;

/** The PGlite directory the environment names (none with DATABASE_URL) when another running demo holds it, or null. */
export function heldDataDir(
  env?: Record<string, string | undefined>,
): Promise<{ dataDir: string; owner: number } | null>;

/** The directory to suggest for a second demo beside the one holding `dataDir`, e.g. `.data/pglite-2`. */
export function dataDirBeside(dataDir: string): string;

/** Why the directory cannot be used, and how to run a second demo beside the first. */
export function dataDirInUseMessage(dataDir: string, owner: number, env?: Record<string, string | undefined>): string;
