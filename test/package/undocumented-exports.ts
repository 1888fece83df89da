import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DECLARATION =
  /^export (?:declare )?(?:abstract )?(?:function|const|let|var|class|interface|type|enum|namespace) (\w+)/;

/**
 * Names of the exported declarations in a folder of `.d.ts` files that carry no TSDoc comment,
 * as `file: name`. Reads what `tsc` emitted: top-level statements start at column 0 and keep their
 * `/** … *\/` comment on the lines right above. Re-exports (`export { … } from`) are skipped: the
 * declaration they point to is checked in its own file. An overloaded function counts as documented
 * when any of its signatures is.
 */
export function undocumentedExports(dist: string): string[] {
  const missing: string[] = [];
  for (const file of declarationFiles(dist)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const documented = new Map<string, boolean>();
    lines.forEach((line, index) => {
      const name = DECLARATION.exec(line)?.[1];
      if (!name) return;
      const previous = lines[index - 1]?.trimEnd() ?? '';
      documented.set(name, (documented.get(name) ?? false) || previous.endsWith('*/'));
    });
    for (const [name, hasDoc] of documented) if (!hasDoc) missing.push(`${relative(dist, file)}: ${name}`);
  }
  return missing;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
