import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The published packages, as npm names and folders under packages/. */
export const publishedPackages = [
  { name: '@referkit/events', folder: 'events' },
  { name: '@referkit/sdk', folder: 'sdk' },
  { name: '@referkit/widget', folder: 'widget' },
] as const;

/** A fresh project outside the repository with the packed tarballs installed, as a user would have it. */
export interface PackedProject {
  /** The project folder (in the OS temp folder). */
  dir: string;
  /** Runs a command in the project folder and returns what it printed. */
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): SpawnSyncReturns<string>;
  /** Deletes the project and the tarballs. */
  remove(): void;
}

/**
 * npm passes its own settings to scripts as `npm_*` variables; a child npm would read them as its
 * configuration (workspace, prefix, …) and install into the repository instead of the project.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.has(key)));
  return { ...env, NO_COLOR: '1', ...extra };
}

function check(result: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * Packs each package as `npm publish` would (so only `files` ship), then installs the tarballs and
 * the peer Preact into a new project in the OS temp folder, from npm's local cache where it can.
 * The packages must be built (`npm run build`); a missing dist is built first.
 */
export function createPackedProject(): PackedProject {
  const missing = publishedPackages.filter((pkg) => !existsSync(join(repoRoot, 'packages', pkg.folder, 'dist')));
  if (missing.length > 0) {
    check(spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', env: cleanEnv() }), 'npm run build');
  }

  const base = mkdtempSync(join(tmpdir(), 'referkit-package-'));
  const packs = join(base, 'packs');
  const dir = join(base, 'project');
  mkdirSync(packs);
  mkdirSync(dir);

  const tarballs = publishedPackages.map((pkg) => {
    const packed = check(
      spawnSync('npm', ['pack', '--json', '--pack-destination', packs], {
        cwd: join(repoRoot, 'packages', pkg.folder),
        encoding: 'utf8',
        env: cleanEnv(),
      }),
      `npm pack ${pkg.name}`,
    );
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    return join(packs, filename);
  });

  // The versions the repository tests with, so the install is served from npm's cache: Preact (the
  // widget's peer), its server renderer (the widget README renders on a server) and Node's types (the
  // README examples are Node code).
  const versionOf = (name: string) =>
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'referkit-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  cpSync(fileURLToPath(new URL('./consumer', import.meta.url)), dir, { recursive: true });

  const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
    spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: cleanEnv(env), timeout: 120_000 });
  check(
    run('npm', [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
      ...tarballs,
      `preact@${versionOf('preact')}`,
      `preact-render-to-string@${versionOf('preact-render-to-string')}`,
      `@types/node@${versionOf('@types/node')}`,
    ]),
    'npm install of the tarballs',
  );
  return { dir, run, remove: () => rmSync(base, { recursive: true, force: true }) };
}
