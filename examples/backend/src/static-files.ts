/** Serves files from a directory: a fixed set of types, no directory listing, no way out of the root. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** A file as it is sent: its bytes, its type and its validators (conditional-get.ts). */
export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** A strong entity tag: a hash of the bytes, so a rebuild that changes nothing keeps it. */
  etag: string;
  /** When the file last changed, in milliseconds since the epoch, never later than when it was read. */
  lastModified: number;
}

/** A file's bytes, type and validators, or null when it is missing or outside `root`. */
export async function readStatic(root: string, path: string): Promise<StaticFile | null> {
  const file = fileUnder(root, path);
  const type = file && TYPES[extname(file)];
  if (!file || !type) return null;
  try {
    // Read on every request, so an edit shows on the next reload; the stat and the bytes from one
    // open file, so that they describe the same file even while a build replaces it.
    const handle = await open(file);
    try {
      const [body, stat] = await Promise.all([handle.readFile(), handle.stat()]);
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      // A clock set back, or a file copied in with a date ahead, must not be sent as changed in the
      // future (RFC 9110 §8.8.2.1): a later If-Modified-Since would then match every change until then.
      return { body, type, etag, lastModified: Math.min(stat.mtimeMs, Date.now()) };
    } finally {
      await handle.close();
    }
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
