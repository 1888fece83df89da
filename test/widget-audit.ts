/**
 * The accessibility audit the widget's axe tests run in every engine (Chromium, Firefox, WebKit): axe-core's
 * WCAG 2.2 AA rules over both elements, and what passing means. The audit runs in the page, which can use
 * nothing of a test file's scope: each driver hands it these as arguments.
 */
import { expect } from 'vitest';

/** What axe looks at: the two elements, shadow roots and all. */
export const AUDITED = { include: [['referkit-share'], ['referkit-offer']] };

/** Which of axe's rules: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_AA = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };

/** axe's result, as far as a test reads it. */
export interface AxeResult {
  violations: { id: string; nodes: { target: unknown[] }[] }[];
  passes: { id: string }[];
}

/**
 * Fails on any violation, each named by its rule and the elements it found, and unless the audit really
 * looked at the widgets: colour contrast, button names and labels checked and passed.
 */
export function expectAccessible({ violations, passes }: AxeResult): void {
  expect(violations.map(({ id, nodes }) => `${id}: ${JSON.stringify(nodes.map((node) => node.target))}`)).toEqual([]);
  expect(passes.map((pass) => pass.id)).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label']));
}
