/**
 * Type and small things on the student's pages (issue 14, item 9), in both UI languages at a
 * phone's size: the fonts that draw bold Arabic and the Latin inside it, the answer key, the
 * source date, translations under options, "all answers sent", the text size, and focus when an
 * order item reaches the top.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { joinOnPage, makeClassroom } from './classroom';
import { deviceRecords } from './device';
import { tx } from './i18n';
import { answerRight, answerWrong, card, loadLessons, setReading } from './lessons';

const LESSONS = loadLessons();
const lesson = LESSONS[0]!;

/** An Arabic-speaking student reads English; an English-speaking one reads Arabic. */
const STUDENTS = [
	{ ui: 'ar', prefix: '', reading: 'en' },
	{ ui: 'en', prefix: '/en', reading: 'ar' }
] as const;

interface PlatformFont {
	familyName: string;
	postScriptName: string;
	isCustomFont: boolean;
	glyphCount: number;
}

/** The fonts Chromium drew an element's own text with (its text children, not its descendants'). */
async function fontsOf(page: Page, selector: string): Promise<PlatformFont[]> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
	await cdp.detach();
	return fonts as PlatformFont[];
}

test('Arabic bold text is drawn bold, and Latin inside Arabic lesson text in the Naskh fonts', async ({
	page
}) => {
	// An English-speaking student reading Arabic: prompts and options in Arabic.
	await page.goto(`/en/lessons/${lesson.id}`);
	await setReading(page, 'ar', 'target');
	const withDigits = lesson.questions.find(
		(q) => (q.type === 'choice' || q.type === 'multi') && q.choices.some((c) => /[0-9]/.test(c.ar))
	);
	if (withDigits?.type !== 'choice' && withDigits?.type !== 'multi') throw new Error('no digits');
	const option = withDigits.choices.findIndex((c) => /[0-9]/.test(c.ar));
	await page.evaluate(() => document.fonts.ready);

	const prompt = await fontsOf(page, `article[data-question="${withDigits.id}"] h3 .main-ar`);
	expect(prompt.length).toBeGreaterThan(0);
	expect(
		prompt.every((font) => font.isCustomFont),
		JSON.stringify(prompt)
	).toBe(true);
	expect(
		prompt.some((font) => /bold/i.test(font.postScriptName)),
		JSON.stringify(prompt)
	).toBe(true);

	// The option with digits: every glyph from the app's fonts, none from a system serif.
	const index = await card(page, withDigits)
		.locator('.option .main-ar')
		.evaluateAll(
			(spans, text) => spans.findIndex((span) => span.textContent === text),
			withDigits.choices[option]!.ar
		);
	const digits = await fontsOf(
		page,
		`article[data-question="${withDigits.id}"] .option:nth-child(${index + 1}) .main-ar`
	);
	expect(
		digits.every((font) => font.isCustomFont),
		JSON.stringify(digits)
	).toBe(true);
	// The Arabic cut holds no Latin digits: all of the app's fonts means they are Naskh's Latin.
	expect(digits.length).toBeGreaterThan(0);
});

test('the Arabic interface draws its bold text bold, and Latin in it in a sans', async ({
	page
}) => {
	await page.goto(`/lessons/${lesson.id}`);
	// Every card built: a node read while the cards replace their stubs can be gone before its
	// fonts are asked for.
	await expect(page.locator('article[data-stub]')).toHaveCount(0);
	await page.evaluate(() => document.fonts.ready);
	const summary = await fontsOf(page, 'details.reading-settings summary');
	expect(
		summary.some((font) => /bold/i.test(font.postScriptName)),
		JSON.stringify(summary)
	).toBe(true);
	// Its spaces may come from the system's sans: the Arabic font's cut holds no Latin.
	expect(summary.filter((font) => !font.isCustomFont && font.glyphCount > 1)).toEqual([]);
	// "السؤال 1 من 21": Arabic in the app's font, its digits in the system's sans.
	const meta = await fontsOf(page, 'article[data-question] .meta span');
	expect(meta.some((font) => font.isCustomFont)).toBe(true);
	expect(
		meta.filter((font) => /serif/i.test(font.familyName) && !/sans/i.test(font.familyName))
	).toEqual([]);
});

