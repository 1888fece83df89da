/**
 * The demo's signing secret from `REFERKIT_WEBHOOK_SECRET`: `npm start` (start.mjs) checks it before
 * building, and the server (examples/backend/src/main.ts) again when it is run on its own, with one
 * message. The rule is the receiver's (`secretBytes` in @referkit/events), with the `whsec_` prefix
 * required; it is written out here because start.mjs runs before the packages are built.
 */

/** The fewest bytes a secret may decode to (the receiver's `MIN_SECRET_BYTES`). */
const MIN_SECRET_BYTES = 24;

/** `REFERKIT_WEBHOOK_SECRET` (unset or empty: none, so the demo makes one per start), or why it is not a secret. */
export function demoSecret(value) {
  if (!value) return { ok: true, value: undefined };
  const encoded = value.startsWith('whsec_') ? value.slice('whsec_'.length) : undefined;
  const bytes =
    encoded && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 === 0
      ? Buffer.from(encoded, 'base64').length
      : undefined;
  if (bytes !== undefined && bytes >= MIN_SECRET_BYTES) return { ok: true, value };
  // The value itself is never printed: it is meant to be a secret.
  const why =
    encoded === undefined
      ? 'it does not start with whsec_'
      : bytes === undefined
        ? 'what follows whsec_ is not base64'
        : `it decodes to ${bytes} bytes, fewer than ${MIN_SECRET_BYTES}`;
  return {
    ok: false,
    error: {
      code: 'invalid_secret',
      message: `REFERKIT_WEBHOOK_SECRET is not a webhook secret: ${why}. Set it to whsec_ followed by the base64 of at least ${MIN_SECRET_BYTES} random bytes, e.g. node -p "'whsec_'+require('crypto').randomBytes(32).toString('base64')", or unset it for a new one per start.`,
    },
  };
}
