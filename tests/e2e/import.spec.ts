/**
 * A lesson of a teacher's own, end to end against the production build: imported in the browser
 * (two files, then a .zip), assigned, downloaded by a student's phone that never opened it online,
 * answered offline; the teacher then corrects the answer key, which makes a new version, and every
 * answer is graded against the version the student was shown. A lesson with problems is refused
 * with the compiler's lines and nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { expect, test, type Page } from './fixtures';
import { LAPTOP, PHONE, createClassOnPage, joinOnPage, parseCsv, signUpOnPage } from './classroom';
import { deviceRecords } from './device';
import { tx } from './i18n';
import { loadLessons, setReading } from './lessons';

const BASE = loadLessons().find((lesson) => lesson.id === 'basra-aegis-security')!;
const QUESTION = BASE.questions.find((question) => question.id === 'main-news')!;
if (QUESTION.type !== 'choice') throw new Error('main-news is a choice question');
const [FIRST, SECOND] = QUESTION.choices;
const TITLE_AR = 'نسخة المعلمة: البصرة تدعو القوات البريطانية';
const TITLE_EN = "Teacher's copy: Basra calls on British forces";

/** The shipped lesson's two files, as a teacher's own lesson with a new id and title. */
function teacherCopy(id: string): { article: string; lesson: string } {
	const folder = join('lessons', BASE.id);
	const lesson = readFileSync(join(folder, 'lesson.yaml'), 'utf8')
		.replace(/^id: .*$/m, `id: ${id}`)
		.replace(
			/^title:\n {2}ar: .*\n {2}en: .*$/m,
			`title:\n  ar: "${TITLE_AR}"\n  en: "${TITLE_EN}"`
		);
	return { article: readFileSync(join(folder, 'article.ar.txt'), 'utf8'), lesson };
}

/** The copy with the key of main-news moved from its first choice to its second. */
function rekeyed(lesson: string): string {
	const first = `        en: ${JSON.stringify(FIRST!.en)}\n`;
	const second = `        en: ${JSON.stringify(SECOND!.en)}\n`;
	const edited = lesson
		.replace(`${first}        correct: true\n`, first)
		.replace(second, `${second}        correct: true\n`);
	expect(edited).not.toBe(lesson);
	return edited;
}

/** Imports through the form; returns the version the page reports. */
async function importFiles(
	page: Page,
	lang: 'ar' | 'en',
	files: { name: string; buffer: Buffer; mimeType: string }[],
	id: string
): Promise<string> {
	for (const file of files) {
		const label = file.name.endsWith('.zip')
			? 'teach.lessons.import.zip'
			: file.name === 'lesson.yaml'
				? 'teach.lessons.import.lesson'
				: 'teach.lessons.import.article';
		await page.getByLabel(tx(lang, label), { exact: true }).setInputFiles(file);
	}
	await page.getByRole('button', { name: tx(lang, 'teach.lessons.import.submit') }).click();
	// A new lesson, or a new version of one: never "nothing changed".
	const message = tx(lang, 'teach.lessons.import.done', { id, version: 'VERSION' });
	const pattern = new RegExp(
		message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('VERSION', '(\\w+)')
	);
	const done = page.getByRole('status').filter({ hasText: pattern });
	await expect(done).toBeVisible();
	return pattern.exec((await done.textContent())!)![1]!;
}

/** Answers main-news with `choice` on an open lesson page and sees the verdict. */
async function answer(page: Page, choice: string, good: boolean) {
	await setReading(page, 'ar', 'target');
	const box = page.locator(`article[data-question="${QUESTION.id}"]`);
	await box.getByRole('radio', { name: choice, exact: true }).check();
	await box.locator('button.check').click();
	await expect(box.locator(good ? '.verdict.good' : '.verdict.bad')).toBeVisible();
}

