import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventArb, mutatedEventArb } from '../../../test/support/event-arbitraries.js';
import { eventJsonSchema } from './json-schema.js';
import { parseEvent } from './parse-event.js';

const committed = JSON.parse(readFileSync(new URL('../schema/event.schema.json', import.meta.url), 'utf8'));

/** ajv compiled from the JSON Schema as it is: no keyword of ours to teach it. */
function compileAjv() {
  // Formats are left to the patterns the schema carries, which say the same thing exactly.
  const ajv = new Ajv2020({ allErrors: false, validateFormats: false, strict: true });
  return ajv.compile(eventJsonSchema);
}

describe('eventJsonSchema', () => {
  it('is JSON Schema 2020-12', () => {
    expect(eventJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it("writes digits and word characters in its patterns as ranges, JSON Schema's portable subset, not as \\d or \\w", () => {
    // Python's and .NET's `\d` is any Unicode digit: with it, a code such as `ALEX٣-7HC2QK` passed there.
    const patterns: string[] = [];
    JSON.stringify(eventJsonSchema, (key, value) => {
      if (key === 'pattern') patterns.push(value);
      return value;
    });
    expect(patterns).toContain('^[A-Z0-9]{1,12}-[2-9A-HJKMNP-Z]{6}$');
    // A `\d` or `\w` escape: a backslash before `d` or `w` that is not itself escaped (Python's `\w` is any
    // Unicode letter: an event id `evt_ÄÖÜ…` passed there).
    for (const pattern of patterns) expect(pattern).not.toMatch(/(^|[^\\])(\\\\)*\\[dw]/);
  });

  it('matches the committed schema file (regenerate with scripts/write-event-schema.mjs)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(eventJsonSchema)));
  });

  it('accepts every generated valid event, as parseEvent does', () => {
    const validate = compileAjv();
    fc.assert(
      fc.property(eventArb, (event) => {
        expect(parseEvent(event).ok).toBe(true);
        expect(validate(event)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with parseEvent on accept or reject for thousands of mutated events', () => {
    const validate = compileAjv();
    let rejected = 0;
    fc.assert(
      fc.property(mutatedEventArb, (event) => {
        const zodSays = parseEvent(event).ok;
        if (!zodSays) rejected++;
        expect(validate(event), JSON.stringify(event)).toBe(zodSays);
      }),
      { numRuns: 5000 },
    );
    // The mutations must actually break events, or this test could not fail.
    expect(rejected).toBeGreaterThan(1000);
  });
});
