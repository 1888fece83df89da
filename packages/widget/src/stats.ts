/** Reading the brand's public answers (typed in `@referkit/events`: `PublicCode`, `AmbassadorPublicStats`). */
/**
 * Fetches JSON from the brand's endpoint, resolving to `undefined` for any failure: the widget
 * shows less rather than an error when the backend has nothing to say.
 */
export async function getJson<T>(url: string): Promise<T | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return response.ok ? ((await response.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}
