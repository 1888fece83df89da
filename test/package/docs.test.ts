import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicEntries } from '../../scripts/docs.mjs';
import { cleanEnv, repoRoot } from './packed-project.js';

describe('npm run docs', () => {
  const out = mkdtempSync(join(tmpdir(), 'referkit-docs-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes an API reference page for every published entry point', () => {
    const result = spawnSync(process.execPath, ['scripts/docs.mjs', '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: cleanEnv(),
      timeout: 180_000,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const specifiers = publicEntries().map((entry) => entry.specifier);
    expect(specifiers).toEqual(expect.arrayContaining(['@referkit/events', '@referkit/sdk', '@referkit/widget']));
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const specifier of specifiers) {
      expect(index).toContain(specifier);
      expect(existsSync(join(out, 'modules', `${specifier.replace(/[@/]/g, '_')}.html`)), specifier).toBe(true);
    }
  });
});
