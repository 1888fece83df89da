#!/usr/bin/env node
/**
 * `npm start`: builds the packages and the checkout, then runs the demo backend
 * (examples/backend/src/main.ts) until Ctrl-C. Beside a demo running from this checkout it builds
 * nothing (demo-serving.mjs). Signals are passed to the server, which closes its port and database
 * before exiting; this script exits with its code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dataDirBeside, dataDirInUseMessage, heldDataDir } from './demo-data-dir.mjs';
import { demoPort, otherPortHint } from './demo-port.mjs';
import { demoPublicUrl } from './demo-public-url.mjs';
import { demoSecret } from './demo-secret.mjs';
import { servingDemo } from './demo-serving.mjs';

// A PORT that is not a port, a taken one, a signing secret or public address that is not one, or a
// data directory a running demo holds, is known in a millisecond; say so before half a minute of
// building. (The server checks them again, in case another process takes the port or the directory
// in between.)
const asked = demoPort(process.env.PORT);
const secret = demoSecret(process.env.REFERKIT_WEBHOOK_SECRET);
const publicUrl = demoPublicUrl(process.env.PUBLIC_URL);
for (const setting of [asked, secret, publicUrl]) {
  if (!setting.ok) {
    console.error(`[referkit-demo] ${setting.error.message}`);
    process.exit(1);
  }
}
const port = asked.value;
// PGlite's directory held by a running demo: two demos cannot share it.
const held = await heldDataDir();
const taken = await new Promise((resolve) => {
  const probe = createServer();
  probe.once('error', (error) => resolve(error.code === 'EADDRINUSE'));
  probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
});
if (taken) {
  const hint = otherPortHint(port, undefined, held && dataDirBeside(held.dataDir));
  console.error(`[referkit-demo] Port ${port} on 127.0.0.1 is already in use. ${hint}`);
  process.exit(1);
}
if (held) {
  console.error(`[referkit-demo] Could not start: ${dataDirInUseMessage(held.dataDir, held.owner)}`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const serving = await servingDemo();
if (serving) {
  console.log(
    `[referkit-demo] Not building: the demo running from this checkout (pid ${serving}) serves its built files, which a build would take away from it for a moment. This one starts on them as they are; stop the other to build afresh.`,
  );
}
const steps = serving
  ? []
  : [
      ['Building @referkit/events, @referkit/sdk and @referkit/widget', ['run', '--silent', 'build']],
      ['Building the checkout (Vite)', ['run', '--silent', 'build', '--workspace=@referkit/example-checkout']],
    ];
for (const [title, args] of steps) {
  console.log(`[referkit-demo] ${title}…`);
  const step = spawnSync(npm, args, { stdio: 'inherit' });
  if (step.status !== 0) {
    console.error(
      `[referkit-demo] Could not start: \`npm ${args.join(' ')}\` failed (exit ${step.status ?? step.signal}). Its errors are above.`,
    );
    process.exit(step.status ?? 1);
  }
}

const main = fileURLToPath(new URL('../examples/backend/src/main.ts', import.meta.url));
const server = spawn(process.execPath, ['--import', 'tsx', main], { stdio: 'inherit' });
// Ctrl-C reaches the server too (same process group); a SIGTERM sent to this script alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signal === 'SIGTERM') server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
