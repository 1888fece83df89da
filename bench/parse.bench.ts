/**
 * parseEvent against an ajv validator compiled from eventJsonSchema, on the same generated
 * redemptions, side by side. The goal: parseEvent at least as fast as ajv.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { eventJsonSchema, eventSchema, parseEvent } from '../packages/events/src/index.js';
import { redemptionArb } from '../test/support/event-arbitraries.js';
import { compare } from './measure.js';

const events = fc.sample(redemptionArb, { numRuns: 1000, seed: 42 });
const ajv = new Ajv2020({ validateFormats: false, strict: false });
const validate = ajv.compile(eventJsonSchema);

console.log(`${events.length} generated redemption events, each parsed in turn`);
compare([
  { name: 'ajv (compiled JSON Schema)', run: (i) => validate(events[i % events.length]) },
  { name: 'parseEvent', run: (i) => parseEvent(events[i % events.length]).ok },
  { name: 'eventSchema.safeParse (zod alone)', run: (i) => eventSchema.safeParse(events[i % events.length]).success },
]);
