/**
 * The device's storage: asking the browser to keep Qiraa's data (`navigator.storage.persist`),
 * how much is used, and the last failed write, which the banner shows (a lost answer is never
 * silent).
 */
import { onOutdated } from './device-db';
import { storageState, type StorageProblem } from './storage-state.svelte';

export type { StorageProblem };

export interface StorageUse {
	/** Bytes this origin uses. */
	usage: number;
	/** Bytes it may use. */
	quota: number;
}

let asking: Promise<boolean> | undefined;

/**
 * Asks the browser not to evict Qiraa's data under storage pressure; once a page is enough (the
 * answer does not change while it is open). Resolves to whether the data is persistent; false
 * where the browser cannot say.
 */
export function requestPersistence(): Promise<boolean> {
	asking ??= ask().then((granted) => {
		storageState.persisted = granted;
		return granted;
	});
	return asking;
}

async function ask(): Promise<boolean> {
	const storage = globalThis.navigator?.storage;
	if (!storage?.persist) return false;
	try {
		return (await storage.persisted()) || (await storage.persist());
	} catch {
		// Some browsers reject instead of answering no (e.g. in a private window): same meaning.
		return false;
	}
}

/** How much this origin stores and may store, where the browser tells. */
export async function storageUse(): Promise<StorageUse | undefined> {
	const estimate = await globalThis.navigator?.storage?.estimate?.();
	if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return undefined;
	return { usage: estimate.usage, quota: estimate.quota };
}

/** The last failed write to the device, for the banner; undefined when writes work. */
export const storageError = {
	get current(): StorageProblem | undefined {
		return storageState.problem;
	},
	/** Records a failed write (from a `catch`), so the banner shows it. */
	report(error: unknown): void {
		storageState.problem = describe(error);
	},
	/** Call after a write succeeds again. */
	clear(): void {
		storageState.problem = undefined;
	}
};

// Another tab's newer version took the database over: said at once, not at the next answer.
onOutdated(() => {
	storageState.problem = { kind: 'outdated', detail: 'The database was upgraded in another tab.' };
});

/** What the browser answered to `requestPersistence()`; undefined until asked. */
export function persisted(): boolean | undefined {
	return storageState.persisted;
}

function describe(error: unknown): StorageProblem {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	const detail =
		error instanceof Error || error instanceof DOMException ? error.message : String(error);
	// IndexedDB reports a full disk as QuotaExceededError, directly or as the transaction's error;
	// a database newer than this page's code (upgraded by another tab) as VersionError.
	const kind =
		name === 'QuotaExceededError' ? 'full' : name === 'VersionError' ? 'outdated' : 'failed';
	return { kind, detail };
}

/** Bytes as the interface shows them: "1.2 MB", with Western digits in both languages. */
export function formatBytes(bytes: number, lang: 'ar' | 'en'): string {
	const [value, unit] =
		bytes >= 1e9
			? [bytes / 1e9, 'gigabyte']
			: bytes >= 1e6
				? [bytes / 1e6, 'megabyte']
				: [bytes / 1e3, 'kilobyte'];
	return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', {
		style: 'unit',
		unit,
		unitDisplay: 'short',
		maximumFractionDigits: 1
	}).format(value);
}