test('a teacher imports a lesson and assigns it; a phone answers it offline unopened; a new version grades each answer by its own', async ({
	browser,
	baseURL
}) => {
	test.slow();
	const id = `copy-${Date.now().toString(36)}`;
	const v1 = teacherCopy(id);
	const teacherContext = await browser.newContext({ baseURL, ...LAPTOP });
	const teacher = await teacherContext.newPage();
	const phones = [
		await browser.newContext({ baseURL, ...PHONE }),
		await browser.newContext({ baseURL, ...PHONE })
	];
	try {
		let classId = '';
		let code = '';
		let first = '';
		await test.step('the teacher imports the two files and assigns the lesson', async () => {
			await signUpOnPage(teacher, 'ar', 'أ. سلمى');
			classId = await createClassOnPage(teacher, 'ar', 'الصف التاسع');
			code = (await teacher.locator('[data-join-code]').textContent())!;
			await teacher.getByRole('link', { name: tx('ar', 'teach.assignments.assign') }).click();
			await teacher.getByRole('link', { name: tx('ar', 'teach.assign.import') }).click();
			await expect(teacher).toHaveURL('/teach/lessons');
			first = await importFiles(
				teacher,
				'ar',
				[
					{ name: 'lesson.yaml', buffer: Buffer.from(v1.lesson), mimeType: 'text/yaml' },
					{ name: 'article.ar.txt', buffer: Buffer.from(v1.article), mimeType: 'text/plain' }
				],
				id
			);
			await expect(teacher.getByRole('main')).toContainText(TITLE_AR);
			await teacher.goto(`/teach/classes/${classId}/assign`);
			await teacher.getByRole('checkbox', { name: TITLE_AR }).check();
			await teacher
				.getByRole('button', { name: tx('ar', 'teach.assign.submit'), exact: true })
				.click();
			await expect(teacher).toHaveURL(`/teach/classes/${classId}#assignments`);
			await expect(teacher.locator(`#assignments li[data-lesson="${id}"]`)).toBeVisible();
		});

		const sara = await phones[0]!.newPage();
		await test.step('a phone that never opened it keeps it, and answers it offline', async () => {
			await joinOnPage(sara, code, 'سارة', 'ar');
			const item = sara.locator('section.home li').filter({ hasText: TITLE_AR });
			await expect(item).toContainText(tx('ar', 'pwa.kept.mark'), { timeout: 60_000 });
			await phones[0]!.setOffline(true);
			const offline = await phones[0]!.newPage();
			const response = await offline.goto(`/lessons/${id}`);
			expect(response?.fromServiceWorker()).toBe(true);
			await expect(offline.getByRole('heading', { level: 1 })).toContainText(TITLE_AR);
			await answer(offline, FIRST!.ar, true);
			// The verdict shows while the device is still saving the answer; a page closed in that
			// moment takes the unfinished save with it (the CSV then had no answer of hers, once in a
			// clean-clone run). A student cannot close a tab that fast; the test can.
			await expect
				.poll(async () => (await deviceRecords(offline, id)).outbox.map((item) => item.questionId))
				.toEqual([QUESTION.id]);
			await offline.close();
		});

		let second = '';
		await test.step('the teacher corrects the key by importing a .zip: a new version', async () => {
			const zip = zipSync({
				[id]: {
					'lesson.yaml': strToU8(rekeyed(v1.lesson)),
					'article.ar.txt': strToU8(v1.article)
				}
			});
			await teacher.goto('/teach/lessons');
			second = await importFiles(
				teacher,
				'ar',
				[{ name: `${id}.zip`, buffer: Buffer.from(zip), mimeType: 'application/zip' }],
				id
			);
			expect(second).not.toBe(first);
		});

		await test.step('a student who opens it now is graded by the new key', async () => {
			const omar = await phones[1]!.newPage();
			await joinOnPage(omar, code, 'Omar', 'en');
			await omar.goto(`/en/lessons/${id}`);
			await answer(omar, FIRST!.ar, false);
			await omar.getByRole('button', { name: tx('en', 'quiz.tryAgain') }).click();
			await answer(omar, SECOND!.ar, true);
		});

		await test.step("the offline phone's answer arrives, graded by the version it was given to", async () => {
			await phones[0]!.setOffline(false);
			await sara.reload();
			const csv = async () => {
				const response = await teacher.request.get(`/en/teach/classes/${classId}/export.csv`);
				return parseCsv(await response.text()).slice(1);
			};
			await expect
				.poll(async () => (await csv()).filter((row) => row[0] === 'سارة' && row[2] !== '').length)
				.toBe(1);
			const rows = (await csv()).filter((row) => row[2] === TITLE_EN);
			const result = (row: string[]) => [row[0], row[4], row[5], row[11]];
			expect(rows.map(result).sort()).toEqual(
				[
					['Omar', FIRST!.en, tx('en', 'teach.csv.wrong'), second],
					['Omar', SECOND!.en, tx('en', 'teach.csv.later', { try: 2 }), second],
					['سارة', FIRST!.en, tx('en', 'teach.csv.right'), first]
				].sort()
			);
		});
	} finally {
		await Promise.all([teacherContext, ...phones].map((context) => context.close()));
	}
});

for (const lang of ['ar', 'en'] as const) {
	test(`a lesson with problems is refused with the compiler's lines, and nothing is stored (${lang})`, async ({
		browser,
		baseURL
	}) => {
		const prefix = lang === 'en' ? '/en' : '';
		const id = `broken-${lang}-${Date.now().toString(36)}`;
		const { article, lesson } = teacherCopy(id);
		const broken = lesson.replace(
			'  - id: main-news\n    type: choice\n    skill: main-idea\n    paragraph: 0\n',
			'  - id: main-news\n    type: choice\n    skill: main-idea\n    paragraph: 99\n'
		);
		expect(broken).not.toBe(lesson);
		const line = broken.slice(0, broken.indexOf('paragraph: 99')).split('\n').length;
		const context = await browser.newContext({ baseURL, ...LAPTOP });
		const page = await context.newPage();
		try {
			await signUpOnPage(page, lang, 'Teacher');
			await page.goto(`${prefix}/teach/lessons`);
			await page
				.getByLabel(tx(lang, 'teach.lessons.import.lesson'), { exact: true })
				.setInputFiles({ name: 'lesson.yaml', buffer: Buffer.from(broken), mimeType: 'text/yaml' });
			await page
				.getByLabel(tx(lang, 'teach.lessons.import.article'), { exact: true })
				.setInputFiles({
					name: 'article.ar.txt',
					buffer: Buffer.from(article),
					mimeType: 'text/plain'
				});
			await page.getByRole('button', { name: tx(lang, 'teach.lessons.import.submit') }).click();
			const problems = page.getByRole('list', {
				name: tx(lang, 'teach.lessons.import.problemList')
			});
			await expect(problems.getByRole('listitem')).not.toHaveCount(0);
			await expect(problems.getByRole('listitem').first()).toHaveText(
				new RegExp(`^lesson\\.yaml:${line}:\\d+: `)
			);
			await expect(page.getByText(tx(lang, 'teach.lessons.empty'))).toBeVisible();
			const files = await page.request.get(`/api/lessons/${id}/files`);
			expect(files.status()).toBe(404);
		} finally {
			await context.close();
		}
	});
}
