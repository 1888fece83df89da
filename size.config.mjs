/**
 * Byte budgets per browser entry, measured by `npm run size` and enforced by
 * `test/unit/bundle-size.test.ts`. Each entry is bundled and minified alone with esbuild.
 * `forbid`: identifiers that must never appear in the bundle text (zod must never reach a browser).
 */
export default [
  // What the browser packages import from events: normalising codes people type or links carry.
  {
    name: '@referkit/events/code (normalizeCode)',
    entry: 'packages/events/src/code.ts',
    exports: ['normalizeCode'],
    brotli: 400,
    forbid: ['zod', 'ZodError', '$ZodType', 'getRandomValues'],
  },
  // The whole module: nanoid's customAlphabet alone is ~226 B brotli, so minting (a backend job)
  // gets its own budget rather than squeezing the code browsers actually load.
  {
    name: '@referkit/events/code (whole)',
    entry: 'packages/events/src/code.ts',
    brotli: 560,
    forbid: ['zod', 'ZodError', '$ZodType'],
  },
  // What a checkout pays for createReferkit: capture, attribution, consent storage, outbox and redeem.
  {
    name: '@referkit/sdk (createReferkit: capture + redeem)',
    entry: 'packages/sdk/src/client.ts',
    exports: ['createReferkit'],
    brotli: 1500,
    forbid: ['zod'],
  },
];
