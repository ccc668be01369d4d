/**
 * The lesson editor for everyone: no serious or critical axe violation on any of its steps or on
 * the preview, in both UI languages on a tablet; a whole lesson authored with the keyboard alone
 * (evidence and a glossary entry selected in the passage, rows reordered with focus following);
 * and on a phone, a draft that can be read without scrolling sideways.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import {
	copyDraft,
	evidenceMark,
	fixtureDraft,
	overflowing,
	SHORT_SOURCE,
	SOURCE
} from './authoring';
import { makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';

const TABLET = { width: 820, height: 1180 };

/** Serious and critical axe violations on the page as it is now. */
async function violations(page: Page, where: string) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`
		);
}

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: every step of the editor and the preview pass axe on a tablet`, async ({
		page,
		playwright,
		baseURL
	}) => {
		// axe reads every element of the editor four times over: slow on a busy machine.
		test.setTimeout(300_000);
		await page.setViewportSize(TABLET);
		const editor = await fixtureDraft(page, playwright, baseURL!);
		const prefix = lang === 'en' ? '/en' : '';
		const found: string[] = [];

		await page.goto(`${prefix}/teach/lessons/new`);
		found.push(...(await violations(page, 'new')));

		await page.goto(`${prefix}${editor}`);
		await expect(page.getByLabel(tx(lang, 'author.details.id'))).toHaveValue(SHORT_SOURCE);
		await page.waitForLoadState('networkidle');
		found.push(...(await violations(page, 'lesson step')));
		await page.getByRole('button', { name: tx(lang, 'author.editor.step1') }).click();
		found.push(...(await violations(page, 'paragraphs step')));

		await page.goto(`${prefix}${editor}/preview`);
		await page.waitForLoadState('networkidle');
		found.push(...(await violations(page, 'preview')));
		expect(found).toEqual([]);
	});
}

const HEADLINE = 'المجلس البلدي يفتتح حديقة جديدة في وسط المدينة';
const BODY = [
	'افتتح المجلس البلدي يوم الخميس حديقة عامة جديدة في وسط المدينة بعد عامين من العمل.',
	'وقال رئيس المجلس إن الحديقة تضم ثلاثمئة شجرة وملعبًا للأطفال.',
	'وأضاف أن الدخول إلى الحديقة مجاني لكل السكان.'
];
const ARTICLE = [HEADLINE, ...BODY].join('\n\n');

/**
 * Presses Tab until `target` has the focus, as a keyboard user reaches it (so it must be
 * reachable), and finds its focus drawn.
 */
async function tabTo(page: Page, target: Locator) {
	for (let presses = 0; !(await target.evaluate((e) => e === document.activeElement)); presses++) {
		expect(presses, 'reached with Tab').toBeLessThan(200);
		await page.keyboard.press('Tab');
	}
	expect(await target.evaluate((e) => getComputedStyle(e).outlineStyle), 'focus drawn').not.toBe(
		'none'
	);
}

/**
 * In the focused selection box: from its start, Shift, Control and the arrow forward in Arabic
 * (left) a word at a time, until the selection ends with `last`; then Enter uses it.
 */
async function selectFromStart(page: Page, box: Locator, last: string) {
	await expect(box).toBeFocused();
	await page.keyboard.press('Control+Home');
	const selected = () =>
		box.evaluate((element: HTMLTextAreaElement) =>
			element.value.slice(element.selectionStart, element.selectionEnd).replace(/[\p{P}\s]+$/u, '')
		);
	for (let presses = 0; !(await selected()).endsWith(last); presses++) {
		expect(presses, `"${last}" selected`).toBeLessThan(40);
		await page.keyboard.press('Control+Shift+ArrowLeft');
	}
	await page.keyboard.press('Enter');
}

