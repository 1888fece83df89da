/** What one check printed, and whether it passed. */
export interface CheckResult {
  ok: boolean;
  output: string;
}

/** The published packages, by folder under packages/. */
export const packages: readonly string[];

/** publint in strict mode (warnings fail too) over one package folder. */
export function publint(name: string): Promise<CheckResult>;

/** Are The Types Wrong? over the packed tarball of one package folder, ESM-only profile. */
export function attw(name: string): Promise<CheckResult>;

/** Both checks over every package, all at once. */
export function lintPackages(): Promise<(CheckResult & { tool: 'publint' | 'attw'; name: string })[]>;
