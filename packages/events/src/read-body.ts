/** Reading a request body under a byte limit and a deadline, so that no body can hang or flood the receiver. */

/**
 * A body as signatures and the receiver read it: text or bytes (an ArrayBuffer, or any view of one such
 * as a Buffer or a DataView, is viewed as its bytes, and no body is an empty one); `null` for anything
 * else, such as a value a body parser made.
 */
export function rawBytes(body: unknown): string | Uint8Array | null {
  if (body === undefined || body === null || typeof body === 'string') return body ?? '';
  // Told apart by their internal slots, not `instanceof`, which fails for bytes made in another realm: a
  // vm context (Jest's environments), or Node's streams under vitest's jsdom, whose Uint8Array and
  // ArrayBuffer globals are jsdom's window's.
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return Object.prototype.toString.call(body) === '[object ArrayBuffer]' ? new Uint8Array(body as ArrayBuffer) : null;
}

/**
 * Reads a body, counting bytes as they arrive: a lying Content-Length or an endless stream stops at the limit.
 * `consumed` when something read or locked the body first (a framework's middleware that parsed it):
 * `getReader()` would throw, and the bytes the signature covers are gone.
 */
export async function readBody(
  request: Request,
  limit: number,
  timeoutMs: number,
): Promise<Uint8Array | 'too_large' | 'timeout' | 'unreadable' | 'consumed'> {
  if (request.bodyUsed || request.body?.locked) return 'consumed';
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const chunk = await Promise.race([reader.read(), timeout]);
      if (chunk === 'timeout') {
        reader.cancel().catch(() => {});
        return 'timeout';
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return 'too_large';
      }
      chunks.push(chunk.value);
    }
  } catch {
    return 'unreadable';
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Whether a body passes the limit, encoding a string only when its length leaves it in doubt. */
export function exceeds(body: string | Uint8Array, limit: number): boolean {
  if (typeof body !== 'string') return body.byteLength > limit;
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit (4 per surrogate pair).
  if (body.length > limit) return true;
  if (body.length * 3 <= limit) return false;
  return utf8Length(body) > limit;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
