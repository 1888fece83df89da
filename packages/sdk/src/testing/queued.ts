/** What an outbox holds, for tests: not part of the package's entry points. */
import type { KeyValueStore } from '../storage.js';

/** The event bodies stored in a client's outbox (`outbox:<event id>` keys). */
export const queued = (store: KeyValueStore): string[] =>
  store
    .keys()
    .filter((key) => key.startsWith('outbox:'))
    .map((key) => store.get(key) as string);
