#!/usr/bin/env node
/**
 * `npm run lint:packages`: publint and Are The Types Wrong? over each package as npm would pack it
 * (build first). Exits 1 when either finds anything.
 *
 * attw runs with the `esm-only` profile: the packages are ESM only, and CommonJS callers use
 * Node's require(esm) (Node ≥ 20.19, the packages' `engines`). attw's own TypeScript (5.6) predates
 * TypeScript's support for require(esm) and would report every entry as "ESM (dynamic import only)"
 * from CommonJS; each package's README says so, and test/package proves that require() works.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The published packages, by folder under packages/. */
export const packages = ['events', 'sdk', 'widget'];

function run(command, args) {
  return new Promise((resolve) => {
    const options = { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 };
    execFile(command, args, options, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** publint in strict mode (warnings fail too) over one package folder. */
export function publint(name) {
  return run(bin('publint'), [join('packages', name), '--strict']);
}

// `referkit.js` is a classic script for a <script> tag, exported so tools can find the file; it is
// not a module, so it has no types to check.
const notModules = { widget: ['./referkit.js'] };

/** Are The Types Wrong? over the packed tarball of one package folder, ESM-only profile. */
export function attw(name) {
  const exclude = notModules[name] ? ['--exclude-entrypoints', ...notModules[name]] : [];
  return run(bin('attw'), ['--pack', join('packages', name), '--profile', 'esm-only', '--format', 'ascii', ...exclude]);
}

/** Both checks over every package, all at once: they spend most of their time waiting on `npm pack`. */
export function lintPackages() {
  return Promise.all(
    packages.flatMap((name) => [
      publint(name).then((result) => ({ tool: 'publint', name, ...result })),
      attw(name).then((result) => ({ tool: 'attw', name, ...result })),
    ]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await lintPackages();
  for (const result of results) {
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.tool} packages/${result.name}`);
    if (!result.ok) console.log(result.output);
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}
