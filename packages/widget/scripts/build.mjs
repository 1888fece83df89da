#!/usr/bin/env node
/**
 * Builds the script-tag files from one list: `referkit.js` (IIFE: Preact, the SDK and English inside)
 * and the chunks it loads from beside itself on demand, `referkit-qr.js`, `referkit-progress.js` and `referkit-{language}.js`
 * (small ES modules). The ESM entries for bundlers are tsc's output (Preact stays a peer import).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify } from 'terser';
import { preactTrim } from './preact-trim.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Every catalogue file but the built-in English and the catalogue machinery is a lazily loaded language.
const languages = (await readdir(`${root}src/i18n`))
  .map((file) => /^([a-z]{2,3})\.ts$/.exec(file)?.[1])
  .filter((language) => language && language !== 'en');

/** One line per output file: its entry, its name in dist, its format, and for those with JSX the module giving `h`. */
const outputs = [
  { entry: 'src/register.ts', file: 'referkit.js', format: 'iife', jsx: 'scripts/jsx-runtime.js' },
  { entry: 'src/qr.ts', file: 'referkit-qr.js', format: 'esm' },
  { entry: 'scripts/progress-chunk.js', file: 'referkit-progress.js', format: 'esm', jsx: 'scripts/jsx-chunk.js' },
  ...languages.map((language) => ({
    entry: `src/i18n/${language}.ts`,
    file: `referkit-${language}.js`,
    format: 'esm',
  })),
];

/** In the script build, lazy parts load from URLs beside the script rather than through a bundler's chunks. */
const scriptLazy = {
  name: 'referkit-script-lazy',
  setup(plugin) {
    plugin.onResolve({ filter: /(^|\/)lazy\.js$/ }, ({ path, resolveDir }) =>
      resolve(resolveDir, path) === `${root}src/lazy.js` ? { path: `${root}src/lazy-script.ts` } : undefined,
    );
  },
};

/** Evaluates a catalogue module at build time. */
async function evaluate(file) {
  const bundled = await build({ entryPoints: [file], bundle: true, write: false, format: 'esm', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}

/**
 * A catalogue's text as its chunk ships it: `null` where it is English's (the loader fills it in from
 * English), and a plural text without the forms that say what its `other` says (`plural` reads `other`
 * for a missing form).
 */
function shipped(text, english) {
  if (text === undefined || JSON.stringify(text) === JSON.stringify(english)) return null;
  if (typeof text === 'string') return text;
  return Object.fromEntries(Object.entries(text).filter(([form, words]) => form === 'other' || words !== text.other));
}

/**
 * Catalogue chunks ship as arrays in English's key order: without the key names each fits 600 B brotli.
 * `lazy-script.ts` reads them by English's keys; tsc's ESM output keeps the objects, which `lazy.ts` reads.
 */
const catalogueArray = {
  name: 'referkit-catalogue-array',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]i18n[\\/][a-z]{2,3}\.ts$/ }, async ({ path }) => {
      if (path.endsWith('/en.ts')) return undefined;
      const [{ en }, { default: catalogue }] = await Promise.all([evaluate(`${root}src/i18n/en.ts`), evaluate(path)]);
      const values = Object.keys(en).map((key) => shipped(catalogue[key], en[key]));
      // Texts left to English at the end ship as nothing rather than nulls: an array that ends early reads the same.
      while (values.at(-1) === null) values.pop();
      return { contents: `export default ${JSON.stringify(values)};`, loader: 'js' };
    });
  },
};

/**
 * Catalogue keys that only referkit.js's own code reads, each by name: the script's English may use
 * one-letter names for them, as the other catalogues ship as arrays in English's key order (see
 * `catalogueArray`). Not here: keys read through a value (roles, reward types, email/sms, week/month),
 * keys the progress chunk reads (it is built apart), and keys that are also a placeholder or another
 * object's property (`offer`, `code`, `link`, `message`, `share`, `dir`, `on`, `template`).
 */
const scriptOnlyTexts = [
  'both',
  'give',
  'off',
  'offFirst',
  'ship',
  'shipFirst',
  'minimum',
  'named',
  'friend',
  'dismiss',
  'invite',
  'copy',
  'copied',
  'copyFailed',
  'messageCopied',
  'messageNotCopied',
  'more',
  'qrShow',
  'qrHide',
  'qrLabel',
  'kept',
];

