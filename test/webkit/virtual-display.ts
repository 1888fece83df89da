/**
 * An X display in memory (Xvfb) for WebKitGTK's MiniBrowser, which has no headless mode: it opens a real
 * window, and on a machine with no screen that window needs a display to open on.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

/** A running Xvfb and the `DISPLAY` its clients connect to (`:99`). */
export interface VirtualDisplay {
  display: string;
  close(): Promise<void>;
}

/**
 * Starts Xvfb on the first free display number. `-displayfd` has Xvfb choose the number and write it to
 * a pipe once it accepts clients, where a fixed `:99` collides with another run on the same machine;
 * `-nolisten tcp` keeps it to a local socket.
 * @param size The screen, `WIDTHxHEIGHTxDEPTH`.
 * @default '1280x1024x24', where the window MiniBrowser opens (1024×768) fits whole.
 */
export function startVirtualDisplay(size = '1280x1024x24'): Promise<VirtualDisplay> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', size], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let log = '';
  xvfb.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  // Gone once it exits, or when it never started (not installed): then no exit comes.
  const exited = new Promise<void>((resolve) => {
    xvfb.once('exit', () => resolve());
    xvfb.once('error', () => resolve());
  });
  const close = async () => {
    if (xvfb.exitCode === null && xvfb.signalCode === null) xvfb.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    let number = '';
    let started = false;
    const fail = (why: string) => {
      if (started) return;
      close().then(() => reject(new Error(`Could not start Xvfb: ${why}. Install Debian's xvfb.\n${log}`)));
    };
    xvfb.once('error', (error) => fail(error.message));
    xvfb.once('exit', (code, signal) => fail(`it exited (${signal ?? code})`));
    (xvfb.stdio[3] as Readable).on('data', (chunk) => {
      number += chunk;
      // The number is written whole, then a newline: the display accepts clients from then on.
      if (!number.endsWith('\n')) return;
      started = true;
      resolve({ display: `:${number.trim()}`, close });
    });
  });
}
