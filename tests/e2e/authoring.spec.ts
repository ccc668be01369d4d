/**
 * Authoring in the browser: a teacher pastes a new article, merges two paragraphs, translates,
 * writes a choice and a short-answer question with the live checker pointing at what is missing, publishes, assigns the
 * lesson, and a student answers it. The start page in both UI languages. A laptop's screen: the
 * editor is made for one.
 */
import AxeBuilder from '@axe-core/playwright';
import { evidenceMark, selectEvidence, selectEvidenceByKeyboard } from './authoring';
import { makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';
import { setReading } from './lessons';
import { QUESTION_TYPES } from '../../src/lib/lesson/constants';

const LAPTOP = { viewport: { width: 1280, height: 800 } };

const HEADLINE = 'المجلس البلدي يفتتح حديقة جديدة في وسط المدينة';
const BODY = [
	'افتتح المجلس البلدي يوم الخميس حديقة عامة جديدة في وسط المدينة بعد عامين من العمل.',
	'وقال رئيس المجلس إن الحديقة تضم ثلاثمئة شجرة وملعبًا للأطفال.',
	'وأضاف أن الدخول إلى الحديقة مجاني لكل السكان.',
	'ويأمل السكان أن تفتح حدائق أخرى في الأحياء البعيدة.'
];
const ARTICLE = ['صحيفة المدينة', HEADLINE, '٣ آذار ٢٠٢٤', ...BODY].join('\n\n');
const ENGLISH = [
	'On Thursday the city council opened a new public park in the city centre after two years of work.',
	'The head of the council said the park has three hundred trees and a playground for children.',
	'He added that entry to the park is free for all residents. Residents hope that other parks will open in the outlying districts.'
];

test.use(LAPTOP);

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: the start page offers pasting and uploading an article`, async ({
		page,
		playwright,
		baseURL
	}) => {
		const { teacher } = await makeClassroom(playwright, baseURL!, []);
		await page.context().addCookies((await teacher.storageState()).cookies);
		const prefix = lang === 'en' ? '/en' : '';
		await page.goto(`${prefix}/teach/lessons`);
		await page.getByRole('link', { name: tx(lang, 'author.drafts.start') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(tx(lang, 'author.new.title'));
		await expect(page.getByLabel(tx(lang, 'author.new.paste'))).toHaveAttribute('dir', 'rtl');
		await expect(page.getByLabel(tx(lang, 'author.new.file'))).toBeVisible();
		// Nothing pasted: said so, in this language.
		await page.getByRole('button', { name: tx(lang, 'author.new.submit') }).click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			tx(lang, 'author.new.errors.empty-article')
		);
		await teacher.dispose();
	});
}

test('a teacher makes a lesson from a new article, publishes and assigns it; a student answers it', async ({
	page,
	browser,
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	const t = (key: string, values?: Record<string, string | number>) => tx('en', key, values);
	const classroom = await makeClassroom(playwright, baseURL!, []);
	await page.context().addCookies((await classroom.teacher.storageState()).cookies);

	await test.step('the article is pasted and its front matter read', async () => {
		await page.goto('/en/teach/lessons/new');
		await page.getByLabel(t('author.new.paste')).fill(ARTICLE);
		await page.getByRole('button', { name: t('author.new.submit') }).click();
		await expect(page).toHaveURL(/\/en\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINE);
		await expect(page.getByRole('listitem', { name: t('author.paragraph', { n: 4 }) })).toHaveText(
			new RegExp(BODY[3]!)
		);
	});

	await test.step('the last two paragraphs are merged', async () => {
		await page.getByRole('button', { name: t('author.paragraphs.merge', { n: 3 }) }).click();
		await expect(page.getByRole('listitem', { name: t('author.paragraph', { n: 4 }) })).toHaveCount(
			0
		);
		await page.getByRole('button', { name: t('author.editor.next') }).click();
	});

	await test.step('details and translations, with progress and live problems', async () => {
		await expect(page.getByLabel(t('author.details.titleAr'))).toHaveValue(HEADLINE);
		await expect(page.getByLabel(t('author.details.date'))).toHaveValue('2024-03-03');
		await expect(
			page.getByText(t('author.translate.progress', { done: 0, total: 3 }))
		).toBeVisible();
		// The checker points at the empty English title, in `lessons check` words.
		const titleEn = page.getByLabel(t('author.details.titleEn'));
		await expect(titleEn).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('button', { name: t('author.publish.button') })).toBeDisabled();
		await page.getByLabel(t('author.details.id')).fill('city-park-e2e');
		await titleEn.fill('The council opens a new park');
		await page.getByLabel(t('author.details.publisherEn')).fill('The City Paper');
		// A summary is optional, but one half of it alone is pointed at.
		await page.getByLabel(t('author.details.summaryAr')).fill('حديقة جديدة في وسط المدينة.');
		const summaryEn = page.getByLabel(t('author.details.summaryEn'));
		await expect(summaryEn).toHaveAttribute('aria-invalid', 'true');
		await summaryEn.fill('A new park in the city centre.');
		await expect(summaryEn).toHaveAttribute('aria-invalid', 'false');
		await page.getByRole('button', { name: t('author.details.notes.add') }).click();
		const noteAr = page.getByLabel(t('author.details.notes.ar', { m: 1 }));
		await expect(noteAr).toBeFocused();
		await noteAr.fill('الدونم وحدة لقياس مساحة الأرض.');
		await page
			.getByLabel(t('author.details.notes.en', { m: 1 }))
			.fill('A dunam is a unit of land area.');
		for (const [i, english] of ENGLISH.entries()) {
			await page.getByLabel(t('author.translate.box', { n: i + 1 })).fill(english);
		}
		await expect(
			page.getByText(t('author.translate.progress', { done: 3, total: 3 }))
		).toBeVisible();
		await expect(titleEn).toHaveAttribute('aria-invalid', 'false');
	});

	await test.step('a choice question', async () => {
		await page.getByLabel(t('author.questions.type')).selectOption('choice');
		await page.getByRole('button', { name: t('author.questions.add') }).click();
		const q = (key: string, m?: number) =>
			page.getByLabel(t(`author.q.${key}`, { n: 1, m: m ?? 0 }));
		await q('skill').selectOption('detail');
		await q('paragraph').selectOption({ label: t('author.paragraph', { n: 2 }) });
		await q('promptAr').fill('كم شجرة في الحديقة؟');
		await q('promptEn').fill('How many trees does the park have?');
		await q('choiceAr', 1).fill('ثلاثمئة');
		await q('choiceEn', 1).fill('Three hundred');
		await q('choiceAr', 2).fill('مئة');
		await q('choiceEn', 2).fill('One hundred');
		await q('explainAr').fill('يقول رئيس المجلس إن في الحديقة ثلاثمئة شجرة.');
		await q('explainEn').fill('The head of the council says the park has three hundred trees.');
		// No evidence yet: the checker says so at the evidence (once the rest of the form is
		// whole: the compiler checks quotes after the shape of the file).
		const problems = page.locator('#f-questions-0-evidence-problems');
		await expect(problems).toContainText('questions[0] (q1).evidence');
		// Selected in each paragraph: by keyboard in the English, as a drag leaves it in the Arabic.
		await selectEvidenceByKeyboard(page, { ui: 'en', n: 1, lang: 'en' }, 'trees');
		await expect(evidenceMark(page, { ui: 'en', n: 1, lang: 'en' })).toHaveText(
			'The head of the council said the park has three hundred trees'
		);
		await selectEvidence(
			page,
			{ ui: 'en', n: 1, lang: 'ar' },
			'لحديقة تضم ثلاثمئة ش',
			0,
			'الحديقة تضم ثلاثمئة شجرة'
		);
		await expect(problems).toHaveCount(0);
	});

	await test.step('a short-answer question, its accepted answers tried with the grader', async () => {
		await page.getByLabel(t('author.questions.type')).selectOption('short');
		await page.getByRole('button', { name: t('author.questions.add') }).click();
		const q = (key: string) => page.getByLabel(t(`author.q.${key}`, { n: 2 }));
		await q('promptAr').fill('ماذا افتتح المجلس؟');
		await q('promptEn').fill('What did the council open?');
		await q('answers.ar').fill('حديقة عامة جديدة');
		await q('answers.en').fill('a new public park');
		await selectEvidence(page, { ui: 'en', n: 2, lang: 'ar' }, 'حديقة عامة جديدة');
		await selectEvidence(page, { ui: 'en', n: 2, lang: 'en' }, 'a new public park');
		await q('explainAr').fill('افتتح المجلس حديقة عامة جديدة.');
		await q('explainEn').fill('The council opened a new public park.');
		const verdict = page.locator('output[for="f-questions-1-sample"]');
		await q('sample').fill('a school');
		await expect(verdict).toHaveText(t('author.q.sampleWrong'));
		await q('sample').fill('A new public park.');
		await expect(verdict).toHaveText(t('author.q.sampleRight'));
	});

	await test.step('checked, saved and published', async () => {
		await expect(page.getByText(t('author.check.none'))).toBeVisible();
		await expect(page.getByText(t('author.save.saved'))).toBeVisible();
		await page.getByRole('button', { name: t('author.publish.button') }).click();
		await expect(page.getByText(/Published “city-park-e2e”/)).toBeVisible();
	});

	await test.step('the draft survives a reload', async () => {
		await page.reload();
		await expect(page.getByLabel(t('author.details.titleEn'))).toHaveValue(
			'The council opens a new park'
		);
		await expect(page.getByLabel(t('author.q.promptEn', { n: 1 }))).toHaveValue(
			'How many trees does the park have?'
		);
	});

	await test.step('assigned to the class from the published lesson', async () => {
		await expect(page.getByText(t('author.check.none'))).toBeVisible();
		await page.getByRole('button', { name: t('author.publish.button') }).click();
		await page
			.getByRole('link', { name: t('author.publish.assignTo', { name: 'Class 9' }) })
			.click();
		await page.getByRole('checkbox', { name: 'The council opens a new park' }).check();
		await page.getByRole('button', { name: t('teach.assign.submit'), exact: true }).click();
		await expect(page.locator('#assignments li[data-lesson="city-park-e2e"]')).toHaveCount(1);
	});

	await test.step('a student answers it', async () => {
		const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
		const student = await context.newPage();
		await student.goto(`/en/join/${classroom.code}`);
		await student.getByLabel(t('join.name')).fill('Huda');
		await student.getByRole('button', { name: t('join.submit') }).click();
		await expect(student).toHaveURL(/\/en$/);
		await student
			.getByRole('link', { name: /The council opens a new park/ })
			.first()
			.click();
		await expect(student.getByText('A new park in the city centre.')).toBeVisible();
		await student.getByText(t('notes.title')).click();
		await expect(student.getByText('A dunam is a unit of land area.')).toBeVisible();
		await setReading(student, 'en', 'target');
		const box = student.locator('article[data-question="q1"]');
		await box.getByRole('radio', { name: 'Three hundred', exact: true }).check();
		await box.getByRole('button', { name: t('quiz.check'), exact: true }).click();
		await expect(box.getByText(t('quiz.correct'))).toBeVisible();
		const short = student.locator('article[data-question="q2"]');
		await short.getByRole('textbox', { name: t('quiz.typeHere') }).fill('a new public park');
		await short.getByRole('button', { name: t('quiz.check'), exact: true }).click();
		await expect(short.getByText(t('quiz.correct'))).toBeVisible();
		await context.close();
	});

	await classroom.teacher.dispose();
});

test('the compiler and the YAML parser load on the editor only, never on a student’s page', async ({
	page,
	playwright,
	baseURL
}) => {
	// Strings that survive minifying: one of the compiler's messages, one of the YAML parser's.
	const COMPILER = 'is not in paragraph';
	const YAML = 'Nested mappings are not allowed in compact mappings';
	// The scripts' addresses are noted as the page loads them and read again afterwards: a
	// response's own body can be gone by the time it is asked for (Chromium drops it, and the
	// protocol answers "No resource with given identifier"), which failed this test now and then.
	const loaded = new Set<string>();
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) loaded.add(response.url());
	});
	const scriptsOf = async (path: string) => {
		loaded.clear();
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const texts = await Promise.all(
			[...loaded].map(async (url) => {
				const response = await page.request.get(url);
				expect(response.ok(), url).toBe(true);
				return response.text();
			})
		);
		return texts.join('\n');
	};
	for (const path of [
		'/',
		'/en',
		'/lessons/basra-aegis-security',
		'/en/lessons/basra-aegis-security'
	]) {
		const scripts = await scriptsOf(path);
		expect(scripts.length, path).toBeGreaterThan(0);
		expect(scripts.includes(COMPILER), path).toBe(false);
		expect(scripts.includes(YAML), path).toBe(false);
	}

	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	const created = await teacher.post('/api/lessons/drafts', {
		headers: { origin: baseURL! },
		data: { article: BODY.join('\n\n'), lesson: 'id: budget-check\n' }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	await page.context().addCookies((await teacher.storageState()).cookies);
	const editor = await scriptsOf(`/en/teach/lessons/drafts/${id}`);
	expect(editor.includes(COMPILER)).toBe(true);
	expect(editor.includes(YAML)).toBe(true);
	await teacher.dispose();
});

test('two tabs never overwrite each other, and an edit made offline survives the tab', async ({
	page,
	playwright,
	baseURL
}) => {
	const t = (key: string, values?: Record<string, string | number>) => tx('en', key, values);
	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	const created = await teacher.post('/api/lessons/drafts', {
		headers: { origin: baseURL! },
		data: { article: BODY.join('\n\n'), lesson: 'id: two-tabs\nparagraphs:\n  - en: One.\n' }
	});
	const { id } = (await created.json()) as { id: string };
	const context = page.context();
	await context.addCookies((await teacher.storageState()).cookies);
	const path = `/en/teach/lessons/drafts/${id}`;
	const title = (tab: typeof page) => tab.getByLabel(t('author.details.titleEn'));
	const saved = (tab: typeof page) => expect(tab.getByText(t('author.save.saved'))).toBeVisible();

	await test.step('the second tab to save is shown both versions and chooses', async () => {
		const other = await context.newPage();
		await page.goto(path);
		await other.goto(path);
		// Typed only once each page has started (its first live check is done): typing into the
		// server's markup before that races hydration.
		for (const tab of [page, other]) {
			await expect(tab.getByText(t('author.check.running'))).toBeHidden();
		}
		await title(page).fill('From the first tab');
		await saved(page);
		await title(other).fill('From the second tab');
		await expect(other.getByRole('heading', { name: t('author.conflict.title') })).toBeVisible();
		await expect(other.getByRole('heading', { name: t('author.conflict.mine') })).toBeVisible();
		await expect(other.getByRole('heading', { name: t('author.conflict.theirs') })).toBeVisible();
		// Nothing was overwritten: the server still has the first tab's title.
		const stored = (await (await teacher.get(`/api/lessons/drafts/${id}`)).json()) as {
			lesson: string;
		};
		expect(stored.lesson).toContain('From the first tab');
		await other.getByRole('button', { name: t('author.conflict.keep.mine') }).click();
		await saved(other);
		await expect(title(other)).toHaveValue('From the second tab');
		await other.close();
	});

	await test.step('an edit made offline is kept on the device and sent from the next tab', async () => {
		await page.reload();
		await expect(title(page)).toHaveValue('From the second tab');
		await context.setOffline(true);
		await title(page).fill('Written offline');
		await expect(page.getByText(t('author.save.device'))).toBeVisible();
		await page.close();
		await context.setOffline(false);
		const next = await context.newPage();
		await next.goto(path);
		await expect(title(next)).toHaveValue('Written offline');
		await saved(next);
		const stored = (await (await teacher.get(`/api/lessons/drafts/${id}`)).json()) as {
			lesson: string;
		};
		expect(stored.lesson).toContain('Written offline');
	});
	await teacher.dispose();
});

test('the authoring pages have no accessibility violations, in both languages', async ({
	page,
	playwright,
	baseURL
}) => {
	// Eight question forms on the page, checked twice in each language, on a shared machine.
	test.setTimeout(300_000);
	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	const created = await teacher.post('/api/lessons/drafts', {
		headers: { origin: baseURL! },
		data: { article: ARTICLE, lesson: 'id: axe-check\nparagraphs:\n  - en: One.\n' }
	});
	const { id } = (await created.json()) as { id: string };
	await page.context().addCookies((await teacher.storageState()).cookies);
	for (const lang of ['ar', 'en'] as const) {
		const prefix = lang === 'en' ? '/en' : '';
		for (const path of ['/teach/lessons', '/teach/lessons/new', `/teach/lessons/drafts/${id}`]) {
			await page.goto(prefix + path);
			await page.waitForLoadState('networkidle');
			if (path.includes('/drafts/')) {
				// The lesson step, with a question of each of the eight types: added in the first
				// language, and there when the draft opens in the second.
				if (lang === 'ar') {
					for (const type of QUESTION_TYPES) {
						await page.getByLabel(tx(lang, 'author.questions.type')).selectOption(type);
						await page.getByRole('button', { name: tx(lang, 'author.questions.add') }).click();
					}
				}
				await expect(page.locator('.questions > li')).toHaveCount(QUESTION_TYPES.length);
				await expect(page.getByText(tx(lang, 'author.save.saved'))).toBeVisible({
					timeout: 15_000
				});
			}
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${prefix + path}: ${v.id} ${v.nodes.length}`)).toEqual(
				[]
			);
		}
		if (lang === 'ar') {
			// The paragraphs step too.
			await page.getByRole('button', { name: tx(lang, 'author.editor.step1') }).click();
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `paragraphs: ${v.id} ${v.nodes.length}`)).toEqual([]);
		}
	}
	await teacher.dispose();
});
