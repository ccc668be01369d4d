/**
 * Issue 16's test of the question forms: a teacher, in the Arabic UI, makes a lesson with a
 * question of every one of the eight types from a new article, each question's evidence selected
 * in the Arabic paragraph and in its English; publishes and assigns it. A student's phone, in the
 * English UI, keeps it, answers every question offline, and the grades are right: on the phone,
 * and in the teacher's export once the phone is back online.
 */
import { compileLesson } from '../../src/lib/lesson/compile';
import type { Lesson } from '../../src/lib/lesson';
import { QUESTION_TYPES } from '../../src/lib/lesson/constants';
import { evidenceMark, selectEvidence, selectEvidenceByKeyboard } from './authoring';
import { LAPTOP, PHONE, joinOnPage, makeClassroom, parseCsv } from './classroom';
import { expect, test, type Page } from './fixtures';
import { tx } from './i18n';
import { answerRight, answerWrong, card, setReading } from './lessons';

const HEADLINE = 'مكتبة جديدة للأطفال في حي الجمهورية';
const BODY = [
	'افتتحت البلدية يوم السبت مكتبة جديدة للأطفال في حي الجمهورية.',
	'وتضم المكتبة ألفي كتاب وقاعة للقراءة وركنًا للرسم.',
	'وقالت مديرة المكتبة إن الأطفال يستطيعون استعارة ثلاثة كتب كل أسبوع. وأضافت أن الاستعارة مجانية.',
	'بدأ العمل في المبنى قبل عامين، ثم توقف بسبب نقص المال، ثم أكمله متبرعون من الحي.',
	'ويأمل الأهالي أن تفتح مكتبات مثلها في الأحياء الأخرى.'
];
const ENGLISH = [
	"On Saturday the municipality opened a new children's library in the Jumhuriya district.",
	'The library holds two thousand books, a reading room and a drawing corner.',
	"The library's director said that children can borrow three books every week. She added that borrowing is free.",
	'Work on the building began two years ago, then stopped for lack of money, then donors from the district finished it.',
	'Parents hope that libraries like it will open in other districts.'
];
const ARTICLE = ['صحيفة الحي', HEADLINE, '١٢ آذار ٢٠٢٤', ...BODY].join('\n\n');
const ID = `library-${Date.now().toString(36)}`;
const TITLE_EN = 'A new children’s library';

/** The Arabic UI's string at `key`. */
const ar = (key: string, values?: Record<string, string | number>) => tx('ar', key, values);

/** The editor's fields of question `n`, found by their Arabic labels. */
function formOf(page: Page, n: number) {
	const field = (key: string, m = 0) =>
		page.getByLabel(ar(`author.q.${key}`, { n, m }), { exact: true });
	return {
		field,
		/** Fills fields by key: `{ promptAr: '…', 'item.ar': ['…', '…'] }` (a list fills m = 1…). */
		async fill(values: Record<string, string | string[]>) {
			for (const [key, value] of Object.entries(values)) {
				const texts = Array.isArray(value) ? value : [value];
				for (const [i, text] of texts.entries()) {
					await field(key, Array.isArray(value) ? i + 1 : 0).fill(text);
				}
			}
		},
		button: (key: string, m = 0) =>
			page.getByRole('button', { name: ar(`author.q.${key}`, { n, m }), exact: true })
	};
}

/** Adds a question of `type` on paragraph `paragraph` (from 1) and returns its form. */
async function addQuestion(page: Page, n: number, type: string, paragraph: number) {
	await page.getByLabel(ar('author.questions.type')).selectOption(type);
	await page.getByRole('button', { name: ar('author.questions.add') }).click();
	await expect(page.locator('.questions > li')).toHaveCount(n);
	const form = formOf(page, n);
	await form.field('paragraph').selectOption({ label: ar('author.paragraph', { n: paragraph }) });
	return form;
}

/** Question `n`'s explanation in both languages. */
async function explain(page: Page, n: number, text: string) {
	await formOf(page, n).fill({ explainAr: `الشرح: ${text}`, explainEn: `Because: ${text}` });
}

