/** Lessons for the browser tests: the compiled lessons (so tests know every answer), reading settings, and answering. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CompiledQuestion, Lesson } from '../../src/lib/lesson';
import { clozeBank } from '../../src/lib/quiz';

/** The real lessons as the app has them. */
export { compiledLessons as loadLessons } from '../../scripts/compile/folders';

/** Chooses the reading language and mode in the lesson page's settings. */
export async function setReading(
	page: Page,
	lang: 'ar' | 'en',
	mode: 'target' | 'both' | 'reveal'
) {
	// The choice takes effect once the page's scripts run (student.spec checks an earlier one).
	await page.waitForLoadState('networkidle');
	const settings = page.locator('details.reading-settings');
	if (!(await settings.getAttribute('open'))) await settings.locator('summary').click();
	await settings.locator(`input[name="reading-lang"][value="${lang}"]`).check();
	await settings.locator(`input[name="reading-mode"][value="${mode}"]`).check();
}

/** The card of a question on the lesson page. */
export function card(page: Page, question: CompiledQuestion): Locator {
	return page.locator(`article[data-question="${question.id}"]`);
}

/** Answers through the controls a student uses, by touch and by keyboard alike. */
export async function answerRight(
	page: Page,
	lesson: Lesson,
	question: CompiledQuestion,
	lang: 'ar' | 'en'
) {
	const box = card(page, question);
	switch (question.type) {
		case 'choice':
		case 'multi':
			for (const choice of question.choices.filter((c) => c.correct)) {
				await box
					.getByRole(question.type === 'choice' ? 'radio' : 'checkbox', {
						name: choice[lang],
						exact: true
					})
					.check();
			}
			break;
		case 'truefalse':
			await box.locator(`input[value="${question.answer}"]`).check();
			break;
		case 'short':
			await box.getByRole('textbox').fill(question.answers[lang][0]!);
			break;
		case 'order':
			await arrange(box, question, lang);
			break;
		case 'match':
			for (const pair of question.pairs) {
				await box
					.locator('.lefts')
					.getByRole('button', { name: pair.left[lang], exact: true })
					.click();
				await box
					.locator('.rights')
					.getByRole('button', { name: pair.right[lang], exact: true })
					.click();
			}
			break;
		case 'cloze': {
			const bank = clozeBank(question);
			for (const gap of question.gaps) {
				const word = bank.findIndex((w) => w.ar === gap.ar && w.en === gap.en);
				await box.locator('.bank button').nth(word).click();
			}
			break;
		}
		case 'evidence': {
			const paragraph = lesson.paragraphs[question.paragraph]!;
			const mark = question.evidenceSpan[lang];
			const span = paragraph.sentences[lang].find((s) => s.start < mark.end && mark.start < s.end)!;
			const sentence = paragraph[lang].slice(span.start, span.end).trim();
			// The sentence is tapped in the passage itself, then the card shows it.
			await box.locator('button.pick').click();
			await page
				.locator(`#paragraph-${question.paragraph}`)
				.getByRole('button', { name: sentence, exact: true })
				.click();
			await expect(box.locator('.chosen blockquote')).toHaveText(sentence);
			break;
		}
	}
	await box.locator('button.check').click();
	await expect(box.locator('.verdict.good')).toBeVisible();
}

/** Moves an order question's items, with their "move up" buttons, into the right order. */
async function arrange(
	box: Locator,
	question: Extract<CompiledQuestion, { type: 'order' }>,
	lang: 'ar' | 'en'
) {
	for (let target = 0; target < question.items.length; target++) {
		const texts = await box.locator('ol > li').allTextContents();
		let at = texts.findIndex((text) => text.includes(question.items[target]![lang]));
		while (at > target) {
			await box.locator('ol > li').nth(at).locator('button').first().click();
			at--;
		}
	}
}

/**
 * Gives a wrong (or partly right) answer through the controls, without checking it: a wrong
 * choice, verdict or word, a wrong first gap, two pairs swapped, two items swapped, or a sentence
 * of another paragraph.
 */
export async function answerWrong(
	page: Page,
	lesson: Lesson,
	question: CompiledQuestion,
	lang: 'ar' | 'en'
) {
	const box = card(page, question);
	switch (question.type) {
		case 'choice':
		case 'multi':
			await box
				.getByRole(question.type === 'choice' ? 'radio' : 'checkbox', {
					name: question.choices.find((c) => !c.correct)![lang],
					exact: true
				})
				.check();
			break;
		case 'truefalse':
			await box.locator(`input[value="${question.answer === 'true' ? 'false' : 'true'}"]`).check();
			break;
		case 'short':
			await box.getByRole('textbox').fill('zzz');
			break;
		case 'order':
			await arrange(box, question, lang);
			await box.locator('ol > li').first().locator('button').last().click();
			break;
		case 'match':
			for (const [left, right] of [
				[0, 1],
				[1, 0]
			] as const) {
				await box
					.locator('.lefts')
					.getByRole('button', { name: question.pairs[left]!.left[lang], exact: true })
					.click();
				await box
					.locator('.rights')
					.getByRole('button', { name: question.pairs[right]!.right[lang], exact: true })
					.click();
			}
			break;
		case 'cloze': {
			const bank = clozeBank(question);
			const gap = question.gaps[0]!;
			await box
				.locator('.bank button')
				.nth(bank.findIndex((w) => w.ar !== gap.ar || w.en !== gap.en))
				.click();
			break;
		}
		case 'evidence': {
			const other = lesson.paragraphs.findIndex((_, i) => i !== question.paragraph);
			const paragraph = lesson.paragraphs[other]!;
			const span = paragraph.sentences[lang][0]!;
			const sentence = paragraph[lang].slice(span.start, span.end).trim();
			await box.locator('button.pick').click();
			await page
				.locator(`#paragraph-${other}`)
				.getByRole('button', { name: sentence, exact: true })
				.click();
			await expect(box.locator('.chosen blockquote')).toHaveText(sentence);
			break;
		}
	}
}
