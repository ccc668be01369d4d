import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { answerRight, card, loadLessons, setReading } from './lessons';
import { holdScripts } from './slow';
import { tx } from './i18n';

const LESSONS = loadLessons();

/** An Arabic-speaking student reads English; an English-speaking one reads Arabic. */
const STUDENTS = [
	{ ui: 'ar', prefix: '', reading: 'en' },
	{ ui: 'en', prefix: '/en', reading: 'ar' }
] as const;

for (const student of STUDENTS) {
	for (const lesson of LESSONS) {
		test(`${student.ui} UI, reading ${student.reading}: ${lesson.id} all right gives 100%`, async ({
			page
		}) => {
			await page.goto(`${student.prefix}/lessons/${lesson.id}`);
			await expect(page.locator('html')).toHaveAttribute('lang', student.ui);
			await setReading(page, student.reading, 'both');

			// Tap a glossary word in the Arabic text.
			await page.locator('.passage button.term').first().click();
			const dialog = page.getByRole('dialog');
			await expect(dialog).toBeVisible();
			await expect(dialog.locator('.word')).toHaveText(
				lesson.glossary[lesson.paragraphs[0]!.terms[0]!.entry]!.ar
			);
			await dialog.locator('button').click();
			await expect(dialog).toBeHidden();

			for (const question of lesson.questions)
				await answerRight(page, lesson, question, student.reading);

			await page.locator('a.results').click();
			await expect(page.locator('.big')).toContainText('100');
			await expect(page.locator('.reread')).toHaveCount(0);
		});
	}
}

test('a wrong answer twice shows the answer, the explanation and the evidence', async ({
	page
}) => {
	const lesson = LESSONS[0]!;
	const question = lesson.questions.find((q) => q.type === 'choice')!;
	const [wrong, other] =
		question.type === 'choice' ? question.choices.filter((c) => !c.correct) : [];
	await page.goto(`/en/lessons/${lesson.id}`);
	await setReading(page, 'en', 'target');
	const box = card(page, question);
	await box.getByRole('radio', { name: wrong!.en, exact: true }).check();
	await box.locator('button.check').click();
	await expect(box.locator('.verdict.bad')).toBeVisible();
	await expect(box.locator('.explain')).toHaveCount(0);
	// "Try again", then another answer: the second try.
	await box.getByRole('button', { name: tx('en', 'quiz.tryAgain'), exact: true }).click();
	await box.getByRole('radio', { name: other!.en, exact: true }).check();
	await box.locator('button.check').click();
	await expect(box.locator('.key')).toBeVisible();
	await expect(box.locator('.explain')).toHaveText(question.explain.en);
	await box.locator('.feedback button').click();
	const mark = page.locator(`#paragraph-${question.paragraph} mark`);
	await expect(mark).toBeVisible();
	await expect(mark).toBeInViewport();
	await expect(mark).toContainText(question.evidence_en.split(' ')[0]!);
});

test('an evidence sentence is picked in the passage, by keyboard alone too', async ({ page }) => {
	const lesson = LESSONS[0]!;
	const question = lesson.questions.find((q) => q.type === 'evidence')!;
	await page.goto(`/lessons/${lesson.id}`);
	await setReading(page, 'ar', 'target');
	const box = card(page, question);
	const pick = box.locator('button.pick');
	const banner = page.locator('.picking');

	// Escape leaves the passage as it was and returns to the question.
	await pick.focus();
	await page.keyboard.press('Enter');
	await expect(banner).toBeVisible();
	await expect(page.locator('.passage button.term')).toHaveCount(0);
	await expect(page.locator('.passage button.sentence').first()).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(banner).toHaveCount(0);
	await expect(pick).toBeFocused();
	await expect(page.locator('.passage button.term').first()).toBeVisible();

	// Enter on the first sentence of the passage chooses it; the card shows it, focus on Check.
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	const first = lesson.paragraphs[0]!;
	const span = first.sentences.ar[0]!;
	await expect(box.locator('.chosen blockquote')).toHaveText(first.ar.slice(span.start, span.end));
	await expect(box.locator('button.check')).toBeFocused();
	await expect(banner).toHaveCount(0);

	// Choosing again shows the earlier choice as pressed.
	await pick.click();
	await expect(page.locator('.passage button.sentence[aria-pressed="true"]')).toHaveText(
		first.ar.slice(span.start, span.end)
	);
});

test('answers survive a reload and show on the library', async ({ page }) => {
	const lesson = LESSONS[1]!;
	await page.goto(`/lessons/${lesson.id}`);
	await setReading(page, 'ar', 'target');
	const first = lesson.questions.slice(0, 3);
	for (const question of first) await answerRight(page, lesson, question, 'ar');
	await page.reload();
	for (const question of first) {
		await expect(card(page, question).locator('.verdict.good')).toBeVisible();
		await expect(card(page, question).locator('button.check')).toHaveCount(0);
	}
	await expect(page.locator('input[name="reading-lang"][value="ar"]')).toBeChecked();
	await page.goto('/');
	await expect(page.locator(`a[href="/lessons/${lesson.id}"] progress`)).toHaveAttribute(
		'value',
		'3'
	);
});

