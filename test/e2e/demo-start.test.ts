/**
 * `npm start`'s checks before it builds anything: a PORT that is not a port number gets the
 * server's own one-line message and a failing exit code, never a stack trace or "Port NaN".
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PORT, demoPort } from '../../scripts/demo-port.mjs';

const startScript = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
const mainScript = fileURLToPath(new URL('../../examples/backend/src/main.ts', import.meta.url));

/** Runs a script with PORT set; killed (with anything it started) if it goes on to build. */
function run(args: string[], port: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, PORT: port }, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const message = (port: string) =>
  `[referkit-demo] PORT="${port}" is not a port number. Use e.g. PORT=5174 npm start.\n`;

describe('npm start with a PORT that is not a port number', () => {
  // The default port taken, as by a demo already running: a bad PORT must not be read as that one.
  let busy: Server | undefined;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => {
      busy?.once('error', () => resolve());
      busy?.listen(DEFAULT_PORT, '127.0.0.1', () => resolve());
    });
  });
  afterAll(() => new Promise<void>((resolve) => (busy?.listening ? busy.close(() => resolve()) : resolve())));

  test.each(['70000', 'abc', '80.5', '-1', ' 80'])('refuses PORT=%j in one line, before building', async (port) => {
    const { code, stderr, stdout } = await run([startScript], port);
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: message(port), stdout: '' });
  });

  test('gives the same line when the server is run on its own', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], '70000');
    expect({ code, stderr }).toEqual({ code: 1, stderr: message('70000') });
  });
});

describe('demoPort', () => {
  test('reads no PORT or an empty one as the default port, and 0 as "pick a free one"', () => {
    expect([demoPort(undefined), demoPort(''), demoPort('0'), demoPort('65535')]).toEqual([
      { ok: true, value: DEFAULT_PORT },
      { ok: true, value: DEFAULT_PORT },
      { ok: true, value: 0 },
      { ok: true, value: 65535 },
    ]);
  });
});
