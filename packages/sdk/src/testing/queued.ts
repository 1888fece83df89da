/** What an outbox holds, and bodies to fill one with, for tests: not part of the package's entry points. */
import type { KeyValueStore } from '../storage.js';

/** The event bodies stored in a client's outbox (`outbox:<event id> <events URL>` keys). */
export const queued = (store: KeyValueStore): string[] =>
  store
    .keys()
    .filter((key) => key.startsWith('outbox:'))
    .map((key) => store.get(key) as string);

/** A share event's body with the given id, as an outbox stores it. */
export const aShareBody = (id: string): string =>
  JSON.stringify({
    v: 1,
    id,
    type: 'share',
    program: 'spring-2026',
    code: 'ALEX-7HC2QK',
    occurredAt: '2026-11-22T10:00:00.000Z',
    channel: 'x',
  });
