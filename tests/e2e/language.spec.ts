/**
 * The UI language a device keeps: a first visit follows the phone's language; a choice made with
 * the language control (or by opening an `/en/…` page) survives the library at `/`, an
 * unprefixed lesson link, a join link and the installed app's start URL, online and offline;
 * and `<html lang dir>` is right in the server's first byte, never patched after load.
 */
import { expect, test, type Page } from './fixtures';
import { loadLessons } from './lessons';
import { tx } from './i18n';

const LESSON = loadLessons()[0]!;
/** A join code of the right shape: the join page renders for any, and says so if it is unknown. */
const CODE = 'ABCDEF';

/** The page's first bytes as the server (or the worker) sent them, for the document at `path`. */
async function openAndReadHead(page: Page, path: string): Promise<string> {
	const response = await page.goto(path);
	return ((await response?.text()) ?? '').slice(0, 120);
}

async function expectUi(page: Page, lang: 'ar' | 'en') {
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
}

test.describe('a first visit on an English phone', () => {
	test.use({ locale: 'en-GB' });

	test('opens the library in English, right from the first byte', async ({ page }) => {
		const head = await openAndReadHead(page, '/');
		await expect(page).toHaveURL('/en');
		expect(head).toMatch(/<html lang="en" dir="ltr">/);
		await expectUi(page, 'en');
		await page.goto(`/lessons/${LESSON.id}`);
		await expect(page).toHaveURL(`/en/lessons/${LESSON.id}`);
	});
});

test.describe('a first visit on an Arabic phone', () => {
	test.use({ locale: 'ar-EG' });

	test('opens the library in Arabic, right from the first byte', async ({ page }) => {
		const head = await openAndReadHead(page, '/');
		await expect(page).toHaveURL('/');
		expect(head).toMatch(/<html lang="ar" dir="rtl">/);
		await expectUi(page, 'ar');
	});
});

test('the language chosen survives the library, a lesson link, a join link and going offline', async ({
	page,
	context
}) => {
	await page.goto(`/lessons/${LESSON.id}`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(`/en/lessons/${LESSON.id}`);
	await expectUi(page, 'en');

	// The installed app opens its start URL, `/`, as a typed address does.
	for (const [path, kept] of [
		['/', '/en'],
		[`/lessons/${LESSON.id}`, `/en/lessons/${LESSON.id}`],
		[`/join/${CODE}`, `/en/join/${CODE}`]
	] as const) {
		const head = await openAndReadHead(page, path);
		await expect(page).toHaveURL(kept);
		await expectUi(page, 'en');
		expect(head, path).toMatch(/<html lang="en" dir="ltr">/);
	}
	await expect(page.getByLabel(tx('en', 'join.name'))).toBeVisible();

	// Offline the worker keeps the same choice, for the library and for the kept lesson.
	await page.goto('/en');
	await expect(
		page.getByRole('main').locator(`a[href="/en/lessons/${LESSON.id}"]`).first()
	).toContainText(tx('en', 'pwa.kept.mark'));
	await context.setOffline(true);
	for (const [path, kept] of [
		['/', '/en'],
		[`/lessons/${LESSON.id}`, `/en/lessons/${LESSON.id}`]
	] as const) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		await expect(page).toHaveURL(kept);
		await expectUi(page, 'en');
	}

	// Switching back, offline, is kept as well, and then online. The link itself says the choice,
	// so a tap before the page's scripts have run switches too.
	await page.getByRole('link', { name: 'العربية' }).click();
	await expect(page).toHaveURL(`/lessons/${LESSON.id}`);
	await expectUi(page, 'ar');
	await page.goto('/');
	await expect(page).toHaveURL('/');
	await expectUi(page, 'ar');
	await context.setOffline(false);
	await page.goto(`/join/${CODE}`);
	await expect(page).toHaveURL(`/join/${CODE}`);
	await expectUi(page, 'ar');
});

test('opening an explicit English link makes English the choice', async ({ page }) => {
	await page.goto('/');
	await expectUi(page, 'ar');
	await page.goto(`/en/lessons/${LESSON.id}`);
	await page.goto('/');
	await expect(page).toHaveURL('/en');
	await expectUi(page, 'en');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the language links switch both ways, and the choice is kept', async ({ page }) => {
		await page.goto(`/lessons/${LESSON.id}`);
		await expectUi(page, 'ar');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(`/en/lessons/${LESSON.id}`);
		await expectUi(page, 'en');
		await page.goto('/');
		await expect(page).toHaveURL('/en');

		// English is the choice, yet the Arabic link opens Arabic and makes it the choice.
		await page.getByRole('link', { name: 'العربية' }).click();
		await expect(page).toHaveURL('/');
		await expectUi(page, 'ar');
		await page.goto(`/lessons/${LESSON.id}`);
		await expect(page).toHaveURL(`/lessons/${LESSON.id}`);
		await expectUi(page, 'ar');
	});
});