for (const student of STUDENTS) {
	test(`${student.ui} UI has no accessibility violations on library, lesson and result`, async ({
		page
	}) => {
		// axe reads a lesson page of about 800 elements with its glossary open: 25–31 s under the
		// whole suite, at the edge of the 30 s default.
		test.slow();
		const lesson = LESSONS[0]!;
		for (const path of ['', `/lessons/${lesson.id}`, `/lessons/${lesson.id}/result`]) {
			await page.goto(`${student.prefix}${path}` || '/');
			await page.waitForLoadState('networkidle');
			// The glossary's entries are built when it opens: open it, so they are checked too.
			const glossary = page.locator('details.glossary');
			if ((await glossary.count()) > 0) {
				await glossary.locator('summary').click();
				await expect(glossary.locator('li').first()).toBeVisible();
			}
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.length}`)).toEqual([]);
		}
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
	});
}

for (const student of STUDENTS) {
	test(`${student.ui} UI: the glossary list opens by tap and by keyboard, with every entry`, async ({
		page
	}) => {
		const lesson = LESSONS[0]!;
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await page.waitForLoadState('networkidle');
		const glossary = page.locator('details.glossary');
		const entries = glossary.locator('li');
		await expect(entries).toHaveCount(0);
		await glossary.locator('summary').click();
		await expect(entries).toHaveCount(lesson.glossary.length);
		await expect(entries.first().locator('.word')).toHaveText(lesson.glossary[0]!.ar);
		await expect(entries.last().locator('.meaning')).toHaveText(lesson.glossary.at(-1)!.en);
		await glossary.locator('summary').press('Enter');
		await expect(glossary).not.toHaveAttribute('open');
		await expect(entries).toHaveCount(0);
		await glossary.locator('summary').press('Enter');
		await expect(entries).toHaveCount(lesson.glossary.length);
	});
}

test('a glossary opened before the page has started shows its entries when it starts', async ({
	page
}) => {
	const lesson = LESSONS[0]!;
	// The page's scripts are held back until the list has been opened, as on a slow phone.
	const release = await holdScripts(page);
	await page.goto(`/lessons/${lesson.id}`, { waitUntil: 'domcontentloaded' });
	const glossary = page.locator('details.glossary');
	await glossary.locator('summary').click();
	await expect(glossary).toHaveAttribute('open');
	release();
	await expect(glossary.locator('li')).toHaveCount(lesson.glossary.length);
});

test('before the page has started its questions can be read, and once it has they can be answered', async ({
	page
}) => {
	const lesson = LESSONS[0]!;
	const question = lesson.questions.find((q) => q.type === 'short')!;
	// The page's scripts are held back, as on a slow phone: the HTML alone lists every question.
	const release = await holdScripts(page);
	await page.goto(`/lessons/${lesson.id}`, { waitUntil: 'domcontentloaded' });
	const stubs = page.locator('article[data-stub]');
	await expect(stubs).toHaveCount(lesson.questions.length);
	await expect(stubs.nth(lesson.questions.indexOf(question))).toContainText(question.prompt.ar);
	release();
	// The cards take the stubs' places, a few at a time.
	await expect(stubs).toHaveCount(0);
	await expect(page.locator('article[data-question]')).toHaveCount(lesson.questions.length);
	const box = card(page, question);
	await box.getByRole('textbox').fill(question.type === 'short' ? question.answers.ar[0]! : '');
	await box.locator('button.check').click();
	await expect(box.locator('.verdict.good')).toBeVisible();
});

test('a reload returns to the question that was at the top of the screen', async ({ page }) => {
	const lesson = LESSONS[0]!;
	const question = lesson.questions[lesson.questions.length - 3]!;
	await page.goto(`/lessons/${lesson.id}`);
	await expect(page.locator('article[data-stub]')).toHaveCount(0);
	await card(page, question).evaluate((element) => element.scrollIntoView({ block: 'start' }));
	await page.reload();
	await expect(page.locator('article[data-stub]')).toHaveCount(0);
	await expect
		.poll(async () => (await card(page, question).boundingBox())?.y ?? -1)
		.toBeGreaterThanOrEqual(-2);
	const box = await card(page, question).boundingBox();
	expect(box!.y).toBeLessThan(40);
});

test('a reading setting chosen before the page has started is kept when it starts', async ({
	page
}) => {
	const lesson = LESSONS[0]!;
	// The page's scripts are held back while the student chooses, as on a slow phone.
	const release = await holdScripts(page);
	await page.goto(`/lessons/${lesson.id}`, { waitUntil: 'domcontentloaded' });
	const settings = page.locator('details.reading-settings');
	await settings.locator('summary').click();
	await settings.locator('input[name="reading-lang"][value="en"]').check();
	await settings.locator('input[name="reading-mode"][value="target"]').check();
	release();
	await page.waitForLoadState('networkidle');
	await expect(settings.locator('input[name="reading-lang"][value="en"]')).toBeChecked();
	await expect(settings.locator('input[name="reading-mode"][value="target"]')).toBeChecked();
	await expect(page.locator('#paragraph-0 .lang-en')).toBeVisible();
	await expect(page.locator('#paragraph-0 .lang-ar')).toHaveCount(0);
});
