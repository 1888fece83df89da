/**
 * A running demo serves this checkout's built files (the widget's `dist/`, the checkout's), and a build
 * deletes `dist/` before it writes it again: for a second or so the running demo answers 404 for
 * `referkit.js`. So the server notes its pid in `.data/serving/` while it runs
 * (examples/backend/src/main.ts), and `npm start` (start.mjs) does not build under one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isRunning } from './demo-data-dir.mjs';

const root = new URL('../', import.meta.url);

/** Where the notes are: one empty file per serving demo, named by its pid. */
const SERVING_DIR = fileURLToPath(new URL('.data/serving/', root));

/** What `npm start` builds and a demo needs: with one missing, there is nothing whole to keep serving. */
const BUILT_ENTRIES = [
  'packages/events/dist/index.js',
  'packages/sdk/dist/index.js',
  'packages/widget/dist/referkit.js',
  'examples/checkout/dist/index.html',
  'examples/checkout/dist/thanks.html',
].map((path) => fileURLToPath(new URL(path, root)));

/** Notes this process as a demo serving the built files; answers the function that takes the note back. */
export async function noteServing() {
  const note = `${SERVING_DIR}${process.pid}`;
  await mkdir(SERVING_DIR, { recursive: true });
  await writeFile(note, '');
  return () => rm(note, { force: true });
}

/**
 * The pid of another running demo that serves the built files, when they are all there (a build would
 * take them from under it), or null. A note left by a demo that is gone (killed) is no one's.
 */
export async function servingDemo() {
  if (!BUILT_ENTRIES.every((entry) => existsSync(entry))) return null;
  const pids = (await readdir(SERVING_DIR).catch(() => [])).map(Number);
  return pids.find((pid) => pid && pid !== process.pid && isRunning(pid)) ?? null;
}