test('a lesson with every question type is made in the browser, assigned, and answered offline on a phone with the right grades', async ({
	browser,
	playwright,
	baseURL
}) => {
	test.setTimeout(300_000);
	const classroom = await makeClassroom(playwright, baseURL!, []);
	const teacherContext = await browser.newContext({ baseURL, ...LAPTOP });
	await teacherContext.addCookies((await classroom.teacher.storageState()).cookies);
	const page = await teacherContext.newPage();
	const phone = await browser.newContext({ baseURL, ...PHONE });
	try {
		await test.step('the article is pasted, and the lesson described and translated', async () => {
			await page.goto('/teach/lessons/new');
			await page.getByLabel(ar('author.new.paste')).fill(ARTICLE);
			await page.getByRole('button', { name: ar('author.new.submit') }).click();
			await expect(page).toHaveURL(/\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
			await page.getByRole('button', { name: ar('author.editor.next') }).click();
			await expect(page.getByLabel(ar('author.details.date'))).toHaveValue('2024-03-12');
			await page.getByLabel(ar('author.details.id')).fill(ID);
			await page.getByLabel(ar('author.details.titleEn')).fill(TITLE_EN);
			await page.getByLabel(ar('author.details.publisherEn')).fill('The District Paper');
			for (const [i, english] of ENGLISH.entries()) {
				await page.getByLabel(ar('author.translate.box', { n: i + 1 })).fill(english);
			}
		});

		await test.step('1: choice', async () => {
			const q = await addQuestion(page, 1, 'choice', 2);
			await q.fill({
				promptAr: 'كم كتابًا في المكتبة؟',
				promptEn: 'How many books does the library hold?',
				choiceAr: ['ألفا كتاب', 'ألف كتاب'],
				choiceEn: ['Two thousand', 'One thousand']
			});
			await selectEvidence(page, { ui: 'ar', n: 1, lang: 'ar' }, 'ألفي كتاب');
			await selectEvidence(page, { ui: 'ar', n: 1, lang: 'en' }, 'two thousand books');
			await explain(page, 1, 'ألفي كتاب');
		});

		await test.step('2: multi', async () => {
			const q = await addQuestion(page, 2, 'multi', 2);
			await q.fill({
				promptAr: 'ماذا في المكتبة غير الكتب؟',
				promptEn: 'What does the library have besides books?',
				choiceAr: ['قاعة للقراءة', 'ركن للرسم', 'مسبح'],
				choiceEn: ['A reading room', 'A drawing corner', 'A swimming pool']
			});
			await q.field('correct', 2).check();
			await selectEvidence(page, { ui: 'ar', n: 2, lang: 'ar' }, 'وقاعة للقراءة وركنًا للرسم');
			await selectEvidence(
				page,
				{ ui: 'ar', n: 2, lang: 'en' },
				'a reading room and a drawing corner'
			);
			await explain(page, 2, 'قاعة وركن');
		});

		await test.step('3: true, false or not given', async () => {
			const q = await addQuestion(page, 3, 'truefalse', 3);
			await q.fill({ promptAr: 'الاستعارة بالمال.', promptEn: 'Borrowing costs money.' });
			await q.field('answer').selectOption('false');
			// The paragraph opened to select in cannot be edited; Escape leaves it as it was.
			const choose = page.getByRole('button', {
				name: ar('author.evidence.chooseAr', { n: 3 }),
				exact: true
			});
			await choose.click();
			await page.keyboard.type('زز');
			await page.keyboard.press('Backspace');
			await expect(
				page.getByRole('textbox', { name: ar('author.evidence.passageAr', { n: 3 }) })
			).toHaveValue(BODY[2]!);
			await page.keyboard.press('Escape');
			await expect(choose).toBeFocused();
			await expect(evidenceMark(page, { ui: 'ar', n: 3, lang: 'ar' })).toHaveCount(0);
			// By keyboard alone, in the Arabic paragraph too.
			await selectEvidenceByKeyboard(page, { ui: 'ar', n: 3, lang: 'ar' }, 'أسبوع');
			await expect(evidenceMark(page, { ui: 'ar', n: 3, lang: 'ar' })).toHaveText(
				'وقالت مديرة المكتبة إن الأطفال يستطيعون استعارة ثلاثة كتب كل أسبوع'
			);
			// Chosen again, narrower: a new selection replaces the old.
			await selectEvidence(page, { ui: 'ar', n: 3, lang: 'ar' }, 'الاستعارة مجانية');
			await selectEvidence(page, { ui: 'ar', n: 3, lang: 'en' }, 'borrowing is free');
			await explain(page, 3, 'الاستعارة مجانية');
		});

		await test.step('4: short answer', async () => {
			const q = await addQuestion(page, 4, 'short', 3);
			await q.fill({
				promptAr: 'كم كتابًا يستعير الطفل كل أسبوع؟',
				promptEn: 'How many books can a child borrow each week?',
				'answers.ar': 'ثلاثة كتب\nثلاثة',
				'answers.en': 'three books\nthree'
			});
			await selectEvidence(page, { ui: 'ar', n: 4, lang: 'ar' }, 'استعارة ثلاثة كتب كل أسبوع');
			await selectEvidence(page, { ui: 'ar', n: 4, lang: 'en' }, 'borrow three books every week');
			await explain(page, 4, 'ثلاثة كتب');
		});

		await test.step('5: order, its items put right with their buttons', async () => {
			const q = await addQuestion(page, 5, 'order', 4);
			// Written in the wrong order: the last first.
			await q.fill({
				promptAr: 'رتّب مراحل بناء المكتبة.',
				promptEn: 'Put the building of the library in order.',
				'item.ar': ['أكمل المتبرعون المبنى', 'بدأ العمل في المبنى', 'توقف العمل لنقص المال'],
				'item.en': ['Donors finished the building', 'Work began', 'Work stopped for lack of money']
			});
			await q.button('item.up', 2).click();
			// Focus follows the moved item, so the keyboard can go on moving it.
			await expect(q.button('item.down', 1)).toBeFocused();
			await q.button('item.down', 2).click();
			await expect(q.field('item.en', 1)).toHaveValue('Work began');
			await expect(q.field('item.en', 2)).toHaveValue('Work stopped for lack of money');
			await expect(q.field('item.en', 3)).toHaveValue('Donors finished the building');
			await selectEvidence(page, { ui: 'ar', n: 5, lang: 'ar' }, BODY[3]!.slice(0, -1));
			// "then" is in the paragraph twice: the second, selected, is told apart by the next word.
			await selectEvidence(page, { ui: 'ar', n: 5, lang: 'en' }, 'then', 1, 'then donors');
			await expect(page.getByText(ar('author.evidence.widened'))).toBeVisible();
			await explain(page, 5, 'بدأ ثم توقف ثم أكمله المتبرعون');
		});

		await test.step('6: match, with a pair too many removed', async () => {
			const q = await addQuestion(page, 6, 'match', 3);
			await q.button('pair.add').click();
			await q.fill({
				promptAr: 'صِل كل شيء بعدده.',
				promptEn: 'Match each thing with its number.',
				'pair.left.ar': ['الكتب في المكتبة', 'الكتب لكل طفل في الأسبوع', 'سنوات العمل', 'زائد'],
				'pair.left.en': [
					'Books in the library',
					'Books per child each week',
					'Years of work',
					'Extra'
				],
				'pair.right.ar': ['ألفان', 'ثلاثة', 'عامان', 'زائد'],
				'pair.right.en': ['two thousand', 'three', 'two', 'extra']
			});
			await q.button('pair.remove', 4).click();
			await expect(q.field('pair.left.en', 4)).toHaveCount(0);
			await expect(q.button('pair.remove', 3)).toBeDisabled();
			await selectEvidence(page, { ui: 'ar', n: 6, lang: 'ar' }, 'ثلاثة كتب كل أسبوع');
			await selectEvidence(page, { ui: 'ar', n: 6, lang: 'en' }, 'three books every week');
			await explain(page, 6, 'الأعداد في النص');
		});

		await test.step('7: cloze, its gaps counted as they are written', async () => {
			const q = await addQuestion(page, 7, 'cloze', 1);
			await q.fill({ promptAr: 'أكمل الجملة.', promptEn: 'Complete the sentence.' });
			await q.field('cloze.ar').fill('افتتحت ___ مكتبة جديدة للأطفال.');
			await q.field('cloze.en').fill('The ___ opened a new library for ___.');
			// Two gaps in the English for one word: said as it is typed.
			const count = page.getByText(ar('author.q.cloze.count', { ar: 1, en: 2, words: 1 }));
			await expect(count).toHaveAttribute('data-even', 'false');
			await q.field('cloze.en').fill("The ___ opened a new children's library.");
			await expect(
				page.getByText(ar('author.q.cloze.count', { ar: 1, en: 1, words: 1 }))
			).toHaveAttribute('data-even', 'true');
			await q.fill({ 'gap.ar': ['البلدية'], 'gap.en': ['municipality'] });
			await q.button('distractor.add').click();
			await q.fill({ 'distractor.ar': ['الوزارة'], 'distractor.en': ['ministry'] });
			await expect(q.field('cloze.en')).toHaveAttribute('aria-invalid', 'false');
			await selectEvidence(page, { ui: 'ar', n: 7, lang: 'ar' }, 'افتتحت البلدية');
			await selectEvidence(page, { ui: 'ar', n: 7, lang: 'en' }, 'the municipality opened');
			await explain(page, 7, 'البلدية');
		});

		await test.step('8: find the sentence, shown as the sentence a student may tap', async () => {
			const q = await addQuestion(page, 8, 'evidence', 3);
			await q.fill({
				promptAr: 'المس الجملة التي تقول إن الاستعارة بلا مال.',
				promptEn: 'Tap the sentence that says borrowing costs nothing.'
			});
			await selectEvidence(page, { ui: 'ar', n: 8, lang: 'ar' }, 'وأضافت أن الاستعارة مجانية');
			await selectEvidence(page, { ui: 'ar', n: 8, lang: 'en' }, 'She added that');
			const group = page.getByRole('group', { name: ar('author.evidence.labelEn', { n: 8 }) });
			await expect(group.getByRole('listitem')).toHaveText(['She added that borrowing is free.']);
			// Cleared, the checker asks for it again; chosen again, it is back.
			await page
				.getByRole('button', { name: ar('author.evidence.clearEn', { n: 8 }), exact: true })
				.click();
			await expect(page.locator('#f-questions-7-evidence_en-problems')).toBeVisible();
			await selectEvidence(page, { ui: 'ar', n: 8, lang: 'en' }, 'She added that');
			await explain(page, 8, 'الجملة الثانية');
		});

		await test.step('checked, published and assigned', async () => {
			await expect(page.getByText(ar('author.check.none'))).toBeVisible({ timeout: 15_000 });
			await expect(page.getByText(ar('author.save.saved'))).toBeVisible();
			await page.getByRole('button', { name: ar('author.publish.button') }).click();
			await page
				.getByRole('link', { name: ar('author.publish.assignTo', { name: 'Class 9' }) })
				.click();
			await page.getByRole('checkbox', { name: HEADLINE }).check();
			await page.getByRole('button', { name: ar('teach.assign.submit'), exact: true }).click();
			await expect(page.locator(`#assignments li[data-lesson="${ID}"]`)).toHaveCount(1);
		});

		// The lesson as published, compiled here to know where each answer lies.
		const files = (await (await classroom.teacher.get(`/api/lessons/${ID}/files`)).json()) as {
			article: string;
			lesson: string;
		};
		const compiled = compileLesson({
			yamlPath: 'lesson.yaml',
			yaml: files.lesson,
			articlePath: 'article.ar.txt',
			article: files.article
		});
		if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
		const lesson: Lesson = compiled.lesson;
		expect(lesson.questions.map((q) => q.type)).toEqual([...QUESTION_TYPES]);
		const marked = (i: number, lang: 'ar' | 'en') => {
			const q = lesson.questions[i]!;
			return lesson.paragraphs[q.paragraph]![lang].slice(
				q.evidenceSpan[lang].start,
				q.evidenceSpan[lang].end
			);
		};
		// The evidence is where it was selected: the second "then", not the first.
		expect(marked(4, 'en')).toBe('then donors');
		expect(lesson.questions[4]!.evidenceSpan.en.start).toBe(ENGLISH[3]!.lastIndexOf('then'));
		expect(marked(1, 'ar')).toBe('وقاعة للقراءة وركنًا للرسم');

		// Wrong: the verdict, a pair of items swapped (partly right), two pairs swapped and the
		// third left (none right).
		const WRONG = new Set(['truefalse', 'order', 'match']);
		await test.step('a phone keeps the lesson, and answers every question offline', async () => {
			const student = await phone.newPage();
			await joinOnPage(student, classroom.code, 'Huda', 'en');
			const item = student
				.locator('section.home li')
				.filter({ has: student.locator(`a[href="/en/lessons/${ID}"]`) });
			await expect(item).toContainText(tx('en', 'pwa.kept.mark'), { timeout: 60_000 });
			await phone.setOffline(true);
			const offline = await phone.newPage();
			const response = await offline.goto(`/en/lessons/${ID}`);
			expect(response?.fromServiceWorker()).toBe(true);
			await setReading(offline, 'ar', 'target');
			for (const question of lesson.questions) {
				if (WRONG.has(question.type)) {
					await answerWrong(offline, lesson, question, 'ar');
					const box = card(offline, question);
					await box.getByRole('button', { name: tx('en', 'quiz.check'), exact: true }).click();
					await expect(box.locator('.verdict.bad'), question.type).toBeVisible();
				} else {
					await answerRight(offline, lesson, question, 'ar');
				}
			}
			await offline.close();
			await phone.setOffline(false);
			await student.reload();
		});

		await test.step("the teacher's export grades each answer as the phone did", async () => {
			const rows = async () => {
				const response = await page.request.get(
					`/en/teach/classes/${classroom.classId}/export.csv`
				);
				return parseCsv(await response.text())
					.slice(1)
					.filter((row) => row[0] === 'Huda' && row[2] === TITLE_EN);
			};
			await expect.poll(async () => (await rows()).length, { timeout: 30_000 }).toBe(8);
			const results = (await rows())
				.map((row) => [Number(/^(\d+)\./.exec(row[3]!)![1]), row[5]] as const)
				.sort((a, b) => a[0] - b[0])
				.map(([, result]) => result);
			const right = tx('en', 'teach.csv.right');
			expect(results).toEqual([
				right,
				right,
				tx('en', 'teach.csv.wrong'),
				right,
				tx('en', 'teach.csv.partly', { percent: '67%' }),
				tx('en', 'teach.csv.wrong'),
				right,
				right
			]);
		});
	} finally {
		await Promise.all([teacherContext.close(), phone.close()]);
		await classroom.teacher.dispose();
	}
});
