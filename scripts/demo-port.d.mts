/** Types for scripts/demo-port.mjs, which the demo's server imports. */

/** The port the demo listens on without `PORT`. */
export const DEFAULT_PORT: number;

/** `PORT` as a port number (0 picks a free one; unset or empty is the default), or why it is not one. */
export function demoPort(
  value: string | undefined,
): { ok: true; value: number } | { ok: false; error: { code: 'invalid_port'; message: string } };

/** The command that started the demo, to repeat in advice (`npm start`, the workspace script, or node). */
export function startCommand(env?: Record<string, string | undefined>, argv?: string[], execArgv?: string[]): string;

/** The advice for a port already in use: the next port, with the same command, and `besideDir` as REFERKIT_DATA_DIR when given. */
export function otherPortHint(port: number, command?: string, besideDir?: string | null): string;
