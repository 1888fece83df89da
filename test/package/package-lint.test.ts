import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, lintPackages, packages } from '../../scripts/lint-packages.mjs';

// The same checks as `npm run lint:packages`, run together once, then asserted per package and tool.
describe('what npm would publish', () => {
  let results: Awaited<ReturnType<typeof lintPackages>>;
  const resultOf = (tool: string, name: string): CheckResult => {
    const result = results.find((entry) => entry.tool === tool && entry.name === name);
    if (!result) throw new Error(`no ${tool} result for ${name}`);
    return result;
  };

  beforeAll(async () => {
    results = await lintPackages();
  });

  for (const name of packages) {
    it(`passes publint for @referkit/${name} with no warnings`, () => {
      const result = resultOf('publint', name);
      expect(result.output).not.toMatch(/Errors:|Warnings:/);
      expect(result.ok, result.output).toBe(true);
    });

    it(`passes Are The Types Wrong? for @referkit/${name} (ESM-only profile)`, () => {
      const result = resultOf('attw', name);
      expect(result.ok, result.output).toBe(true);
    });
  }
});