/**
 * Names of Preact's component API and option hooks that only code inside referkit.js reads: the
 * script carries its own whole Preact, its components are all in it, and the chunks that render
 * borrow its createElement without reading a vnode or a component (the progress block is a function
 * component, rendered by this Preact). No platform object has a member of these names (`state` is
 * left out: the SDK reads `history.state`; `key`, `ref`, `type` and `children` are left out: DOM nodes
 * and events have them). A second Preact on the page is a separate copy with its own names.
 */
const preactMembers = [
  'componentWillMount',
  'componentDidMount',
  'componentWillReceiveProps',
  'shouldComponentUpdate',
  'componentWillUpdate',
  'getSnapshotBeforeUpdate',
  'componentDidUpdate',
  'componentWillUnmount',
  'componentDidCatch',
  'getDerivedStateFromProps',
  'getDerivedStateFromError',
  'getChildContext',
  'render',
  'setState',
  'forceUpdate',
  'props',
  'context',
  'vnode',
  'diffed',
  'unmount',
  'debounceRendering',
];

// Members named `_like` are the components' and elements' own (never read from outside a bundle):
// one-letter names for them. In referkit.js also for the texts above (the chunks hold none of them),
// Preact's internal `__x` fields and the members above, for the same reason (−186 B brotli together).
const members = /^_[a-z]/i;
const scriptMembers = new RegExp(
  `^(_[a-zA-Z]|__[a-zA-Z]{1,2}$|(${[...scriptOnlyTexts, ...preactMembers].join('|')})$)`,
);

/**
 * Each output is built twice: minified into dist/ (what ships) and readable into build-dev/ (not
 * published). The browser tests run over both, as Preact runs its suite again on its minified build:
 * a minifier or property-mangling bug shows up as a test that passes on one and fails on the other.
 */
const variants = [
  { dir: 'dist', minify: true },
  { dir: 'build-dev', minify: false },
];

await Promise.all(
  variants.flatMap((variant) =>
    outputs.map(({ entry, file, format, jsx }) =>
      build({
        entryPoints: [`${root}${entry}`],
        outfile: `${root}${variant.dir}/${file}`,
        format,
        bundle: true,
        minify: variant.minify,
        target: 'es2022',
        platform: 'browser',
        // In the script build, JSX goes through Preact's createElement (the bundle's own, or for a chunk the
        // loader's) as classic `h(type, props, ...children)` calls: shorter than the automatic transform's
        // `jsx(type, { children: [...] })`, which spells `children` out at every element.
        // (tsconfig's `react-jsx` would win over the options, so the script build states its own).
        tsconfigRaw: {
          compilerOptions: { target: 'ES2022', verbatimModuleSyntax: true, jsx: 'react', jsxFactory: 'h' },
        },
        inject: jsx ? [`${root}${jsx}`] : [],
        legalComments: 'none',
        mangleProps: variant.minify ? (file === 'referkit.js' ? scriptMembers : members) : undefined,
        // Module chunks are always decoded as UTF-8, so their text need not be \u-escaped (Arabic shrinks by
        // two thirds); referkit.js is a classic script whose decoding follows the page, so it stays ASCII.
        charset: format === 'esm' ? 'utf8' : 'ascii',
        plugins: [scriptLazy, catalogueArray, ...(file === 'referkit.js' ? [preactTrim] : [])],
        logLevel: 'warning',
      }),
    ),
  ),
);

// A second pass over the shipped script with terser: its compressor finds ~270 B brotli more than
// esbuild's minifier alone (inlining and sequence folding across the bundled modules); a third
// compress pass ~16 B more, and passes beyond it nothing.
// A catalogue chunk is one array: `export default[…]` says it in ~20 B brotli less than esbuild's
// `var e=[…];export{e as default};`.
for (const language of languages) {
  const chunk = `${root}dist/referkit-${language}.js`;
  const text = await readFile(chunk, 'utf8');
  const array = /^var (\w+)=(\[.*\]);export\{\1 as default\};\n?$/s.exec(text);
  if (!array) throw new Error(`referkit-${language}.js is not one exported array`);
  await writeFile(chunk, `export default${array[2]};\n`);
}

const script = `${root}dist/referkit.js`;
const { code } = await minify(await readFile(script, 'utf8'), {
  ecma: 2020,
  compress: { passes: 3 },
  format: { ascii_only: true },
});
await writeFile(script, code);
