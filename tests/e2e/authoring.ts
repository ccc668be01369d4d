/**
 * The lesson editor for the browser tests: a question's evidence selected in its paragraph, by
 * mouse-like selection or by keyboard alone, as an author does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { makeClassroom } from './classroom';
import { tx } from './i18n';

/** Which paragraph of question `n`'s evidence, and the UI's language. */
interface Where {
	ui: 'ar' | 'en';
	n: number;
	lang: 'ar' | 'en';
}

const suffix = (lang: 'ar' | 'en') => (lang === 'ar' ? 'Ar' : 'En');

/** Opens question `n`'s paragraph in `lang` to select in; returns its box. */
async function openPassage(page: Page, { ui, n, lang }: Where) {
	await page
		.getByRole('button', { name: tx(ui, `author.evidence.choose${suffix(lang)}`, { n }) })
		.click();
	const box = page.getByRole('textbox', {
		name: tx(ui, `author.evidence.passage${suffix(lang)}`, { n })
	});
	await expect(box).toBeFocused();
	return box;
}

/**
 * Selects `words` (their `nth` occurrence, from 0) in question `n`'s paragraph, as a drag of the
 * mouse leaves the selection, and uses them; `expected` is the evidence then marked.
 */
export async function selectEvidence(
	page: Page,
	where: Where,
	words: string,
	nth = 0,
	expected = words
): Promise<void> {
	const box = await openPassage(page, where);
	await box.evaluate(
		(element: HTMLTextAreaElement, [text, count]) => {
			let at = -1;
			for (let i = 0; i <= count; i++) at = element.value.indexOf(text, at + 1);
			element.setSelectionRange(at, at + text.length);
		},
		[words, nth] as const
	);
	await page.getByRole('button', { name: tx(where.ui, 'author.evidence.use') }).click();
	await expect(evidenceMark(page, where)).toHaveText(expected);
}

/**
 * Selects question `n`'s paragraph from its start to the end of the word `last` with the
 * keyboard alone (Shift and Control with the arrow that moves forward in the paragraph's
 * direction, a word at a time), and uses it with Enter.
 */
export async function selectEvidenceByKeyboard(page: Page, where: Where, last: string) {
	const box = await openPassage(page, where);
	await page.keyboard.press('Control+Home');
	const forward = where.lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
	const selected = () =>
		box.evaluate((element: HTMLTextAreaElement) =>
			element.value.slice(element.selectionStart, element.selectionEnd).replace(/[\p{P}\s]+$/u, '')
		);
	for (let presses = 0; !(await selected()).endsWith(last); presses++) {
		expect(presses, `"${last}" selected`).toBeLessThan(60);
		await page.keyboard.press(`Control+Shift+${forward}`);
	}
	await page.keyboard.press('Enter');
}

/** The marked evidence of question `n` in `lang`. */
export function evidenceMark(page: Page, { ui, n, lang }: Where) {
	return page
		.getByRole('group', { name: tx(ui, `author.evidence.label${suffix(lang)}`, { n }) })
		.locator('mark');
}

/** The elements that reach past the screen's sides, outside any box that scrolls on purpose. */
export function overflowing(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const scrolls = (element: Element | null): boolean => {
			for (let at = element; at && at !== document.body; at = at.parentElement) {
				const style = getComputedStyle(at);
				if (style.overflowX === 'auto' || style.overflowX === 'scroll') return true;
			}
			return false;
		};
		return [...document.querySelectorAll('main *')]
			.filter((element) => {
				const box = element.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) return false;
				return (box.left < -1 || box.right > width + 1) && !scrolls(element.parentElement);
			})
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
	});
}

/** A shipped lesson with every question type, copied into the drafts of the tests' teachers. */
export const SOURCE = 'basra-council-us-forces';

/** A copy of a shipped lesson (every question type) as a draft of a new teacher; its path. */
export async function copyDraft(
	page: Page,
	playwright: Parameters<typeof makeClassroom>[0],
	origin: string
) {
	const { teacher } = await makeClassroom(playwright, origin, []);
	const copied = await teacher.post('/teach/lessons?/copy', {
		headers: { origin, accept: 'text/html' },
		form: { id: SOURCE },
		maxRedirects: 0
	});
	expect(copied.status()).toBe(303);
	await page.context().addCookies((await teacher.storageState()).cookies);
	await teacher.dispose();
	return copied.headers()['location']!.replace(/^\/en/, '');
}

/** A short lesson with every question type (10 questions on 5 paragraphs), from the fixtures. */
export const SHORT_SOURCE = 'solar-school';

/**
 * The fixture lesson `SHORT_SOURCE` as a draft of a new teacher, started from its two files as
 * the drafts API starts one; its path. A third the size of a shipped lesson's editor, for checks
 * that read every element of the page (axe) and need every question type, not a long lesson.
 */
export async function fixtureDraft(
	page: Page,
	playwright: Parameters<typeof makeClassroom>[0],
	origin: string
) {
	const { teacher } = await makeClassroom(playwright, origin, []);
	const dir = join('tests/fixtures/lessons/valid', SHORT_SOURCE);
	const made = await teacher.post('/api/lessons/drafts', {
		headers: { origin },
		data: {
			article: readFileSync(join(dir, 'article.ar.txt'), 'utf8'),
			lesson: readFileSync(join(dir, 'lesson.yaml'), 'utf8')
		}
	});
	expect(made.status()).toBe(201);
	const { id } = (await made.json()) as { id: string };
	await page.context().addCookies((await teacher.storageState()).cookies);
	await teacher.dispose();
	return `/teach/lessons/drafts/${id}`;
}
