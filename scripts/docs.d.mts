/** One published entry point: the specifier users import and the source file behind it. */
export interface PublicEntry {
  specifier: string;
  source: string;
}

/** Every JavaScript entry that the packages' `exports` maps publish. */
export function publicEntries(): PublicEntry[];
