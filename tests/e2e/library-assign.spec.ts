/**
 * The assign page at the scale of a library: a teacher with more lessons than a page holds finds
 * one by its title in either language, filters by genre, turns the page, and assigns from there
 * (issue 13 item 5). The lessons are the teacher's own imports, so no other test sees them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';

const TINY = 'tests/fixtures/lessons/valid/tiny';
/** One page of lessons (src/lib/server/lessons.ts PAGE_SIZE), and three more. */
const PAGE_SIZE = 20;
const COUNT = PAGE_SIZE + 3;

test('the assign page searches, filters and pages the lessons, in both languages', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const { teacher, classId } = await makeClassroom(playwright, origin, []);
	// A word of this run's own, so that only these lessons match it.
	const run = `run${Date.now().toString(36)}`;
	const yaml = readFileSync(join(TINY, 'lesson.yaml'), 'utf8');
	const article = readFileSync(join(TINY, 'article.ar.txt'), 'utf8');
	const ids: string[] = [];
	for (let i = 0; i < COUNT; i++) {
		const id = `${run}-${String(i).padStart(2, '0')}`;
		const lesson = yaml
			.replace(/^id: tiny$/m, `id: ${id}`)
			.replace(
				/^title: .*$/m,
				`title: { ar: "درس الصفحات ${run} ${i}", en: "Paging ${run} ${i}" }`
			);
		const imported = await teacher.post('/api/lessons', {
			headers: { origin },
			data: { article, lesson }
		});
		expect(imported.status()).toBe(201);
		ids.push(id);
	}
	await page.context().addCookies((await teacher.storageState()).cookies);
	const choices = page.getByRole('group', { name: tx('en', 'teach.assign.lessons') });
	const boxes = choices.getByRole('checkbox');

	await test.step('English: a search by title finds one lesson, which is assigned', async () => {
		await page.goto(`/en/teach/classes/${classId}/assign`);
		// Two shipped lessons and this teacher's 23: a page of 20, and a way to the next.
		await expect(boxes).toHaveCount(PAGE_SIZE);
		await expect(page.getByText(tx('en', 'teach.assign.pageHint'))).toBeVisible();
		await page.getByLabel(tx('en', 'find.query')).fill(`paging ${run} 7`);
		await page.getByRole('button', { name: tx('en', 'find.submit') }).click();
		await expect(
			page.getByRole('status').filter({ hasText: tx('en', 'find.count_one', { count: 1 }) })
		).toBeVisible();
		await expect(boxes).toHaveCount(1);
		await boxes.first().check();
		await page.getByRole('button', { name: tx('en', 'teach.assign.submit'), exact: true }).click();
		await expect(page).toHaveURL(`/en/teach/classes/${classId}#assignments`);
		await expect(page.locator(`#assignments li[data-lesson="${ids[7]}"]`)).toBeVisible();
	});

	await test.step('Arabic: the Arabic title, the next page, and a genre none has', async () => {
		// The device chose English above: back to Arabic by the language switch, as a person does.
		await page.goto(`/en/teach/classes/${classId}/assign`);
		await page.getByRole('link', { name: 'العربية' }).click();
		await expect(page).toHaveURL(`/teach/classes/${classId}/assign`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		// The switch ends in the app's own navigation: typed before it settled, the query was once
		// lost (the search then listed every lesson, and page 2 held 5 where 3 were expected).
		await page.waitForLoadState('networkidle');
		const arabicChoices = page.getByRole('group', { name: tx('ar', 'teach.assign.lessons') });
		await page.getByLabel(tx('ar', 'find.query')).fill(`الصفحات ${run}`);
		await page.getByRole('button', { name: tx('ar', 'find.submit') }).click();
		await expect(page).toHaveURL(/[?&]q=/);
		await expect(arabicChoices.getByRole('checkbox')).toHaveCount(PAGE_SIZE);
		await page.getByRole('link', { name: tx('ar', 'find.next') }).click();
		await expect(page).toHaveURL(/[?&]page=2(&|$)/);
		await expect(arabicChoices.getByRole('checkbox')).toHaveCount(COUNT - PAGE_SIZE);
		await expect(page.getByRole('link', { name: tx('ar', 'find.previous') })).toBeVisible();
		await page.getByLabel(tx('ar', 'find.genre')).selectOption('news');
		await page.getByRole('button', { name: tx('ar', 'find.submit') }).click();
		await expect(page.getByText(tx('ar', 'find.none'))).toBeVisible();
		await expect(arabicChoices.getByRole('checkbox')).toHaveCount(0);
		await page.getByLabel(tx('ar', 'find.genre')).selectOption('opinion');
		await page.getByRole('button', { name: tx('ar', 'find.submit') }).click();
		await expect(arabicChoices.getByRole('checkbox')).toHaveCount(PAGE_SIZE);
	});
	await teacher.dispose();
});
