/**
 * Authoring in the browser, the glossary and the start page's Word files: an entry made by
 * selecting a word of the passage and one typed without a mouse, their links marked as the
 * compiler makes them (one as written, one only a letter away), each problem at its field, an
 * entry deleted; published, and a student taps the word and reads its meaning. A .docx starts a
 * lesson as pasted text does, and a broken one is refused, in both UI languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { makeClassroom } from './classroom';
import { expect, test, type Page } from './fixtures';
import { tx } from './i18n';
import { setReading } from './lessons';

const LAPTOP = { viewport: { width: 1280, height: 800 } };

const BODY = [
	'افتتح المجلس البلدي يوم الخميس حديقة عامة جديدة في وسط المدينة.',
	'وقال رئيس المجلس إن الحديقة تضم ثلاثمئة شجرة وملعبًا للأطفال.',
	'ويأمل السكان أن تفتح حدائق أخرى في الأحياء البعيدة.'
];
const LESSON = `id: park-glossary-e2e
title: { ar: "حديقة جديدة", en: "A new park" }
source: { publisher: { ar: "صحيفة المدينة", en: "The City Paper" }, date: "2024-03-03", genre: news }
paragraphs:
  - en: "On Thursday the city council opened a new public park in the city centre."
  - en: "The head of the council said the park has three hundred trees and a playground."
  - en: "Residents hope that other parks will open in the outlying districts."
`;

test.use(LAPTOP);

/** Double-clicks a word of the editor's passage, as a person selects one. */
async function selectWord(page: Page, paragraph: number, word: string) {
	const box = await page.evaluate(
		({ paragraph, word }) => {
			const root = document.querySelector(`[data-paragraph="${paragraph}"]`)!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = node.textContent!.indexOf(word);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + word.length);
				const { x, y, width, height } = range.getBoundingClientRect();
				return { x: x + width / 2, y: y + height / 2 };
			}
			return null;
		},
		{ paragraph, word }
	);
	expect(box, word).not.toBeNull();
	await page.mouse.dblclick(box!.x, box!.y);
}

