/**
 * The `Idempotency-Key` header of `POST /api/orders`: one key per checkout attempt, so a repeated
 * POST (the answer was lost, the tab was closed, the shopper pressed again) gets the order already
 * placed instead of a second one. The header follows the IETF draft "The Idempotency-Key HTTP Header
 * Field" (draft-ietf-httpapi-idempotency-key-header): a Structured Field string, quoted, though the
 * bare form most clients send is taken too.
 */

/** The key as read from a request: absent (`null`), or why it cannot be used. */
export type IdempotencyKeyResult =
  | { ok: true; value: string | null }
  | { ok: false; error: { code: 'invalid_idempotency_key'; message: string } };

// 16 characters at least: a key is the only thing that ties a repeat to its order, so it must be
// too long to guess (a UUID, 21 nanoid characters, 32 hex digits all fit); 64 at most bounds the column.
const KEY = /^(?:"([\w-]{16,64})"|([\w-]{16,64}))$/;

/** Reads an `Idempotency-Key` header value; a request without one is placed as before, without the promise. */
export function readIdempotencyKey(header: string | undefined): IdempotencyKeyResult {
  if (header === undefined) return { ok: true, value: null };
  const match = KEY.exec(header.trim());
  if (!match)
    return {
      ok: false,
      error: {
        code: 'invalid_idempotency_key',
        message: 'Expected an Idempotency-Key of 16 to 64 letters, digits, "-" or "_", e.g. a UUID.',
      },
    };
  return { ok: true, value: (match[1] ?? match[2]) as string };
}