test('a lesson authored with the keyboard alone: evidence and glossary selected, rows reordered with the focus following', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	const t = (key: string, values?: Record<string, string | number>) => tx('ar', key, values);
	const button = (key: string, values?: Record<string, string | number>) =>
		page.getByRole('button', { name: t(key, values), exact: true });
	const said = (key: string, values: Record<string, string | number>) =>
		expect(page.getByRole('status').filter({ hasText: t(key, values) })).toHaveCount(1);
	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	await page.context().addCookies((await teacher.storageState()).cookies);
	await teacher.dispose();

	await test.step('the article pasted and the draft started', async () => {
		await page.goto('/teach/lessons/new');
		await tabTo(page, page.getByLabel(t('author.new.paste')));
		await page.keyboard.insertText(ARTICLE);
		await tabTo(page, button('author.new.submit'));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
		await tabTo(page, button('author.editor.next'));
		await page.keyboard.press('Enter');
		// The step's content takes the focus, not the top of the page.
		await expect(page.getByRole('heading', { name: t('author.details.title') })).toBeFocused();
	});

	await test.step('a paragraph translated', async () => {
		await tabTo(page, page.getByLabel(t('author.translate.box', { n: 1 })));
		await page.keyboard.insertText('On Thursday the city council opened a new public park.');
		await expect(
			page.getByText(t('author.translate.progress', { done: 1, total: 3 }))
		).toBeVisible();
	});

	await test.step('a glossary entry selected in the passage', async () => {
		await tabTo(page, button('author.glossary.select'));
		await page.keyboard.press('Enter');
		await selectFromStart(page, page.getByLabel(t('author.glossary.selectBox')), 'المجلس');
		const form = page.getByLabel(t('author.glossary.form'));
		await expect(form).toBeFocused();
		await expect(form).toHaveValue('افتتح المجلس');
		await expect(page.getByText(t('author.glossary.preview_one', { count: 1 }))).toBeVisible();
		await page.keyboard.press('Enter');
		const lemma = page.getByLabel(t('author.glossary.lemma', { n: 1 }));
		await expect(lemma).toBeFocused();
		await page.keyboard.insertText('افتتح');
		await expect(page.getByLabel(t('author.glossary.ar', { n: 1 }))).toHaveValue('افتتح المجلس');
	});

	await test.step('a question with its evidence selected, a choice added and removed', async () => {
		await tabTo(page, button('author.questions.add'));
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('author.q.id', { n: 1 }))).toBeFocused();
		await tabTo(page, page.getByLabel(t('author.q.promptAr', { n: 1 })));
		await page.keyboard.insertText('متى افتتحت الحديقة؟');
		await tabTo(page, button('author.q.addChoice', { n: 1 }));
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('author.q.choiceAr', { n: 1, m: 3 }))).toBeFocused();
		await tabTo(page, button('author.q.removeChoice', { n: 1, m: 3 }));
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('author.q.choiceAr', { n: 1, m: 3 }))).toHaveCount(0);
		// The last choice gone and the others at the minimum: on to adding one.
		await expect(button('author.q.addChoice', { n: 1 })).toBeFocused();
		await said('author.rows.removed', { left: 2 });

		const choose = button('author.evidence.chooseAr', { n: 1 });
		await tabTo(page, choose);
		await page.keyboard.press('Enter');
		await selectFromStart(
			page,
			page.getByLabel(t('author.evidence.passageAr', { n: 1 })),
			'الخميس'
		);
		await expect(evidenceMark(page, { ui: 'ar', n: 1, lang: 'ar' })).toHaveText(
			'افتتح المجلس البلدي يوم الخميس'
		);
		await expect(choose).toBeFocused();
	});

	await test.step('questions moved, duplicated and deleted, the focus following', async () => {
		await tabTo(page, page.getByLabel(t('author.questions.type')));
		await page.keyboard.press('ArrowDown');
		await expect(page.getByLabel(t('author.questions.type'))).toHaveValue('multi');
		await tabTo(page, button('author.questions.add'));
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('author.q.id', { n: 2 }))).toBeFocused();

		await tabTo(page, button('author.questions.up', { n: 2 }));
		await page.keyboard.press('Enter');
		// At the top now, its "up" is disabled: its "down" has the focus.
		await expect(button('author.questions.down', { n: 1 })).toBeFocused();
		await said('author.rows.moved', { at: 1, total: 2 });
		await expect(
			page.getByRole('group', { name: t('author.q.choicesMany', { n: 1 }) })
		).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(button('author.questions.up', { n: 2 })).toBeFocused();
		await said('author.rows.moved', { at: 2, total: 2 });
		await expect(
			page.getByRole('group', { name: t('author.q.choicesMany', { n: 2 }) })
		).toBeVisible();

		await tabTo(page, button('author.questions.duplicate', { n: 2 }));
		await page.keyboard.press('Enter');
		await expect(button('author.questions.duplicate', { n: 3 })).toBeFocused();
		await said('author.rows.duplicated', { at: 3, total: 3 });
		await tabTo(page, button('author.questions.delete', { n: 3 }));
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('author.q.id', { n: 3 }))).toHaveCount(0);
		await expect(button('author.questions.delete', { n: 2 })).toBeFocused();
		await said('author.rows.removed', { left: 2 });
	});
	await expect(page.getByText(t('author.save.saved'))).toBeVisible();
});

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: a draft is read on a phone with nothing wider than the screen`, async ({
		page,
		playwright,
		baseURL
	}) => {
		test.setTimeout(90_000);
		await page.setViewportSize({ width: 390, height: 844 });
		const editor = await copyDraft(page, playwright, baseURL!);
		const prefix = lang === 'en' ? '/en' : '';
		await page.goto(`${prefix}${editor}`);
		await expect(page.getByLabel(tx(lang, 'author.details.id'))).toHaveValue(`${SOURCE}-copy`);
		await page.waitForLoadState('networkidle');
		const wide = async (where: string) => {
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				`${where}: no horizontal scroll`
			).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
			expect(await overflowing(page), where).toEqual([]);
		};
		await wide('lesson step');
		// The boxes to select in, open.
		await page.getByRole('button', { name: tx(lang, 'author.glossary.select') }).click();
		await page
			.getByRole('button', { name: tx(lang, 'author.evidence.chooseAr', { n: 1 }), exact: true })
			.click();
		await wide('selection boxes');
		await page.getByRole('button', { name: tx(lang, 'author.editor.step1') }).click();
		await wide('paragraphs step');
		await page.goto(`${prefix}${editor}/preview`);
		await wide('preview');
	});
}
