/** Types for size.config.mjs. */
export interface SizeEntry {
  name: string;
  /** A source module bundled alone with esbuild. */
  entry?: string;
  /** A built file measured as it is. */
  file?: string;
  exports?: string[];
  format?: 'esm' | 'iife';
  /** The bytes this entry may not exceed: `npm run size` and the bundle test fail past it. */
  brotli: number;
  /**
   * The size the issue promises, where the budget is above it: printed beside the budget so that the
   * table never reads "ok" for an entry that is still over its promise, without failing the build on it.
   */
  target?: number;
  forbid?: string[];
  alias?: Record<string, string>;
  external?: string[];
}

declare const entries: SizeEntry[];
export default entries;
