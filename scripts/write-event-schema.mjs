#!/usr/bin/env node
/** Writes packages/events/schema/event.schema.json from `eventJsonSchema`: `node --import tsx scripts/write-event-schema.mjs`. */
import { writeFileSync } from 'node:fs';
import { eventJsonSchema } from '../packages/events/src/json-schema.ts';

const file = new URL('../packages/events/schema/event.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(eventJsonSchema, null, 2)}\n`);
console.log(`Wrote ${file.pathname.split('/').slice(-3).join('/')}`);
