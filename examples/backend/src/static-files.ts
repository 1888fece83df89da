/** Serves files from a directory: a fixed set of types, no directory listing, no way out of the root. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The file a URL path names under `root`, or null for one that cannot be decoded or leaves `root`. */
function fileUnder(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** A file's bytes and content type, or null when it is missing or outside `root`. */
export async function readStatic(root: string, path: string): Promise<{ body: Uint8Array; type: string } | null> {
  const file = fileUnder(root, path);
  const type = file && TYPES[extname(file)];
  if (!file || !type) return null;
  try {
    return { body: await readFile(file), type };
  } catch {
    return null;
  }
}

/** A build the files come from: the file that is there once it ran, and how to run it. */
export interface StaticBuild {
  /** e.g. `index.html`, relative to the root */
  entry: string;
  /** e.g. "Run `npm start` to build the checkout." */
  hint: string;
}

/**
 * What a 404 for `path` under `root` says: the build's hint only when the build itself is missing
 * and the path is one it could make. A path that is mistyped, or tries to leave the root, is plainly
 * not found, built or not: telling its sender to build would be wrong, and would say how the server
 * is laid out.
 */
export function notFoundText(root: string, path: string, build?: StaticBuild): string {
  return build && fileUnder(root, path) && !existsSync(join(root, build.entry)) ? build.hint : 'Not found';
}
