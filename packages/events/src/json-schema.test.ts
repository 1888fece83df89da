import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventArb } from '../../../test/support/event-arbitraries.js';
import { eventJsonSchema } from './json-schema.js';
import { parseEvent } from './parse-event.js';

const committed = JSON.parse(readFileSync(new URL('../schema/event.schema.json', import.meta.url), 'utf8'));

/** ajv compiled from the JSON Schema, taught the one cross-field keyword JSON Schema cannot say. */
function compileAjv() {
  // Formats are left to the patterns the schema carries, which say the same thing exactly.
  const ajv = new Ajv2020({ allErrors: false, validateFormats: false, strict: true });
  ajv.addKeyword({
    keyword: 'x-referkit-max-of',
    type: 'object',
    schemaType: 'object',
    validate: (limits: Record<string, string>, data: Record<string, unknown>) =>
      Object.entries(limits).every(([key, limit]) => {
        const value = data[key];
        const max = data[limit];
        return typeof value !== 'number' || typeof max !== 'number' || value <= max;
      }),
  });
  return ajv.compile(eventJsonSchema);
}

const jsonValue = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }), fc.constant(2 ** 53), fc.constant(-1), fc.constant(1.5), fc.constant('XBT'),
  fc.constant([]), fc.constant({}), fc.constant('2026-11-22T10:00:00Z'), fc.constant('ALEX-7HC2QO'),
);

/** A valid event, then one of: nothing, a key removed, a value replaced, a key added, deep in the object. */
const mutatedEventArb = fc
  .tuple(eventArb, fc.nat(), fc.nat(), fc.constantFrom('keep', 'delete', 'replace', 'add'), jsonValue)
  .map(([event, pick, pickInner, action, value]) => {
    const copy = structuredClone(event) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length] as string;
    let target = copy;
    let targetKey = key;
    const inner = copy[key];
    if (inner && typeof inner === 'object' && pickInner % 2 === 0) {
      target = inner as Record<string, unknown>;
      const innerKeys = Object.keys(target);
      targetKey = innerKeys[pickInner % innerKeys.length] ?? 'extra';
    }
    if (action === 'delete') delete target[targetKey];
    if (action === 'replace') target[targetKey] = value;
    if (action === 'add') target[`x${pickInner % 3}`] = value;
    return copy;
  });

describe('eventJsonSchema', () => {
  it('is JSON Schema 2020-12', () => {
    expect(eventJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('matches the committed schema file (run scripts/write-event-schema.mjs after a change)', () => {
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
