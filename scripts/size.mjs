#!/usr/bin/env node
/**
 * `npm run size`: bundles each browser entry of size.config.mjs alone (minified, for the browser),
 * prints raw, gzip and brotli bytes against its budget (and against the issue's promise where that is
 * tighter), and exits 1 when a budget or a forbidden identifier is broken.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import entries from '../size.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles one entry and returns its sizes and any forbidden identifiers found in it. */
export async function measure(entry) {
  let text;
  if (entry.file) {
    text = await readFile(new URL(entry.file, `file://${root}/`), 'utf8');
  } else {
    // Importing only the named exports lets tree-shaking show what a user of them pays.
    const names = entry.exports ? `{ ${entry.exports.join(', ')} }` : '*';
    const contents = entry.exports
      ? `export ${names} from ${JSON.stringify(`./${entry.entry}`)};`
      : `export * from ${JSON.stringify(`./${entry.entry}`)};`;
    const result = await build({
      stdin: { contents, resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      write: false,
      format: entry.format ?? 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      alias: entry.alias,
      external: entry.external,
      logLevel: 'silent',
    });
    text = result.outputFiles[0].text;
  }
  const bytes = Buffer.from(text);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return {
    name: entry.name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli,
    budget: entry.brotli,
    target: entry.target,
    forbidden: (entry.forbid ?? []).filter((word) => text.includes(word)),
  };
}

/** How the entry stands against the issue's promise, where one is tighter than its budget. */
function promised({ brotli, target }) {
  if (target === undefined) return '';
  return brotli <= target ? `within ${target}` : `${(brotli / target).toFixed(2)}× the ${target} promised`;
}

async function main() {
  let failed = false;
  const rows = [];
  for (const entry of entries) {
    const size = await measure(entry);
    const over = size.brotli > size.budget;
    failed ||= over || size.forbidden.length > 0;
    rows.push({
      entry: size.name,
      raw: size.raw,
      gzip: size.gzip,
      brotli: size.brotli,
      budget: size.budget,
      used: `${Math.round((size.brotli / size.budget) * 100)}%`,
      verdict: over ? 'OVER BUDGET' : size.forbidden.length ? `FORBIDDEN: ${size.forbidden.join(', ')}` : 'ok',
      promise: promised(size),
    });
  }
  console.table(rows);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
