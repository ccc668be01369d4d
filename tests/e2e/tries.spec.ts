/**
 * A second try and the score that counts (issue 14, items 2 and 6): "Try again" hands the answer
 * back to change, an unchanged answer is never checked twice, and the result page shows the
 * teacher's score (first tries) with the practice score apart, in both UI languages.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { joinOnPage, makeClassroom } from './classroom';
import { deviceRecords } from './device';
import { tx } from './i18n';
import { answerRight, answerWrong, card, loadLessons, setReading } from './lessons';
import type { CompiledQuestion } from '../../src/lib/lesson';

const LESSONS = loadLessons();

/** An Arabic-speaking student reads English; an English-speaking one reads Arabic. */
const STUDENTS = [
	{ ui: 'ar', prefix: '', reading: 'en' },
	{ ui: 'en', prefix: '/en', reading: 'ar' }
] as const;

const TYPES = ['choice', 'multi', 'truefalse', 'short', 'order', 'match', 'cloze', 'evidence'];

/** How many answers the device has queued for one question: one per check. */
async function checks(page: Page, lessonId: string, questionId: string): Promise<number> {
	const { outbox } = await deviceRecords(page, lessonId);
	return outbox.filter((item) => item.questionId === questionId).length;
}

/** Undoes what `answerWrong` did where `answerRight` would otherwise build on it. */
async function undoWrong(box: Locator, question: CompiledQuestion, lang: 'ar' | 'en') {
	if (question.type === 'multi') {
		const wrong = question.choices.find((c) => !c.correct)!;
		await box.getByRole('checkbox', { name: wrong[lang], exact: true }).uncheck();
	}
	if (question.type === 'cloze') {
		// Emptying the first gap makes it the one the next word goes into.
		await box.locator('button.gap').first().click();
	}
}

for (const student of STUDENTS) {
	test(`${student.ui} UI: "Try again" lets the answer change, for all eight question types`, async ({
		page
	}) => {
		const lesson = LESSONS.find((l) => TYPES.every((t) => l.questions.some((q) => q.type === t)))!;
		const t = (key: string) => tx(student.ui, key);
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');

		for (const type of TYPES) {
			const question = lesson.questions.find((q) => q.type === type)!;
			const box = card(page, question);
			const check = box.getByRole('button', { name: t('quiz.check'), exact: true });
			const tryAgain = box.getByRole('button', { name: t('quiz.tryAgain'), exact: true });

			await answerWrong(page, lesson, question, student.reading);
			await check.click();
			await expect(box.locator('.verdict.bad'), type).toContainText(t('quiz.secondTry'));
			await expect(check).toHaveCount(0);

			// "Try again" checks nothing: it hands the answer back, and Check waits for a change.
			await tryAgain.click();
			await expect(box.getByText(t('quiz.changeFirst')), type).toBeVisible();
			await expect(check, type).toBeDisabled();
			await expect(box.locator('fieldset :focus'), `${type}: focus on its controls`).toHaveCount(1);
			expect(await checks(page, lesson.id, question.id), type).toBe(1);
			await expect(box.locator('.key')).toHaveCount(0);

			await undoWrong(box, question, student.reading);
			await answerRight(page, lesson, question, student.reading);
			await expect(box.locator('.key')).toHaveCount(0);
			expect(await checks(page, lesson.id, question.id), type).toBe(2);
		}
	});

	test(`${student.ui} UI: an answer changed and changed back is not checked again`, async ({
		page
	}) => {
		const lesson = LESSONS[0]!;
		const t = (key: string) => tx(student.ui, key);
		const question = lesson.questions.find((q) => q.type === 'choice')!;
		if (question.type !== 'choice') throw new Error('a choice question');
		const [first, second] = question.choices.filter((c) => !c.correct);
		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		const box = card(page, question);
		const check = box.getByRole('button', { name: t('quiz.check'), exact: true });
		const radio = (choice: typeof first) =>
			box.getByRole('radio', { name: choice![student.reading], exact: true });

		await radio(first).check();
		await check.click();
		await expect(box.locator('.verdict.bad')).toBeVisible();
		// Changed without pressing "Try again": Check is back, and enabled.
		await radio(second).check();
		await expect(check).toBeEnabled();
		// Back to the answer already checked: "Try again" again, which checks nothing.
		await radio(first).check();
		await box.getByRole('button', { name: t('quiz.tryAgain'), exact: true }).click();
		await expect(check).toBeDisabled();
		await page.keyboard.press('Enter');
		expect(await checks(page, lesson.id, question.id)).toBe(1);
		// A reload keeps the tries: the card still offers the second one.
		await page.reload();
		await expect(box.getByRole('button', { name: t('quiz.tryAgain'), exact: true })).toBeVisible();
		await expect(box.locator('.key')).toHaveCount(0);
	});

	test(`${student.ui} UI: the result page's score is the teacher's, first tries, with practice apart`, async ({
		page,
		context,
		playwright,
		baseURL
	}) => {
		const lesson = LESSONS[0]!;
		const t = (key: string) => tx(student.ui, key);
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: lesson.id }]);
		await joinOnPage(page, classroom.code, 'Noor K.', student.ui);
		const [once, twice] = lesson.questions.filter((q) => q.type === 'choice');
		if (once?.type !== 'choice' || twice?.type !== 'choice') throw new Error('two choices');

		await page.goto(`${student.prefix}/lessons/${lesson.id}`);
		await setReading(page, student.reading, 'target');
		await answerRight(page, lesson, once, student.reading);
		await answerWrong(page, lesson, twice, student.reading);
		const box = card(page, twice);
		await box.getByRole('button', { name: t('quiz.check'), exact: true }).click();
		await box.getByRole('button', { name: t('quiz.tryAgain'), exact: true }).click();
		await answerRight(page, lesson, twice, student.reading);

		const total = lesson.questions.length;
		const firstTries = `${Math.round(100 / total)}`;
		const practice = `${Math.round(200 / total)}`;
		await page.goto(`${student.prefix}/lessons/${lesson.id}/result`);
		const score = page.getByRole('region', { name: t('result.score'), exact: true });
		await expect(score.locator('.big')).toHaveText(new RegExp(`^${firstTries}\\W*%\\W*$`));
		await expect(score).toContainText(t('result.scoreNote'));
		const shown = await score.locator('.big').textContent();
		const apart = page.getByRole('region', { name: t('result.practice'), exact: true });
		await expect(apart).toContainText(new RegExp(`${practice}\\W*%`));
		await expect(apart).toContainText(t('result.practiceNote'));
		await expect(page.locator('main')).not.toContainText('٪');

		// The teacher sees the same number for the same work, once the answers have been sent.
		await expect.poll(async () => (await deviceRecords(page, lesson.id)).outbox.length).toBe(0);
		await context.addCookies((await classroom.teacher.storageState()).cookies);
		await page.goto(`${student.prefix}/teach/classes/${classroom.classId}/lessons/${lesson.id}`);
		const row = page.getByRole('row').filter({ hasText: 'Noor K.' });
		// Its cells: answered, then the score, written exactly as the student's page writes it.
		await expect(row.getByRole('cell').nth(1)).toHaveText(shown!.trim());
		await classroom.teacher.dispose();
	});
}
