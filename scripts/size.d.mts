/** Types for scripts/size.mjs, which the bundle-size test imports. */
import type { SizeEntry } from '../size.config.mjs';

export interface Size {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
  budget: number;
  forbidden: string[];
}

/** Bundles one entry and returns its sizes and any forbidden identifiers found in it. */
export function measure(entry: SizeEntry): Promise<Size>;
