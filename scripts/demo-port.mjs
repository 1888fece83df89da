/**
 * The demo's port from `PORT`: `npm start` (start.mjs) checks it before half a minute of building,
 * and the server (examples/backend/src/main.ts) again when it is run on its own, with one message.
 */

/** The port the demo listens on without `PORT`. */
export const DEFAULT_PORT = 5173;

/** `PORT` as a port number (0 picks a free one; unset or empty is the default), or why it is not one. */
export function demoPort(value) {
  // Digits only: Number() would read ' 80 ' as 80 and '1e3' as 1000.
  const port = !value ? DEFAULT_PORT : /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (port <= 65535) return { ok: true, value: port };
  return {
    ok: false,
    error: {
      code: 'invalid_port',
      message: `PORT="${value}" is not a port number. Use e.g. PORT=5174 npm start.`,
    },
  };
}
