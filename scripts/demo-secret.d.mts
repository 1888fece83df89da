/** Types for scripts/demo-secret.mjs, which the demo's server imports. */

/** `REFERKIT_WEBHOOK_SECRET` (unset or empty: none, so the demo makes one per start), or why it is not a secret. */
export function demoSecret(
  value: string | undefined,
): { ok: true; value: string | undefined } | { ok: false; error: { code: 'invalid_secret'; message: string } };
