/** The widget's only console output: one line per distinct misconfiguration, never a throw. */

const said = new Set<string>();

/**
 * Logs `[referkit] Could not {what}: {why}. {fix}` once per distinct line, so a problem repeated by
 * many elements or re-renders still reads as one line.
 * @example misconfigured('show the share panel', 'the code attribute is missing', 'Set code="ALEX-7HC2QK".')
 */
export function misconfigured(what: string, why: string, fix: string): void {
  const line = `[referkit] Could not ${what}: ${why}. ${fix}`;
  if (said.has(line)) return;
  said.add(line);
  console.warn(line);
}
