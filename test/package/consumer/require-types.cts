// The same CommonJS backend in TypeScript: `import … = require` of the ESM-only package type-checks
// under `module: nodenext` (TypeScript ≥ 5.8 models Node's require(esm)).
import events = require('@referkit/events');

const normalized: string | null = events.normalizeCode(' alex 7hc2qk ');
export = normalized;
