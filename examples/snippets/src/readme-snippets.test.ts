/**
 * The README's integration snippets are these files, word for word: `<!-- snippet: path -->` before a
 * code block means the block is the whole file; `<!-- snippet-lines: path -->` means every line of the
 * block is a line of the file. The files are compiled by the typecheck and the storefront runs in the
 * demo journey, so what the README shows is what is tested.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const marked = [...readme.matchAll(/<!-- (snippet|snippet-lines): (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(
  ([, kind, path, block]) => ({ kind, path: path as string, block: block as string }),
);

describe('the README snippets', () => {
  test('cover the script tag, the checkout import and the receiver in Hono, Express and Next.js', () => {
    expect(marked.map((snippet) => snippet.path)).toEqual(
      expect.arrayContaining([
        'examples/storefront/index.html',
        'examples/storefront/storefront.js',
        'examples/snippets/src/checkout.ts',
        'examples/snippets/src/receiver.ts',
        'examples/snippets/src/hono.ts',
        'examples/snippets/src/express.ts',
        'examples/snippets/src/next-route.ts',
      ]),
    );
  });

  test.each(marked)('shows $path as it is ($kind)', ({ kind, path, block }) => {
    const file = readFileSync(new URL(path, root), 'utf8');
    if (kind === 'snippet') {
      expect(block).toBe(file.trimEnd());
    } else {
      const lines = new Set(file.split('\n').map((line) => line.trim()));
      expect(block.split('\n').filter((line) => !lines.has(line.trim()))).toEqual([]);
    }
  });
});
