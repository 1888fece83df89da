import { describe, expect, it } from 'vitest';
import { qrPath } from './qr.js';

describe('qrPath', () => {
  it('draws a version 4 code for a typical share link, quiet zone included', () => {
    // 48 bytes at ECC M need version 4 (33 modules, up to 62 bytes); 4 modules of quiet zone each side make 41.
    expect(qrPath('https://shop.example/p?ref=ALEX-7HC2QK&rk_ch=qr').size).toBe(41);
  });

  it('starts the finder pattern just inside the quiet zone', () => {
    const { d } = qrPath('https://shop.example/?ref=ALEX-7HC2QK');
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true);
    expect(d).not.toContain('M3 3h1');
  });

  it('draws different codes for different links', () => {
    expect(qrPath('https://shop.example/?ref=ALEX-7HC2QK').d).not.toBe(
      qrPath('https://shop.example/?ref=SAM-7HC2QK').d,
    );
  });
});
