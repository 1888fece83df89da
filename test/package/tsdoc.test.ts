import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedExports } from './undocumented-exports.js';

const packages = ['events', 'sdk', 'widget'];

describe('TSDoc coverage of the built declarations', () => {
  for (const name of packages) {
    it(`gives every export of @referkit/${name} a TSDoc sentence`, () => {
      const dist = fileURLToPath(new URL(`../../packages/${name}/dist`, import.meta.url));
      expect(existsSync(dist), `packages/${name}/dist is missing: run npm run build first`).toBe(true);
      expect(undocumentedExports(dist)).toEqual([]);
    });
  }
});
