/**
 * The answer to a GET or HEAD of a static file: the file with how long it may be cached, `304 Not
 * Modified` to a client that holds it already (conditional-get.ts), or a 404 that says what to build.
 */
import { notModified } from './conditional-get.js';
import { HTML_HEADERS } from './html-headers.js';
import { notFoundText, readStatic, type StaticBuild } from './static-files.js';

// Vite names its built assets after a hash of their content: one never changes under its name.
const HASHED_ASSET = /\/assets\/.+-[\w-]{8}\./;

/** Answers `request` with the file at `path` under `root`; `build` says how to make a missing one. */
export async function staticAnswer(
  request: Request,
  root: string,
  path: string,
  build?: StaticBuild,
): Promise<Response> {
  const file = await readStatic(root, path);
  if (!file)
    return new Response(notFoundText(root, path, build), {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const headers = new Headers(
    file.type.startsWith('text/html')
      ? HTML_HEADERS
      : { 'content-type': file.type, 'x-content-type-options': 'nosniff' },
  );
  // Everything but a hashed asset is revalidated on each use, so an edit shows on the next reload;
  // the validators make that a 304 of a few hundred bytes while the file is unchanged.
  headers.set('cache-control', HASHED_ASSET.test(request.url) ? 'public, max-age=31536000, immutable' : 'no-cache');
  headers.set('etag', file.etag);
  headers.set('last-modified', new Date(file.lastModified).toUTCString());
  if (notModified(request.headers, file)) {
    // A 304 carries what a cache updates its copy's headers from, not the body's type (RFC 9110 §15.4.5).
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  // A HEAD is answered from this same body, which Hono drops once its length is counted (head-length.ts).
  return new Response(file.body as BodyInit, { headers });
}
