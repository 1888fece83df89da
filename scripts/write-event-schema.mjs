#!/usr/bin/env node
/** Writes packages/events/schema/event.schema.json from the built `eventJsonSchema` (run after build). */
import { writeFileSync } from 'node:fs';
import { eventJsonSchema } from '../packages/events/dist/json-schema.js';

const file = new URL('../packages/events/schema/event.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(eventJsonSchema, null, 2)}\n`);
console.log(`Wrote ${file.pathname.split('/').slice(-3).join('/')}`);