for (const student of STUDENTS) {
	const t = (key: string) => tx(student.ui, key);

	test(`${student.ui} UI: the source date is written in the language, on one line`, async ({
		page
	}) => {
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		const date = page.locator('.source .date');
		const [year, month, day] = lesson.source.date.split('-');
		await expect(date).toHaveText(
			t('date.day')
				.replace('{{day}}', String(Number(day)))
				.replace('{{month}}', t(`date.months.${Number(month)}`))
				.replace('{{year}}', year!)
		);
		// A long source line wraps around the date, never inside it.
		await page.setViewportSize({ width: 320, height: 700 });
		for (const width of [320, 300, 280]) {
			await page.setViewportSize({ width, height: 700 });
			// Runs of another direction make several boxes, all on one line.
			const tops = await date.evaluate((node) =>
				[...node.getClientRects()].map((rect) => Math.round(rect.top))
			);
			expect(new Set(tops).size, `${width} px: ${tops.join(', ')}`).toBe(1);
		}
	});

	test(`${student.ui} UI: translations under options start where the option's text starts`, async ({
		page
	}) => {
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		const question = lesson.questions.find((q) => q.type === 'choice')!;
		const box = card(page, question);
		await box.getByRole('button', { name: t('quiz.showOther'), exact: true }).click();
		const edges = await box.locator('.option .bi').evaluateAll((blocks) =>
			blocks.map((block) => {
				const text = (selector: string) => {
					const range = document.createRange();
					range.selectNodeContents(block.querySelector(selector)!);
					return range.getBoundingClientRect();
				};
				const rtl = getComputedStyle(block).direction === 'rtl';
				const start = (rect: DOMRect) => (rtl ? rect.right : rect.left);
				return { main: start(text('.main')), other: start(text('.other')) };
			})
		);
		expect(edges.length).toBeGreaterThan(1);
		for (const edge of edges) {
			expect(Math.abs(edge.main - edge.other)).toBeLessThan(2);
			expect(Math.abs(edge.main - edges[0]!.main)).toBeLessThan(2);
		}
	});

	test(`${student.ui} UI: the key numbers an order once and never repeats the explanation`, async ({
		page
	}) => {
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		for (const type of ['order', 'truefalse'] as const) {
			const question = lesson.questions.find((q) => q.type === type)!;
			const box = card(page, question);
			await answerWrong(page, lesson, question, student.reading);
			await box.getByRole('button', { name: t('quiz.check'), exact: true }).click();
			await box.getByRole('button', { name: t('quiz.tryAgain'), exact: true }).click();
			// A second wrong answer, different from the first.
			if (question.type === 'order') {
				await box.locator('ol > li').nth(1).locator('button').last().click();
			} else if (question.type === 'truefalse') {
				const wrong = ['true', 'false', 'not-given'].filter((v) => v !== question.answer);
				await box.locator(`input[value="${wrong[1]}"]`).check();
			}
			await box.getByRole('button', { name: t('quiz.check'), exact: true }).click();
			await expect(box.locator('.explain')).toBeVisible();
			if (question.type === 'order') {
				const lines = box.locator('.key ol > li');
				await expect(lines).toHaveCount(question.items.length);
				await expect(box.locator('.key ul')).toHaveCount(0);
				for (const [i, item] of question.items.entries()) {
					await expect(lines.nth(i)).toHaveText(item[student.reading]);
				}
			} else if (question.type === 'truefalse') {
				const label = t(
					question.answer === 'not-given' ? 'quiz.notGiven' : `quiz.${question.answer}`
				);
				const explain = question.explain[student.ui];
				// Said once: by the explanation when it opens with it, else by the key.
				const opening = explain.trim().toLowerCase();
				const said =
					opening.startsWith(label.toLowerCase()) &&
					!/[\p{L}\p{N}]/u.test(opening.charAt(label.length));
				await expect(box.locator('.key')).toHaveCount(said ? 0 : 1);
				if (!said) await expect(box.locator('.key .line')).toHaveText(label);
				await expect(box.locator('.key li')).toHaveCount(0);
			}
		}
	});

	test(`${student.ui} UI: "all answers sent" waits for an answer`, async ({
		page,
		playwright,
		baseURL
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: lesson.id }]);
		await classroom.teacher.dispose();
		await joinOnPage(page, classroom.code, `Sami ${student.ui}`, student.ui);
		const home = student.prefix || '/';
		await page.goto(home);
		await expect(page.getByRole('heading', { name: t('home.assignments') })).toBeVisible();
		await expect(page.getByText(t('home.allSent'))).toHaveCount(0);
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		await answerRight(
			page,
			lesson,
			lesson.questions.find((q) => q.type === 'choice')!,
			student.reading
		);
		await expect.poll(async () => (await deviceRecords(page, lesson.id)).outbox.length).toBe(0);
		await page.goto(home);
		await expect(page.getByText(t('home.allSent'))).toBeVisible();
	});

	test(`${student.ui} UI: the text size starts in the middle of its steps`, async ({ page }) => {
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await page.waitForLoadState('networkidle');
		await page.locator('details.reading-settings summary').click();
		const smaller = page.getByRole('button', { name: t('reading.smaller'), exact: true });
		const larger = page.getByRole('button', { name: t('reading.larger'), exact: true });
		const size = () =>
			page.locator('#paragraph-0').evaluate((node) => {
				const text = node.querySelector('[lang]') ?? node;
				return parseFloat(getComputedStyle(text).fontSize);
			});
		const start = await size();
		let down = 0;
		while (await smaller.isEnabled()) {
			await smaller.click();
			down++;
		}
		expect(await size()).toBeLessThan(start);
		let up = 0;
		while (await larger.isEnabled()) {
			await larger.click();
			up++;
		}
		expect(await size()).toBeGreaterThan(start);
		expect(down).toBeGreaterThan(1);
		expect(up - down).toBe(down);
	});

	test(`${student.ui} UI: moving an order item to the top keeps focus on it`, async ({ page }) => {
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		const question = lesson.questions.find((q) => q.type === 'order')!;
		const items = card(page, question).locator('ol > li');
		const second = (await items.nth(1).locator('.main').textContent())!;
		const up = items.nth(1).getByRole('button', { name: `${t('quiz.moveUp')}: ${second}` });
		await up.focus();
		await page.keyboard.press('Enter');
		await expect(items.first().locator('.main')).toHaveText(second);
		// Its "up" is disabled at the top: focus is on its "down", not on the page.
		const down = items.first().getByRole('button', { name: `${t('quiz.moveDown')}: ${second}` });
		await expect(down).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(items.nth(1).locator('.main')).toHaveText(second);
		await expect(
			items.nth(1).getByRole('button', { name: `${t('quiz.moveDown')}: ${second}` })
		).toBeFocused();
	});
}
