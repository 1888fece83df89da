/**
 * PGlite's data directory belongs to one process: a second demo on it would corrupt it. The server
 * locks it when it opens the database (examples/backend/src/database.ts) with a lock file beside it
 * that holds its pid; `npm start` (start.mjs) reads that lock before building, because a build under
 * a running demo replaces the very files it serves. Both say the same thing when it is taken.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCommand } from './demo-port.mjs';

/** PGlite's directory without `REFERKIT_DATA_DIR`: `.data/pglite` at the repository root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pglite/', import.meta.url));

/** The directory's lock file, beside it: deleting the directory to start over leaves a live lock alone. */
export function lockFileOf(dataDir) {
  return `${dataDir.replace(/[\\/]+$/, '')}.lock`;
}

/** The pid of another running process that holds the directory's lock, or null (a lock left by a process that is gone is no one's). */
export async function dataDirOwner(dataDir) {
  const owner = Number(await readFile(lockFileOf(dataDir), 'utf8').catch(() => ''));
  return owner && owner !== process.pid && isRunning(owner) ? owner : null;
}

/** The PGlite directory `env` names (none with DATABASE_URL) when another running demo holds it: the directory and its owner's pid, or null. */
export async function heldDataDir(env = process.env) {
  if (env.DATABASE_URL) return null;
  const dataDir = resolve(env.REFERKIT_DATA_DIR || DEFAULT_DATA_DIR);
  const owner = await dataDirOwner(dataDir);
  return owner ? { dataDir, owner } : null;
}

/** The directory to suggest for a second demo beside the one holding `dataDir`, as typed from the working directory. */
export function dataDirBeside(dataDir) {
  return `${relative(process.cwd(), dataDir) || '.'}-2`;
}

/** Why the directory cannot be used, and how to run a second demo beside the first. */
export function dataDirInUseMessage(dataDir, owner, env = process.env) {
  const shown = relative(process.cwd(), dataDir) || '.';
  const port = env.PORT ? ` PORT=${env.PORT}` : '';
  return `${shown} is in use by another demo (pid ${owner}). Stop it, or give this one a data directory of its own: REFERKIT_DATA_DIR=${dataDirBeside(dataDir)}${port} ${startCommand(env)}`;
}

/** Whether a process with this pid is running (whoever's it is). */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error.code === 'EPERM';
  }
}
