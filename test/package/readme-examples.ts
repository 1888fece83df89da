import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced TypeScript block from a package README. */
export interface ReadmeExample {
  /** A file name for it: `events-1.ts`. */
  file: string;
  /** Whether the block is marked `ts run`: then the package test runs it, not only type-checks it. */
  runnable: boolean;
  code: string;
}

const FENCE = /^```(ts|typescript)((?:[ \t]+\S+)*)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

/**
 * The TypeScript examples of `packages/<folder>/README.md`: every block fenced as ```ts is
 * type-checked against the installed tarballs; blocks fenced as ```ts run are also run with Node.
 */
export function readmeExamples(repoRoot: string, folder: string): ReadmeExample[] {
  const readme = readFileSync(join(repoRoot, 'packages', folder, 'README.md'), 'utf8');
  return [...readme.matchAll(FENCE)].map((match, index) => ({
    file: `${folder}-${index + 1}.ts`,
    runnable: (match[2] ?? '').split(/\s+/).includes('run'),
    code: match[3] ?? '',
  }));
}
