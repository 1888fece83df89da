/**
 * The demo's port from `PORT`: `npm start` (start.mjs) checks it before half a minute of building,
 * and the server (examples/backend/src/main.ts) again when it is run on its own, with one message.
 * A port already taken gets one piece of advice from both: the next port, with the command as it was run
 * (and a data directory of its own when a running demo holds this one).
 */
import { relative } from 'node:path';

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

/**
 * The command that started the demo, to repeat in advice: `npm start` at the root, the backend's own
 * workspace script, or the script run with node (as the path was given, from the working directory).
 */
export function startCommand(env = process.env, argv = process.argv, execArgv = process.execArgv) {
  if (env.npm_lifecycle_event === 'start') {
    return env.npm_package_name === '@referkit/example-backend'
      ? 'npm start --workspace=@referkit/example-backend'
      : 'npm start';
  }
  return ['node', ...execArgv, relative(process.cwd(), argv[1] ?? '')].join(' ');
}

/**
 * The advice for a port already in use: another port, the next one, with the same command. When a
 * running demo holds the data directory too (most likely the one on the port), another port alone
 * would be refused next: `besideDir` is the directory to give the second demo, e.g. `.data/pglite-2`.
 */
export function otherPortHint(port, command = startCommand(), besideDir = null) {
  const next = `PORT=${port < 65535 ? port + 1 : port - 1} ${command}`;
  return besideDir
    ? `Stop the other demo, or start this one beside it with a port and a data directory of its own: REFERKIT_DATA_DIR=${besideDir} ${next}`
    : `Stop the other server or start on another port: ${next}`;
}
