/** The event contract as JSON Schema (2020-12), for backends written in other languages. */
import { z } from 'zod';
import { eventSchema } from './event.js';

/**
 * JSON Schema 2020-12 of {@link eventSchema}; also shipped as `schema/event.schema.json`.
 * Cross-field rules are carried in `x-referkit-*` keywords that other validators may implement.
 */
export const eventJsonSchema = z.toJSONSchema(eventSchema, { target: 'draft-2020-12', io: 'input' });
