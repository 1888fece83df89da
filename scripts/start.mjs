#!/usr/bin/env node
/** `npm start`: builds the packages, then starts the demo backend (examples/backend). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = new URL('../examples/backend/src/main.ts', import.meta.url);
if (!existsSync(server)) {
  console.log('Built @referkit/events, @referkit/sdk and @referkit/widget into packages/*/dist. The demo is not here yet.');
  process.exit(0);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', server.pathname], { stdio: 'inherit' });
process.exit(run.status ?? 0);
