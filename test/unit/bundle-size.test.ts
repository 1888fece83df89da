import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/size.mjs';
import entries from '../../size.config.mjs';

describe('browser bundles', () => {
  for (const entry of entries) {
    it(`keeps ${entry.name} within ${entry.brotli} B brotli and free of ${entry.forbid?.join(', ') || 'nothing'}`, async () => {
      const size = await measure(entry);
      expect(size.forbidden).toEqual([]);
      expect(size.brotli).toBeLessThanOrEqual(entry.brotli);
    });
  }
});
