/**
 * What has focus, however deep in open shadow roots: the document's `activeElement` stops at a root's host.
 * `null` only in a document without a body. Shared by the banner, which moves off what has focus, and the
 * clipboard fallback, which gives focus back.
 */
export const focusedElement = (): Element | null => {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
};
