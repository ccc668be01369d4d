/**
 * What a teacher prints, in both UI languages: the results grid, a worksheet and its answer key,
 * each laid out for print and made into an A4 PDF as Chromium's print dialog makes it. On paper
 * nothing scrolls, so every question column of the grid must sit inside the page box, and no
 * string may reach the paper as its raw i18n key (`quiz.true` once did, on every worksheet).
 * The PDFs are kept in the test's output folder for a person to look at (`pdftoppm -r 60 -png`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { joinAs, makeClassroom } from './classroom';
import { tx } from './i18n';
import { loadLessons } from './lessons';

const LESSON = loadLessons().find((lesson) => lesson.questions.length === 21)!;
const MM = 96 / 25.4;
/** The printable width of an A4 sheet with 10 mm margins, in CSS pixels. */
const WIDTH = { landscape: Math.floor(277 * MM), portrait: Math.floor(190 * MM) };

/** The first page's size in points, from the PDF's MediaBox. */
function pageSize(pdf: Buffer): { width: number; height: number } {
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
	return { width: Number(box[1]), height: Number(box[2]) };
}

/** Every top-level namespace of the locale files: a raw key starts with one of them. */
const RAW_KEY = (() => {
	const names = new Set<string>();
	for (const file of readdirSync('src/lib/i18n/locales')) {
		const tree = JSON.parse(readFileSync(`src/lib/i18n/locales/${file}`, 'utf8')) as object;
		for (const name of Object.keys(tree)) names.add(name);
	}
	return new RegExp(`\\b(?:${[...names].join('|')})\\.[a-zA-Z]+`);
})();

