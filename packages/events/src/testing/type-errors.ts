/** Compiles this package's type tests as a consumer's strictest project would, and reads one file's errors. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * What `tsc` says of `testFile` (an `import.meta.url`) compiled with `tsconfig.types.json`, which turns
 * `exactOptionalPropertyTypes` on. Only the file's own errors are kept: a consumer sees the declarations,
 * not how the package's function bodies type-check under a flag they are not written for. `checked` is
 * false when the file was not part of the compilation, so that a test of nothing cannot pass.
 */
export function typeErrorsIn(testFile: string): { checked: boolean; errors: string[]; stderr: string } {
  const path = fileURLToPath(testFile);
  const run = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', 'packages/events/tsconfig.types.json', '--listFiles'], {
    cwd: root,
    encoding: 'utf8',
  });
  const lines = run.stdout.split('\n');
  const relative = path.slice(root.length);
  return {
    checked: lines.includes(path),
    errors: lines.filter((line) => line.startsWith(`${relative}(`)),
    stderr: run.stderr,
  };
}
