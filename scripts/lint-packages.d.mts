/** What one check printed, and whether it passed. */
export interface CheckResult {
  ok: boolean;
  output: string;
}

/** The published packages, by folder under packages/. */
export const packages: readonly string[];

/** publint in strict mode (warnings fail too) over one package folder. */
export function publint(name: string): CheckResult;

/** Are The Types Wrong? over the packed tarball of one package folder, ESM-only profile. */
export function attw(name: string): CheckResult;
