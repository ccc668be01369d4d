import { expect, test } from './fixtures';
import { setReading } from './lessons';

const LESSONS = [
	{ id: 'basra-council-us-forces', paragraphs: 6, firstWords: 'تكمن اهمية الملف الأمني' },
	{ id: 'basra-aegis-security', paragraphs: 16, firstWords: 'بعد ست سنوات من مغادرة' }
];

test('the library lists both lessons with titles in both languages', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const cards = page.getByRole('main').getByRole('link');
	await expect(cards).toHaveCount(LESSONS.length);
	for (const card of await cards.all()) {
		await expect(card.locator('[lang="ar"]')).not.toBeEmpty();
		await expect(card.locator('[lang="en"]')).not.toBeEmpty();
	}
});

test('the English interface is served left-to-right from the HTML itself', async ({ request }) => {
	const html = await (await request.get('/en')).text();
	expect(html).toMatch(/<html lang="en" dir="ltr">/);
	const arabic = await (await request.get('/')).text();
	expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
});

for (const lesson of LESSONS) {
	test(`lesson ${lesson.id} shows every paragraph in Arabic and English`, async ({ page }) => {
		await page.goto('/');
		await page.getByRole('main').locator(`a[href="/lessons/${lesson.id}"]`).click();
		await expect(page).toHaveURL(`/lessons/${lesson.id}`);
		await setReading(page, 'ar', 'both');
		const arabic = page.locator('article section p[lang="ar"][dir="rtl"]');
		const english = page.locator('article section p[lang="en"][dir="ltr"]');
		await expect(arabic).toHaveCount(lesson.paragraphs);
		await expect(english).toHaveCount(lesson.paragraphs);
		await expect(arabic.first()).toContainText(lesson.firstWords);
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth).toBeLessThanOrEqual(390);
	});
}

test('switching the interface language keeps the page', async ({ page }) => {
	await page.goto(`/lessons/${LESSONS[0]!.id}`);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(`/en/lessons/${LESSONS[0]!.id}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await page.getByRole('link', { name: 'العربية' }).click();
	await expect(page).toHaveURL(`/lessons/${LESSONS[0]!.id}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('health check and unknown pages', async ({ request, page }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ ok: true, db: 'sqlite' });
	const response = await page.goto('/lessons/no-such-lesson');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
