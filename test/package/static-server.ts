import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** What the stand-in brand API answers for the one code the pages use. */
export const ALEX = {
  code: 'ALEX-7HC2QK',
  displayName: 'Alex',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  firstOrderOnly: true,
};

/** A served folder on 127.0.0.1 (free port) plus the brand's `/api`, and the events posted to it. */
export interface StaticServer {
  origin: string;
  posted: unknown[];
  close(): Promise<void>;
}

/**
 * Serves `root` as static files and answers the brand API the widget calls: `GET /api/codes/{code}`
 * and `POST /api/referrals/events` (recorded in `posted`).
 */
export async function serveFolder(root: string): Promise<StaticServer> {
  const posted: unknown[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (request.method === 'POST' && url.pathname === '/api/referrals/events') {
        let body = '';
        for await (const chunk of request) body += chunk;
        posted.push(JSON.parse(body));
        response.writeHead(201, { 'content-type': 'application/json' }).end('{"status":"recorded"}');
      } else if (url.pathname === `/api/codes/${ALEX.code}`) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ALEX));
      } else if (url.pathname.startsWith('/api/codes/')) {
        response
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"code":"unknown_code","message":"No such code."}}');
      } else {
        response.writeHead(404).end();
      }
      return;
    }
    const file = join(root, normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    posted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