test('ar UI: glossary entries by selection and by keyboard, their links checked, published and tapped by a student', async ({
	page,
	browser,
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	const t = (key: string, values?: Record<string, string | number>) => tx('ar', key, values);
	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	const created = await teacher.post('/api/lessons/drafts', {
		headers: { origin: baseURL! },
		data: { article: BODY.join('\n\n'), lesson: LESSON }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	await page.context().addCookies((await teacher.storageState()).cookies);
	await page.goto(`/teach/lessons/drafts/${id}`);
	const field = (key: string, n: number) => page.getByLabel(t(`author.glossary.${key}`, { n }));
	const links = (n: number) =>
		page.getByRole('list', { name: t('author.glossary.links', { n }) }).getByRole('listitem');
	const form = page.getByLabel(t('author.glossary.form'), { exact: true });

	await test.step('a word selected in the passage opens an entry with that form', async () => {
		await expect(page.getByText(t('author.check.none'))).toBeVisible();
		await selectWord(page, 1, 'شجرة');
		await expect(form).toHaveValue('شجرة');
		// Where it will link, before it is added.
		await expect(
			page.getByRole('list', { name: t('author.glossary.preview_one', { count: 1 }) })
		).toContainText(t('author.glossary.match.exact'));
		await page.getByRole('button', { name: t('author.glossary.add') }).click();
		await expect(field('lemma', 1)).toBeFocused();
		await expect(field('ar', 1)).toHaveValue('شجرة');
		// Each field still to fill is pointed at, in the checker's words.
		await expect(field('lemma', 1)).toHaveAttribute('aria-invalid', 'true');
		await expect(field('pos', 1)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('button', { name: t('author.publish.button') })).toBeDisabled();
		await page.keyboard.type('شجرة');
		await field('root', 1).fill('ش ج ر');
		await field('pos', 1).selectOption('noun');
		await field('en', 1).fill('tree');
		await expect(field('lemma', 1)).toHaveAttribute('aria-invalid', 'false');
		await expect(field('pos', 1)).toHaveAttribute('aria-invalid', 'false');
	});

	await test.step('a selection across two paragraphs is refused, and says so', async () => {
		const before = await form.inputValue();
		const refused = page.getByRole('status').filter({ hasText: t('author.glossary.oneParagraph') });
		await page.evaluate(() => {
			const [first, second] = document.querySelectorAll('[data-paragraph]');
			getSelection()!.setBaseAndExtent(first!.firstChild!, 0, second!.lastChild!, 1);
		});
		await expect(refused).toBeVisible();
		await expect(form).toHaveValue(before);
		await page.evaluate(() => getSelection()!.removeAllRanges());
		await expect(refused).toHaveCount(0);
	});

	await test.step('an entry typed and added with the keyboard alone', async () => {
		await form.focus();
		// Misspelt on purpose: it links البعيدة only by a one-letter match, which is shown.
		await page.keyboard.type('البعيدت');
		await expect(page.getByText(t('author.glossary.match.near'))).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(field('lemma', 2)).toBeFocused();
		await page.keyboard.type('بعيد');
		await page.keyboard.press('Tab');
		await expect(field('root', 2)).toBeFocused();
		await page.keyboard.type('ب ع د');
		await field('pos', 2).selectOption('adjective');
		await field('en', 2).fill('far, outlying');
	});

	await test.step('each entry’s links: one as written, one only a letter away, marked apart', async () => {
		await expect(links(1)).toHaveCount(1);
		await expect(links(1)).toContainText(t('author.glossary.match.exact'));
		await expect(links(2)).toHaveCount(1);
		await expect(links(2)).toContainText('البعيدة');
		await expect(links(2)).toContainText(t('author.glossary.match.near'));
		const passage = page.getByRole('group', { name: t('author.glossary.passage') });
		await expect(passage.getByTitle(t('author.glossary.linkTitle', { n: 1 }))).toHaveText('شجرة');
		await expect(passage.getByTitle(t('author.glossary.nearTitle', { n: 2 }))).toHaveText(
			'البعيدة'
		);
	});

	await test.step('the glossary with its entries and marks has no accessibility violation', async () => {
		const results = await new AxeBuilder({ page })
			.include('section[aria-labelledby="glossary-title"]')
			.analyze();
		expect(results.violations.map((v) => `${v.id} ${v.nodes.length}`)).toEqual([]);
	});

	await test.step('a repeated form is refused, and an entry deleted', async () => {
		await form.fill('الشجرة');
		await expect(page.getByText(t('author.glossary.repeats', { n: 1 }))).toHaveCount(0);
		await form.fill('شَجَرة');
		await expect(page.getByText(t('author.glossary.repeats', { n: 1 }))).toBeVisible();
		await expect(page.getByRole('button', { name: t('author.glossary.add') })).toBeDisabled();
		await form.fill('المجلس');
		await form.press('Enter');
		await expect(links(3)).toHaveCount(2);
		await page.getByRole('button', { name: t('author.glossary.delete', { n: 3 }) }).click();
		await expect(field('lemma', 3)).toHaveCount(0);
		await expect(field('lemma', 2)).toHaveValue('بعيد');
	});

	await test.step('published', async () => {
		await expect(page.getByText(t('author.check.none'))).toBeVisible();
		await expect(page.getByText(t('author.save.saved'))).toBeVisible();
		await page.getByRole('button', { name: t('author.publish.button') }).click();
		await expect(page.getByRole('link', { name: t('author.publish.open') })).toBeVisible();
	});

	await test.step('a student taps the word and reads its meaning', async () => {
		const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
		const student = await context.newPage();
		await student.goto('/lessons/park-glossary-e2e');
		await setReading(student, 'ar', 'target');
		await student.getByRole('button', { name: 'شجرة', exact: true }).click();
		const dialog = student.getByRole('dialog');
		await expect(dialog).toContainText('tree');
		await expect(dialog).toContainText('ش ج ر');
		await context.close();
	});
	await teacher.dispose();
});

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: a Word file starts a lesson as pasted text does; a broken one is refused`, async ({
		page,
		playwright,
		baseURL
	}) => {
		const t = (key: string, values?: Record<string, string | number>) => tx(lang, key, values);
		const { teacher } = await makeClassroom(playwright, baseURL!, []);
		await page.context().addCookies((await teacher.storageState()).cookies);
		await page.goto(`${lang === 'en' ? '/en' : ''}/teach/lessons/new`);
		const file = page.getByLabel(t('author.new.file'));
		const submit = page.getByRole('button', { name: t('author.new.submit') });

		await file.setInputFiles({
			name: 'article.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			buffer: Buffer.from('not a Word document')
		});
		await submit.click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			t('author.new.errors.not-docx')
		);
		// A Word file with pictures runs to megabytes: the app's own checks answer it, in the
		// teacher's language, not the server's default 512 KB body limit.
		const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
		await file.setInputFiles({
			name: 'photos.docx',
			mimeType: docx,
			buffer: Buffer.alloc(1024 * 1024, 1)
		});
		await submit.click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			t('author.new.errors.not-docx')
		);
		await file.setInputFiles({
			name: 'huge.docx',
			mimeType: docx,
			buffer: Buffer.alloc(2.5 * 1024 * 1024, 1)
		});
		await submit.click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			t('author.new.errors.too-large')
		);

		await file.setInputFiles('tests/fixtures/articles/library.docx');
		await submit.click();
		await expect(page).toHaveURL(/\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
		// The banner, headline and date line are read as in pasted text, and left out.
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'المجلس البلدي يفتتح مكتبة جديدة'
		);
		await expect(page.getByRole('listitem', { name: t('author.paragraph', { n: 1 }) })).toHaveText(
			/افتتح المجلس البلدي يوم الخميس مكتبة عامة جديدة/
		);
		await expect(page.getByRole('listitem', { name: t('author.paragraph', { n: 3 }) })).toHaveCount(
			0
		);
		await teacher.dispose();
	});
}
