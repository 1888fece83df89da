// An older CommonJS backend: Node ≥ 20.19 loads the ESM-only packages through require(esm).
const events = require('@referkit/events');
const code = require('@referkit/events/code');
const signature = require('@referkit/events/signature');
const server = require('@referkit/sdk/server');

const parsed = events.parseEvent({ type: 'landing' });
process.stdout.write(
  JSON.stringify({
    normalized: code.normalizeCode(' alex 7hc2qk '),
    invalid: parsed.ok ? null : parsed.error.code,
    signs: typeof signature.signEvent,
    client: typeof server.createReferkit,
  }),
);
