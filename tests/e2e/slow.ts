/** A slow phone: the page's HTML is there, its scripts are not yet. */
import type { Page } from '@playwright/test';

/**
 * Holds back every script of the app until the returned function is called, so a test can act on
 * the page as a student or teacher would before it has hydrated.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}
