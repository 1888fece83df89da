import { describe, expect, it } from 'vitest';
import { attw, packages, publint } from '../../scripts/lint-packages.mjs';

// The same checks as `npm run lint:packages`, one test per package and tool, over the built dist.
describe('what npm would publish', () => {
  for (const name of packages) {
    it(`passes publint for @referkit/${name} with no warnings`, () => {
      const result = publint(name);
      expect(result.output).not.toMatch(/Errors:|Warnings:/);
      expect(result.ok).toBe(true);
    });

    it(`passes Are The Types Wrong? for @referkit/${name} (ESM-only profile)`, () => {
      const result = attw(name);
      expect(result.ok, result.output).toBe(true);
    });
  }
});
