/**
 * What a page's device database (IndexedDB `qiraa`) holds, read directly, at whatever version the
 * database is: the outbox and a lesson's saved progress.
 */
import type { Page } from '@playwright/test';

export interface DeviceRecords {
	/** The outbox's items: ids and question ids. */
	outbox: { id: string; questionId: string }[];
	/** The ids of the questions the lesson's saved progress holds. */
	answered: string[];
}

export function deviceRecords(page: Page, lessonId: string): Promise<DeviceRecords> {
	return page.evaluate(
		(lesson) =>
			new Promise<DeviceRecords>((resolve, reject) => {
				const open = indexedDB.open('qiraa');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['outbox', 'progress']);
					const outbox = tx.objectStore('outbox').getAll();
					const progress = tx.objectStore('progress').get(lesson);
					tx.oncomplete = () => {
						db.close();
						resolve({
							outbox: (outbox.result as { id: string; questionId: string }[]).map((item) => ({
								id: item.id,
								questionId: item.questionId
							})),
							answered: Object.keys(
								(progress.result as { questions?: object } | undefined)?.questions ?? {}
							).sort()
						});
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		lessonId
	);
}

/**
 * Waits until the service worker is installed (its precache complete) and controls the page:
 * only then does a page open with no network.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
