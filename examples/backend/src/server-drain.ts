/**
 * Stopping an HTTP server without cutting what it accepted: it takes no new connection, closes the
 * idle keep-alive ones, lets each request in flight finish and answers it with `Connection: close` (so
 * its client sends nothing more down that connection), and only cuts what is left after a deadline.
 * Node's `server.close()` alone does the first two, but answers in-flight requests `keep-alive` and then
 * waits out each connection's keep-alive timeout; `closeAllConnections()` cuts requests mid-answer,
 * which leaves an order placed or a redemption recorded whose client never hears so.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Stops `server` gently; see {@link drainable}. */
export type DrainServer = (
  /** How long requests in flight may take to finish before their connections are cut; 0 cuts them now. */
  deadlineMs: number,
) => Promise<void>;

/** Tracks `server`'s requests in flight, and returns how to stop it once they are answered. */
export function drainable(server: Server): DrainServer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A request that arrived down a connection already open when the stop began is the last on it.
    if (draining) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    // An answer whose headers went out `keep-alive` before the stop: its connection is ended once it
    // is sent (a FIN, not a reset, which could drop its last bytes), not at the deadline.
    const { socket } = request;
    response.once('finish', () => {
      if (draining) socket.end();
    });
  });
  let stopped: Promise<void> | undefined;
  return (deadlineMs) => {
    stopped ??= new Promise<void>((resolve) => {
      draining = true;
      // Set before the answer is written, the header makes Node end the connection after it; the
      // app's own headers are merged over it, and none of its answers sets another `Connection`.
      for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
      // Fires once every connection is gone: idle ones now, busy ones as their answer ends them.
      let cut: NodeJS.Timeout | undefined;
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
      cut = setTimeout(() => server.closeAllConnections(), deadlineMs);
    });
    return stopped;
  };
}
