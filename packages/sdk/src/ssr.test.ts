import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

describe('server-side rendering', () => {
  // The built module in a plain Node process, where any touch of a browser global during import throws; then a
  // client is made without them, as during server rendering.
  it.runIf(existsSync(`${dist}index.js`))(
    'imports the built entries in Node without touching window, document or storage',
    () => {
      const script = `
      for (const name of ['window', 'document', 'localStorage', 'location', 'history', 'navigator']) {
        Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error('touched ' + name + ' at import'); } });
      }
      const sdk = await import(${JSON.stringify(`${dist}index.js`)});
      await import(${JSON.stringify(`${dist}server.js`)});
      for (const name of ['window', 'document', 'localStorage', 'location', 'history', 'navigator']) delete globalThis[name];
      const client = sdk.createReferkit({ program: 'spring-2026', endpoint: 'https://shop.example/api' });
      process.stdout.write(JSON.stringify({ exports: Object.keys(sdk).length, referral: client.referral() }));
    `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ exports: expect.any(Number), referral: null });
    },
  );
});
