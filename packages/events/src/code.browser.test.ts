import { describe, expect, it } from 'vitest';
import { mintCode, normalizeCode } from './code.js';
import { parseEvent } from './parse-event.js';
import { aRedemption } from './testing/fixtures.js';

describe('the contract in Chromium', () => {
  it('normalises a code typed with full-width characters', () => {
    expect(normalizeCode('ａｌｅｘ ７ｈｃ２ｑｋ')).toBe('ALEX-7HC2QK');
  });

  it('mints codes with the browser crypto', () => {
    const code = mintCode('Alex');
    expect(normalizeCode(code)).toBe(code);
  });

  it('parses a redemption and rejects a bad discount with its path', () => {
    const event = aRedemption();
    expect(parseEvent(event).ok).toBe(true);
    const bad = parseEvent({ ...event, order: { ...event.order, discount: 899.5 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues[0]?.path).toEqual(['order', 'discount']);
  });
});
