#!/usr/bin/env node
/**
 * What the bytes of `referkit.js` go to: bundles it as the build does, with a metafile, and prints the
 * minified bytes per part (Preact, SDK, events/code, each widget file) with each part's standalone
 * brotli size. Run after changing anything that ships in the script: `node scripts/size-breakdown.mjs`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { preactTrim } from './preact-trim.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const lazy = {
  name: 'referkit-script-lazy',
  setup(plugin) {
    plugin.onResolve({ filter: /(^|\/)lazy\.js$/ }, () => ({ path: `${root}src/lazy-script.ts` }));
  },
};
const result = await build({
  entryPoints: [`${root}src/register.ts`],
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  // JSX as the build compiles it: classic `h(...)` calls through the bundle's own createElement.
  tsconfigRaw: { compilerOptions: { target: 'ES2022', verbatimModuleSyntax: true, jsx: 'react', jsxFactory: 'h' } },
  inject: [`${root}scripts/jsx-runtime.js`],
  legalComments: 'none',
  mangleProps: /^_[a-z]/i,
  plugins: [lazy, preactTrim],
});
const [output] = Object.values(result.metafile.outputs);
const group = (input) =>
  input.includes('node_modules/preact')
    ? 'preact'
    : input.includes('packages/sdk/')
      ? 'sdk'
      : input.includes('packages/events/')
        ? 'events/code'
        : input.replace(/^.*packages\/widget\//, 'widget ');
const parts = new Map();
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  parts.set(group(input), (parts.get(group(input)) ?? 0) + bytesInOutput);
}
const built = await readFile(`${root}dist/referkit.js`, 'utf8').catch(() => result.outputFiles[0].text);
const total = brotli(built);
const raw = Buffer.byteLength(built);
console.table(
  [...parts]
    .sort((a, b) => b[1] - a[1])
    .map(([part, bytes]) => ({ part, minified: bytes, 'share of brotli ≈': Math.round((bytes / raw) * total) })),
);
console.log(`referkit.js: ${raw} B minified, ${total} B brotli`);
