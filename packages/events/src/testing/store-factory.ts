/** How the shared suites get a store of the kind under test, and give it back. */
import type { ReferralStore } from '../stores/store.js';

/** Makes a fresh, migrated store, and a function that removes what it created. */
export type StoreFactory = () => Promise<{ store: ReferralStore; cleanup(): Promise<void> }>;

/** Runs a test body on a fresh store of the factory's kind, and removes the store after it, whatever happens. */
export function storeRunner(fresh: StoreFactory) {
  return async function withStore<T>(run: (store: ReferralStore) => Promise<T>): Promise<T> {
    const { store, cleanup } = await fresh();
    try {
      return await run(store);
    } finally {
      await cleanup();
    }
  };
}
