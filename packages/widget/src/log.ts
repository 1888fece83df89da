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

/**
 * Why a part of the script build (a chunk, a catalogue) did not load, and the fix, as `misconfigured`'s
 * last two arguments. The parts are modules, loaded with `import()`, which the browser fetches with CORS:
 * beside a referkit.js on another origin (a CDN), one is refused unless its host sends
 * `Access-Control-Allow-Origin`. A missing file is the other likely cause.
 */
export const partNotLoaded = (file: string): [why: string, fix: string] => [
  `${file} did not load (missing, or blocked by CORS)`,
  'Serve it beside referkit.js, with CORS from another origin.',
];

/**
 * Why terms could not be put in words (`offer-text.ts` throws saying which amount, kind or type), and the
 * fix, as `misconfigured`'s last two arguments: the same whether init refused them or an element's paint did.
 */
export const notWorded = (error: unknown): [why: string, fix: string] => [
  String((error as Error)?.message ?? error),
  'Check currency, friendOffer, minimumOrder and ambassadorReward in the terms.',
];
