/**
 * What a phone downloads when the service worker installs, measured in Chromium on the running
 * production server: the worker's own fetches as sent (compressed), and what its precache then
 * holds. Measured rather than read from the build, because the worker leaves files out (the
 * teacher area, other font formats) and keeps data shared by several pages once.
 * tests/e2e/offline.spec.ts holds the same measure to the same budget.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { figure, type Figure } from './figures';

export interface PrecacheResult {
	files: number;
	/** Bytes the precache holds, uncompressed. */
	stored: number;
	/** Bytes the worker's fetches took over the network (encoded body sizes). */
	transfer: number;
}

/** The name prefix of the worker's precache (src/service-worker/index.ts). */
const CACHE_PREFIX = 'qiraa-precache-';

/** Opens the library once in a fresh profile, waits for the worker and reads what it fetched. */
export async function measurePrecache(origin: string, chromePath: string): Promise<PrecacheResult> {
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/`);
		await page.evaluate(() => navigator.serviceWorker.ready);
		const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
		const transfer = await worker.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0)
		);
		const stored = await page.evaluate(async (prefix) => {
			const name = (await caches.keys()).find((key) => key.startsWith(prefix));
			if (name === undefined) return { files: 0, bytes: 0 };
			const cache = await caches.open(name);
			let bytes = 0;
			const requests = await cache.keys();
			for (const request of requests) {
				bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
			}
			return { files: requests.length, bytes };
		}, CACHE_PREFIX);
		return { files: stored.files, stored: stored.bytes, transfer };
	} finally {
		await browser.close();
	}
}

export function precacheFigures({ files, stored, transfer }: PrecacheResult): Figure[] {
	return [
		figure('precache', 'files', files, 'count'),
		figure('precache', 'stored (uncompressed)', stored, 'bytes'),
		figure('precache', 'transfer', transfer, 'bytes', 'precache')
	];
}
