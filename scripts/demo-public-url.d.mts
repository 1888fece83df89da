/** Types for scripts/demo-public-url.mjs, which the demo's server imports. */

/** `PUBLIC_URL` as the origin a browser names in `Origin` (unset or empty: none), or why it is not one. */
export function demoPublicUrl(
  value: string | undefined,
): { ok: true; value: string | undefined } | { ok: false; error: { code: 'invalid_public_url'; message: string } };
