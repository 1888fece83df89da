/**
 * Copies text to the clipboard: the Clipboard API first, then the older selection and
 * `execCommand('copy')` where the API is missing or refused (insecure origins, old WebViews).
 */
import { focusedElement } from './focused-element.js';

/** Resolves to true when the text reached the clipboard; never rejects. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // A hidden, read-only textarea outside any shadow root: selections inside one are not copied everywhere.
    // Selecting it takes focus, which goes back where it was (however deep in shadow roots), so a
    // keyboard user's next key still reaches the button they pressed.
    const focused = focusedElement();
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.setAttribute('aria-hidden', 'true');
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
      (focused as HTMLElement | null)?.focus();
    }
  }
}
