/** The event contract as JSON Schema (2020-12), for backends written in other languages. */
import { z } from 'zod';
import { eventSchema } from './event.js';

/**
 * A pattern with each `\d` written as the ASCII digits it means in ECMA-262. Validators in other languages
 * run a schema's patterns with their own regular expressions, where `\d` matches any Unicode digit (Python's
 * `re`, .NET's): there `ALEX٣-7HC2QK` and an `occurredAt` in Arabic-Indic digits passed, which parseEvent
 * refuses. JSON Schema's portable subset of ECMA-262 (2020-12 core, §6.4) has no `\d`; ranges are portable.
 */
function asciiDigits(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') {
      const next = pattern[++at];
      out += next === 'd' ? (inClass ? '0-9' : '[0-9]') : `\\${next}`;
    } else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      out += char;
    }
  }
  return out;
}

/** The schema with every `pattern` made portable by {@link asciiDigits}. */
function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'pattern' && typeof value === 'string' ? asciiDigits(value) : portable(value),
    ]),
  );
}

/**
 * JSON Schema 2020-12 of {@link eventSchema}; also shipped as `schema/event.schema.json`. The contract
 * has no rule across fields, so any 2020-12 validator accepts exactly what `parseEvent` accepts.
 */
export const eventJsonSchema = portable(
  z.toJSONSchema(eventSchema, { target: 'draft-2020-12', io: 'input' }),
) as z.core.JSONSchema.JSONSchema;
