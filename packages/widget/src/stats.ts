/** Reading the brand's public answers (typed in `@referkit/events`: `PublicCode`, `AmbassadorPublicStats`). */
import { normalizeCode } from '@referkit/events/code';
import { misconfigured } from './log.js';

/**
 * Fetches the brand's JSON answer about `code` (normalised), resolving to `undefined` for any
 * failure: the widget shows less rather than an error when the backend has nothing to say. `null`
 * when it says the code is not one of its own (`error.code` `unknown_code`): an answer, not a failure.
 */
export async function getJson<T>(url: string, code: string): Promise<T | null | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) return body?.error?.code === 'unknown_code' ? null : undefined;
    // Both answers name the code they are about and the ambassador: an answer about another code (a
    // cache keyed wrongly) would show another ambassador's name or progress as this code's, and a
    // name that is not text would throw in render. Either is a bad answer, said once.
    const wrong =
      normalizeCode(body.code ?? code) !== code
        ? `it is about ${body.code}`
        : typeof (body.displayName ?? '') !== 'string' && 'its displayName is not text';
    if (!wrong) return body as T;
    misconfigured(`read ${url}`, wrong, `Answer about ${code}, with displayName as text.`);
  } catch {}
}
