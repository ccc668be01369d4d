/**
 * A teacher tries a draft as a student before publishing it: the student's own lesson page, in
 * both UI languages and both reading languages, whose questions check and give feedback, and which
 * records nothing: no outbox item, no progress, no kept lesson, no answer on the server. A draft
 * that does not compile shows its problems instead; a preview is its teacher's alone.
 */
import type { APIRequestContext } from '@playwright/test';
import { joinOnPage, makeClassroom, storedAnswers } from './classroom';
import { deviceRecords } from './device';
import { expect, test } from './fixtures';
import { tx } from './i18n';
import { answerRight, answerWrong, card, loadLessons, setReading } from './lessons';

const SOURCE = 'basra-council-us-forces';

/** A draft of a shipped lesson's files under `id`; returns the draft's id. */
async function draftOf(
	teacher: APIRequestContext,
	origin: string,
	id: string,
	edit: (yaml: string) => string = (yaml) => yaml
): Promise<string> {
	const files = (await (await teacher.get(`/api/lessons/${SOURCE}/files`)).json()) as {
		article: string;
		lesson: string;
	};
	const created = await teacher.post('/api/lessons/drafts', {
		headers: { origin },
		data: { article: files.article, lesson: edit(files.lesson.replace(/^id: .*$/m, `id: ${id}`)) }
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { id: string }).id;
}

test('a draft previewed in both languages answers and gives feedback, and records nothing', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(150_000);
	const origin = baseURL!;
	const lesson = loadLessons().find((l) => l.id === SOURCE)!;
	const classroom = await makeClassroom(playwright, origin, []);
	const id = `preview-${Date.now().toString(36)}`;
	const draftId = await draftOf(classroom.teacher, origin, id);
	// Published too, so an answer that escaped the preview would reach the server and be kept.
	const published = await classroom.teacher.post(`/api/lessons/drafts/${draftId}/publish`, {
		headers: { origin },
		data: { revision: 1 }
	});
	expect(published.status()).toBe(201);
	// This browser is a student's device, joined to the teacher's class, as well as the teacher's.
	await joinOnPage(page, classroom.code, 'Preview phone', 'ar');
	await page.context().addCookies((await classroom.teacher.storageState()).cookies);
	const sent: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === '/api/sync') sent.push(request.postData() ?? '');
	});

	const [first, second] = lesson.questions.filter((q) => q.type === 'choice');
	for (const [ui, reading] of [
		['ar', 'en'],
		['en', 'ar']
	] as const) {
		const prefix = ui === 'en' ? '/en' : '';
		await test.step(`${ui} UI, reading ${reading}`, async () => {
			await page.goto(`${prefix}/teach/lessons/drafts/${draftId}`);
			await page.getByRole('link', { name: tx(ui, 'author.preview.open') }).click();
			await expect(page).toHaveURL(`${prefix}/teach/lessons/drafts/${draftId}/preview`);
			await expect(page.locator('html')).toHaveAttribute('lang', ui);
			const banner = page.getByRole('complementary', { name: tx(ui, 'author.preview.title') });
			await expect(banner).toContainText(tx(ui, 'author.preview.note'));
			// The student's page: its reading settings, passage and questions, but no results link.
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.ar);
			await expect(page.getByRole('link', { name: tx(ui, 'quiz.seeResults') })).toHaveCount(0);
			await setReading(page, reading, 'target');
			const paragraph = page.locator(`#paragraph-0 [lang="${reading}"]`).first();
			await expect(paragraph).toContainText(lesson.paragraphs[0]![reading].slice(0, 20));

			await answerWrong(page, lesson, first!, reading);
			await card(page, first!)
				.getByRole('button', { name: tx(ui, 'quiz.check') })
				.click();
			await expect(card(page, first!)).toContainText(tx(ui, 'quiz.wrong'));
			// The helper checks a right answer itself.
			await answerRight(page, lesson, second!, reading);
			await expect(card(page, second!)).toContainText(tx(ui, 'quiz.correct'));

			await page.getByRole('link', { name: tx(ui, 'author.preview.back') }).click();
			await expect(page).toHaveURL(`${prefix}/teach/lessons/drafts/${draftId}`);
		});
	}

	await test.step('nothing was recorded, on the device or on the server', async () => {
		await page.waitForLoadState('networkidle');
		expect(await deviceRecords(page, id)).toEqual({ outbox: [], answered: [] });
		const kept = await page.evaluate(async () => {
			const cache = await caches.open('qiraa-lessons');
			return (await cache.keys()).map((request) => new URL(request.url).pathname);
		});
		expect(kept.filter((path) => path.includes(id) || path.includes('/teach'))).toEqual([]);
		expect(sent.filter((body) => body.includes(id))).toEqual([]);
		expect(await storedAnswers(classroom)).toEqual([]);
	});
	await classroom.teacher.dispose();
});

test('a draft that does not compile shows its problems; a preview is its teacher’s alone', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const classroom = await makeClassroom(playwright, origin, []);
	const draftId = await draftOf(classroom.teacher, origin, 'preview-broken', (yaml) =>
		yaml.replace(/^level: .*$/m, 'level: Z9')
	);
	await page.context().addCookies((await classroom.teacher.storageState()).cookies);
	await page.goto(`/en/teach/lessons/drafts/${draftId}/preview`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		tx('en', 'author.preview.cannot')
	);
	await expect(
		page.getByRole('listitem').filter({ hasText: /^lesson\.yaml:\d+:\d+: / })
	).toHaveCount(1);

	const signedOut = await playwright.request.newContext({ baseURL: origin });
	const refused = await signedOut.get(`/en/teach/lessons/drafts/${draftId}/preview`, {
		maxRedirects: 0
	});
	expect(refused.status()).toBe(303);
	expect(refused.headers()['location']).toMatch(/^\/en\/teach\/signin\?next=/);
	const other = await makeClassroom(playwright, origin, []);
	expect((await other.teacher.get(`/en/teach/lessons/drafts/${draftId}/preview`)).status()).toBe(
		404
	);
	await Promise.all([signedOut.dispose(), other.teacher.dispose(), classroom.teacher.dispose()]);
});
