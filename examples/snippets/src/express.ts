// README: the receiver in Express. The signature covers the raw bytes, so take the body raw, whatever its
// type (Express 4 skips a Content-Type it cannot parse, such as `application/json;`; the receiver judges it):
//   app.post('/api/referrals/events', express.raw({ type: () => true }), referralEvents);
// (Typed against node:http, which Express's request and response extend.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { receive } from './receiver.js';

export async function referralEvents(req: IncomingMessage & { body?: Buffer }, res: ServerResponse): Promise<void> {
  const answer = await receive.handle({ method: req.method, headers: req.headers, body: req.body });
  // answer.headers: what the answer must carry, such as `allow: POST` on a 405.
  res
    .writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json' })
    .end(JSON.stringify(answer.body));
}
