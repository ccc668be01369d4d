/** The reactive half of `storage.ts` (runes need a `.svelte.ts` module). */

/**
 * Why the last write to the device failed: its storage is full, a newer version of the app in
 * another tab upgraded the database (this page must reload), or something else went wrong.
 */
export interface StorageProblem {
	kind: 'full' | 'outdated' | 'failed';
	/** The browser's own message, for whoever helps the student. */
	detail: string;
}

class StorageState {
	problem = $state<StorageProblem | undefined>();
	/** The browser's answer to `navigator.storage.persist()`; undefined until asked. */
	persisted = $state<boolean | undefined>();
}

export const storageState = new StorageState();
