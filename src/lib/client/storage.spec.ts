import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
});

/** A fresh module (it asks once per page) with `navigator.storage` as given. */
async function withStorage(storage: Partial<StorageManager> | undefined) {
	vi.stubGlobal('navigator', storage ? { storage } : {});
	return import('./storage');
}

describe('requestPersistence', () => {
	it('asks the browser once and remembers the answer', async () => {
		const persist = vi.fn(async () => true);
		const { requestPersistence, persisted } = await withStorage({
			persist,
			persisted: async () => false
		});
		expect(persisted()).toBeUndefined();
		expect(await requestPersistence()).toBe(true);
		expect(await requestPersistence()).toBe(true);
		expect(persist).toHaveBeenCalledOnce();
		expect(persisted()).toBe(true);
	});

	it('does not ask again when the data is already persistent', async () => {
		const persist = vi.fn(async () => true);
		const { requestPersistence } = await withStorage({ persist, persisted: async () => true });
		expect(await requestPersistence()).toBe(true);
		expect(persist).not.toHaveBeenCalled();
	});

	it('reports a refusal, so the banner can say the data may be cleared', async () => {
		const { requestPersistence, persisted } = await withStorage({
			persist: async () => false,
			persisted: async () => false
		});
		expect(await requestPersistence()).toBe(false);
		expect(persisted()).toBe(false);
	});

	it('treats a rejection or a missing API as a refusal', async () => {
		const rejecting = await withStorage({
			persist: () => Promise.reject(new DOMException('no', 'InvalidStateError')),
			persisted: async () => false
		});
		expect(await rejecting.requestPersistence()).toBe(false);
		vi.resetModules();
		const missing = await withStorage(undefined);
		expect(await missing.requestPersistence()).toBe(false);
	});
});

describe('storageUse', () => {
	it('gives usage and quota where the browser tells', async () => {
		const { storageUse } = await withStorage({
			estimate: async () => ({ usage: 1_200_000, quota: 50_000_000 })
		});
		expect(await storageUse()).toEqual({ usage: 1_200_000, quota: 50_000_000 });
	});

	it('gives nothing where it does not', async () => {
		expect(await (await withStorage(undefined)).storageUse()).toBeUndefined();
		vi.resetModules();
		const partial = await withStorage({ estimate: async () => ({}) });
		expect(await partial.storageUse()).toBeUndefined();
	});
});

describe('storageError', () => {
	it('tells a full device from other failures, and clears', async () => {
		const { storageError } = await withStorage(undefined);
		expect(storageError.current).toBeUndefined();
		storageError.report(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
		expect(storageError.current).toEqual({
			kind: 'full',
			detail: 'The quota has been exceeded.'
		});
		storageError.report(new DOMException('Transaction aborted', 'AbortError'));
		expect(storageError.current?.kind).toBe('failed');
		storageError.report(new DOMException('The requested version is less', 'VersionError'));
		expect(storageError.current?.kind).toBe('outdated');
		storageError.report('something odd');
		expect(storageError.current).toEqual({ kind: 'failed', detail: 'something odd' });
		storageError.clear();
		expect(storageError.current).toBeUndefined();
	});
});

describe('formatBytes', () => {
	it('shows sizes with Western digits in both languages', async () => {
		const { formatBytes } = await withStorage(undefined);
		expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
		expect(formatBytes(532_000, 'en')).toBe('532 kB');
		expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
		expect(formatBytes(1_234_567, 'ar')).toMatch(/^1[.,٫]2 /);
	});
});
