/**
 * The endpoint setting read where there is no document: an app's setup module that calls `init` while
 * it is rendered on a server. A path is a path there too, not "not a path".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settingsHaveTheirTypes } from './setting-types.js';

afterEach(() => vi.restoreAllMocks());

describe('settingsHaveTheirTypes without a document (server rendering)', () => {
  it.each(['/api', 'https://brand.example/api'])('takes the endpoint %s without a line', (endpoint) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(globalThis.document).toBeUndefined();
    expect(settingsHaveTheirTypes({ endpoint }, 'Fix it in init.')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('still refuses a scheme fetch cannot use, with its line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(settingsHaveTheirTypes({ endpoint: 'javascript:alert(1)' }, 'Fix it in init.')).toBe(false);
    expect(warn.mock.calls).toEqual([
      [
        '[referkit] Could not use the setting endpoint: "javascript:alert(1)" is not a path or an http(s) address. Fix it in init.',
      ],
    ]);
    warn.mockClear();
  });
});