/** The text the printed page shows (what print CSS hides is left out by innerText). */
const printedText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Lays `path` out for print at `width`, checks its text, and saves an A4 PDF of it. */
async function print(page: Page, path: string, width: number, file: string, landscape = false) {
	await page.setViewportSize({ width, height: 900 });
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	await page.emulateMedia({ media: 'print' });
	// The fonts the paper uses, loaded before the PDF is made.
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	const text = await printedText(page);
	expect(text.length, path).toBeGreaterThan(200);
	expect(text, path).not.toMatch(RAW_KEY);
	const pdf = await page.pdf({ format: 'A4', landscape, printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	// Kept beside the test's other output, for a person to render and look at.
	writeFileSync(test.info().outputPath(file), pdf);
	return { text, pdf };
}

for (const lang of ['ar', 'en'] as const) {
	const prefix = lang === 'en' ? '/en' : '';

	test(`prints fit A4 with no raw string (${lang})`, async ({ browser, baseURL, playwright }) => {
		test.slow();
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		// A class with long names in both scripts, and a mix of right, wrong and missing answers.
		const names = [
			'عبد الرحمن محمد الحسيني',
			'Alexandra Montgomery-Fitzgerald',
			'فاطمة الزهراء',
			'Omar K.'
		];
		for (const [index, name] of names.entries()) {
			const { token } = await joinAs(classroom.teacher, baseURL!, classroom.code, name);
			const attempts = LESSON.questions
				.filter((question, i) => question.type === 'choice' && i % names.length !== index)
				.map((question) => ({
					id: crypto.randomUUID(),
					lessonId: LESSON.id,
					questionId: question.id,
					answer: { type: 'choice', choice: index % 2 },
					answeredAt: new Date().toISOString()
				}));
			const synced = await classroom.teacher.post('/api/sync', {
				headers: { origin: baseURL!, authorization: `Bearer ${token}` },
				data: { attempts }
			});
			expect(synced.status()).toBe(200);
		}
		const context = await browser.newContext({
			baseURL,
			locale: lang === 'ar' ? 'ar-IQ' : 'en-GB',
			storageState: await classroom.teacher.storageState()
		});
		const page = await context.newPage();

		await test.step('the results grid: landscape, every question column inside the page', async () => {
			const path = `${prefix}/teach/classes/${classroom.classId}/lessons/${LESSON.id}`;
			const width = WIDTH.landscape;
			const { pdf } = await print(page, path, width, `results-${lang}.pdf`);
			// The page asks for landscape itself (a teacher's print dialog follows it).
			const size = pageSize(pdf);
			expect(size.width).toBeGreaterThan(size.height);
			const headers = page.locator('table.grid thead th.q');
			await expect(headers).toHaveCount(LESSON.questions.length);
			for (const [i, header] of (await headers.all()).entries()) {
				await expect(header).toHaveText(tx(lang, 'teach.results.q', { number: i + 1 }));
				const box = (await header.boundingBox())!;
				expect(box.x, `Q${i + 1}`).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width, `Q${i + 1}`).toBeLessThanOrEqual(width);
			}
			// Nothing scrolls sideways on paper: neither the grid's box nor the page.
			const overflow = await page.evaluate(() => {
				const scroller = document.querySelector('table.grid')!.parentElement!;
				const edge = scroller.getBoundingClientRect();
				// What sticks out of the grid's box, to name in a failure.
				const out = [...scroller.querySelectorAll('th, td, span, a')].flatMap((element) => {
					const box = element.getBoundingClientRect();
					return box.left < edge.left - 0.5 || box.right > edge.right + 0.5
						? [`${element.tagName} ${element.textContent?.trim().slice(0, 20)}`]
						: [];
				});
				return {
					grid: scroller.scrollWidth - scroller.clientWidth,
					page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
					out: out.slice(0, 5)
				};
			});
			expect(overflow).toEqual({ grid: 0, page: 0, out: [] });
			await expect(page.locator('table.grid tbody tr')).toHaveCount(names.length);
		});

		await test.step('the worksheet and its answer key', async () => {
			const sheet = `${prefix}/teach/lessons/${LESSON.id}/worksheet`;
			for (const q of ['both', 'ar', 'en']) {
				const { text } = await print(
					page,
					`${sheet}?q=${q}&key=1`,
					WIDTH.portrait,
					`worksheet-${lang}-${q}.pdf`
				);
				// One heading in both languages, set apart (they once ran together: "الأسئلةQuestions").
				if (q === 'both')
					await expect(page.locator('section.questions h2')).toHaveText(
						`${tx('ar', 'teach.worksheet.questions')} / ${tx('en', 'teach.worksheet.questions')}`
					);
				// The true/false choices are printed as words, in each language the sheet uses.
				for (const paper of q === 'both' ? (['ar', 'en'] as const) : [q as 'ar' | 'en']) {
					expect(text).toContain(tx(paper, 'quiz.true'));
					expect(text).toContain(tx(paper, 'quiz.notGiven'));
				}
				await expect(page.locator('section.key')).toBeVisible();
				// The match key: its pairs numbered in order, each on one line with its letter (they
				// once wrapped each letter under a rule of its own).
				const labels = q === 'both' ? lang : q;
				const arrow = labels === 'ar' ? '←' : '→';
				for (const list of await page.locator('section.key ul.pairs').all()) {
					const pairs = await list.locator('li').evaluateAll((items) =>
						items.map((item) => ({
							text: item.textContent!.trim(),
							height: item.getBoundingClientRect().height,
							line: parseFloat(getComputedStyle(item).lineHeight) || 24
						}))
					);
					expect(pairs.length).toBeGreaterThan(1);
					for (const [i, pair] of pairs.entries()) {
						expect(pair.text).toMatch(new RegExp(`^${i + 1} ${arrow} \\S+$`));
						expect(pair.height).toBeLessThan(pair.line * 1.5);
					}
				}
				// The option letters keep their bracket in the labels' direction.
				await expect(page.locator('section.key strong bdi').first()).toHaveAttribute(
					'dir',
					labels === 'ar' ? 'rtl' : 'ltr'
				);
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(width, q).toBeLessThanOrEqual(WIDTH.portrait);
			}
		});
		await context.close();
		await classroom.teacher.dispose();
	});

	test(`a worksheet opened from the results page prints portrait (${lang})`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		// A student, so the page has its grid (and asks for landscape).
		await joinAs(classroom.teacher, baseURL!, classroom.code, 'Omar K.');
		const context = await browser.newContext({
			baseURL,
			storageState: await classroom.teacher.storageState()
		});
		const page = await context.newPage();
		const results = `${prefix}/teach/classes/${classroom.classId}/lessons/${LESSON.id}`;
		await page.goto(results);
		await page.emulateMedia({ media: 'print' });
		const grid = pageSize(await page.pdf({ preferCSSPageSize: true }));
		expect(grid.width).toBeGreaterThan(grid.height);
		// Followed as a teacher does, so the results page's styles are still in the document.
		await page.emulateMedia({ media: 'screen' });
		await page.getByRole('link', { name: tx(lang, 'teach.worksheet.open') }).click();
		await expect(page.locator('section.questions')).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		const sheet = pageSize(await page.pdf({ preferCSSPageSize: true }));
		expect(sheet.width).toBeLessThan(sheet.height);
		await context.close();
		await classroom.teacher.dispose();
	});
}
