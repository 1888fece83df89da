/** Types for size.config.mjs. */
export interface SizeEntry {
  name: string;
  /** A source module bundled alone with esbuild. */
  entry?: string;
  /** A built file measured as it is. */
  file?: string;
  exports?: string[];
  format?: 'esm' | 'iife';
  brotli: number;
  forbid?: string[];
  alias?: Record<string, string>;
  external?: string[];
}

declare const entries: SizeEntry[];
export default entries;
