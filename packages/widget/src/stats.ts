/** Reading the brand's public answers (typed in `@referkit/events`: `PublicCode`, `AmbassadorPublicStats`). */
/**
 * Fetches JSON from the brand's endpoint, resolving to `undefined` for any failure: the widget
 * shows less rather than an error when the backend has nothing to say. `null` when it says the
 * code is not one of its own (`error.code` `unknown_code`): an answer, not a failure.
 */
export async function getJson<T>(url: string): Promise<T | null | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const body = await response.json();
    return response.ok ? (body as T) : body?.error?.code === 'unknown_code' ? null : undefined;
  } catch {
    return undefined;
  }
}
