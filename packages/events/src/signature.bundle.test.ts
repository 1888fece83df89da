/** The signature module loads on any runtime: no zod, and no static import of node:crypto for edge bundlers to trip on. */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('@referkit/events/signature bundle', () => {
  it('bundles for the browser platform without zod or a node:crypto import', async () => {
    const result = await build({
      entryPoints: [new URL('./signature.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('verifySignature');
    expect(code).not.toMatch(/zod|from\s*["']node:crypto["']|require\(["'](?:node:)?crypto["']\)/);
  });
});
