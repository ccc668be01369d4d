/**
 * Answers belong to the student who gave them, on a phone, in both UI languages: answers waiting
 * in the outbox for class A reach class A's teacher under the class-A student after the phone
 * joined class B; and a re-join on a new phone brings the student's answers back, so the lesson
 * opens where they were and a redone answer is not a first try. A student the teacher removed is
 * told so on the phone's next sync, which keeps the answers not sent and saves them to a file.
 * The home counts the answers the phone holds, before the server has them.
 */
import { readFileSync } from 'node:fs';
import { devices, expect, test, type Page } from './fixtures';
import { makeClassroom, parseCsv, postForm, storedAnswers, type Classroom } from './classroom';
import { deviceRecords, waitForServiceWorker } from './device';
import { tx } from './i18n';
import { answerRight, card, loadLessons, setReading } from './lessons';

const LESSON = loadLessons()[0]!;
const TOTAL = LESSON.questions.length;
/** A question answered wrong: a choice question, so any other choice is wrong. */
const WRONG = LESSON.questions.find((q, i) => i >= 3 && q.type === 'choice')!;
const RIGHT = LESSON.questions.slice(0, 3);

const PHONE = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } };

const prefix = (lang: 'ar' | 'en') => (lang === 'en' ? '/en' : '');

/** Joins a class on the page in `lang`; returns the student's id. */
async function join(page: Page, lang: 'ar' | 'en', code: string, name: string) {
	await page.goto(`${prefix(lang)}/join/${code}`);
	await page.getByLabel(tx(lang, 'join.name')).fill(name);
	const joined = page.waitForResponse((r) => r.url().endsWith('/api/join'));
	await page.getByRole('button', { name: tx(lang, 'join.submit') }).click();
	const { studentId } = (await (await joined).json()) as { studentId: string };
	await expect(page).toHaveURL(lang === 'en' ? '/en' : '/');
	return studentId;
}

/** Opens the lesson and answers three questions right and one wrong, in the reading language. */
async function answerFour(page: Page, lang: 'ar' | 'en') {
	await page.goto(`${prefix(lang)}/lessons/${LESSON.id}`);
	await setReading(page, lang, 'target');
	for (const question of RIGHT) await answerRight(page, LESSON, question, lang);
	const box = card(page, WRONG);
	const wrongChoice = WRONG.type === 'choice' ? WRONG.choices.find((c) => !c.correct)! : null;
	await box.getByRole('radio', { name: wrongChoice![lang], exact: true }).check();
	await box.locator('button.check').click();
	await expect(box.locator('.verdict.bad')).toBeVisible();
}

/** How a question stands in the device's saved progress. */
function savedRecord(page: Page, questionId: string) {
	return page.evaluate(
		({ lesson, question }) =>
			new Promise<{ tries: number; firstCorrect: boolean } | null>((resolve, reject) => {
				const open = indexedDB.open('qiraa');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('progress').objectStore('progress').get(lesson);
					get.onsuccess = () => {
						open.result.close();
						const record = (
							get.result as
								| { questions: Record<string, { tries: number; firstGrade: { correct: boolean } }> }
								| undefined
						)?.questions[question];
						resolve(
							record ? { tries: record.tries, firstCorrect: record.firstGrade.correct } : null
						);
					};
				};
			}),
		{ lesson: LESSON.id, question: questionId }
	);
}

const answersOf = async (classroom: Classroom) =>
	(await storedAnswers(classroom)).filter((row) => row.lessonId === LESSON.id);

// Two phones or two classes, a lesson answered in each test: 31 to 39 s on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

for (const lang of ['ar', 'en'] as const) {
	test(`${lang}: answers waiting for class A reach class A after the phone joins class B`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		// Both classes have the lesson: sent as the wrong student, the answers would be stored.
		const classA = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const classB = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const context = await browser.newContext({ baseURL, ...PHONE });
		const page = await context.newPage();
		const inA = await join(page, lang, classA.code, 'Layla A');

		// Every send fails (the school's server is down), the page's and the service worker's.
		await context.route('**/api/sync', (route) => route.abort('connectionfailed'));
		await answerFour(page, lang);
		expect((await deviceRecords(page, LESSON.id)).outbox).toHaveLength(4);

		// Joining class B says the four answers still go to class A.
		await page.goto(`${prefix(lang)}/join/${classB.code}`);
		const waiting = lang === 'en' ? 'join.waiting_other' : 'join.waiting_few';
		await expect(page.locator('[data-waiting]')).toHaveText(
			tx(lang, waiting, { count: 4, className: 'Class 9' })
		);
		await page.getByLabel(tx(lang, 'join.name')).fill('Layla B');
		const joined = page.waitForResponse((r) => r.url().endsWith('/api/join'));
		await page.getByRole('button', { name: tx(lang, 'join.submit') }).click();
		const inB = ((await (await joined).json()) as { studentId: string }).studentId;
		await expect(page).toHaveURL(lang === 'en' ? '/en' : '/');
		expect((await deviceRecords(page, LESSON.id)).outbox).toHaveLength(4);

		// The server is back; the student sends.
		await context.unroute('**/api/sync');
		await page.getByRole('button', { name: tx(lang, 'home.sendNow') }).click();
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		const inClassA = await answersOf(classA);
		expect(inClassA.map((row) => row.questionId).sort()).toEqual(
			[...RIGHT, WRONG].map((q) => q.id).sort()
		);
		expect(new Set(inClassA.map((row) => row.studentId))).toEqual(new Set([inA]));
		expect(await answersOf(classB)).toEqual([]);
		expect(inB).not.toBe(inA);
		await context.close();
		await classA.teacher.dispose();
		await classB.teacher.dispose();
	});

	test(`${lang}: the home counts the answers given offline, before and after they are sent`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const context = await browser.newContext({ baseURL, ...PHONE });
		const page = await context.newPage();
		await join(page, lang, classroom.code, 'Huda');
		await page.goto(`${prefix(lang)}/lessons/${LESSON.id}`);
		await setReading(page, lang, 'target');
		await answerRight(page, LESSON, RIGHT[0]!, lang);
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		// The home opens offline from the worker's precache: once it is in (the page starts it).
		await waitForServiceWorker(page);
		await context.setOffline(true);
		for (const question of RIGHT.slice(1)) await answerRight(page, LESSON, question, lang);
		const answered = tx(lang, 'home.answered', { answered: 3, total: TOTAL });
		// The server knows one answer; the phone knows three (the assignment once said one).
		await page.goto(`${prefix(lang)}/`);
		const assignments = page.getByRole('region', { name: tx(lang, 'home.assignments') });
		await expect(assignments).toContainText(answered);
		await context.setOffline(false);
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		await expect(assignments).toContainText(answered);
		await context.close();
		await classroom.teacher.dispose();
	});

	test(`${lang}: a re-join on a new phone brings the answers back`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const old = await browser.newContext({ baseURL, ...PHONE });
		const oldPhone = await old.newPage();
		const studentId = await join(oldPhone, lang, classroom.code, 'Sami');
		await answerFour(oldPhone, lang);
		await expect.poll(async () => (await deviceRecords(oldPhone, LESSON.id)).outbox).toEqual([]);
		await old.close();

		// The phone is lost; the teacher makes a re-join code.
		const made = await postForm(
			classroom.teacher,
			baseURL!,
			`/teach/classes/${classroom.classId}?/rejoin`,
			{ student: studentId }
		);
		const code = /data-rejoin-code[^>]*>([2-9A-HJKMNP-Z]{8})</.exec(await made.text())?.[1];
		expect(code).toBeDefined();

		const fresh = await browser.newContext({ baseURL, ...PHONE });
		const page = await fresh.newPage();
		await page.goto(`${prefix(lang)}/join/${code}`);
		await page.getByRole('button', { name: tx(lang, 'join.rejoinSubmit') }).click();
		await expect(page).toHaveURL(lang === 'en' ? '/en' : '/');
		await expect(page.getByRole('main')).toContainText(
			tx(lang, 'home.answered', { answered: 4, total: TOTAL })
		);

		// The lesson opens where the old phone left it.
		await page.goto(`${prefix(lang)}/lessons/${LESSON.id}`);
		await expect(page.locator('.questions .progress')).toHaveText(
			tx(lang, 'quiz.progress', { answered: 4, total: TOTAL })
		);
		for (const question of RIGHT) {
			await expect(card(page, question).locator('.verdict.good')).toBeVisible();
			await expect(card(page, question).locator('button.check')).toHaveCount(0);
		}
		await expect(card(page, WRONG).locator('.verdict.bad')).toBeVisible();

		// Answered again, the wrong one is a second try: the first stays the one that counts.
		await setReading(page, lang, 'target');
		await answerRight(page, LESSON, WRONG, lang);
		await expect(card(page, WRONG).locator('.verdict.good')).toBeVisible();
		expect(await savedRecord(page, WRONG.id)).toEqual({ tries: 2, firstCorrect: false });
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		const stored = await answersOf(classroom);
		expect(stored.filter((row) => row.questionId === WRONG.id)).toHaveLength(2);
		expect(new Set(stored.map((row) => row.studentId))).toEqual(new Set([studentId]));
		await fresh.close();
		await classroom.teacher.dispose();
	});
}

for (const lang of ['ar', 'en'] as const) {
	test(`${lang}: a removed student's phone is told so, keeps the answers not sent and saves them`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const context = await browser.newContext({ baseURL, ...PHONE, acceptDownloads: true });
		const page = await context.newPage();
		const studentId = await join(page, lang, classroom.code, 'Layla R');

		// One answer reaches the teacher; then the server is out of reach and four more wait.
		await page.goto(`${prefix(lang)}/lessons/${LESSON.id}`);
		await setReading(page, lang, 'target');
		const first = LESSON.questions.at(-1)!;
		await answerRight(page, LESSON, first, lang);
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		await context.route('**/api/sync', (route) => route.abort('connectionfailed'));
		await answerFour(page, lang);
		expect((await deviceRecords(page, LESSON.id)).outbox).toHaveLength(4);

		// The teacher removes the student (offered the class's answers first, on the class page).
		const base = `/teach/classes/${classroom.classId}`;
		const removed = await postForm(classroom.teacher, baseURL!, `${base}?/remove`, {
			student: studentId
		});
		expect(removed.status()).toBe(303);

		// Back in reach: the phone's next sync hears it was removed.
		await context.unroute('**/api/sync');
		await page.goto(`${prefix(lang)}/`);
		const notice = page.locator('[data-removed]');
		await expect(notice).toContainText(tx(lang, 'home.removed', { className: 'Class 9' }));
		const kept = lang === 'en' ? 'home.removedKept_other' : 'home.removedKept_few';
		await expect(notice).toContainText(tx(lang, kept, { count: 4 }));
		await expect(page.getByText(tx(lang, 'home.allSent'))).toHaveCount(0);
		const pending = lang === 'en' ? 'home.pending_other' : 'home.pending_few';
		await expect(page.getByText(tx(lang, pending, { count: 4 }))).toHaveCount(0);
		// Nothing was dropped, and a join form offers a way back.
		expect((await deviceRecords(page, LESSON.id)).outbox).toHaveLength(4);
		await expect(page.locator('#join-code')).toBeVisible();

		// The answers not sent, saved as a file for the teacher.
		const download = page.waitForEvent('download');
		await notice.getByRole('button', { name: tx(lang, 'home.saveAnswers') }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe(`${tx(lang, 'home.savedFile')} - Class 9.csv`);
		const rows = parseCsv(readFileSync((await file.path())!, 'utf8'));
		expect(rows[0]).toEqual(
			['className', 'student', 'lesson', 'question', 'answer', 'answeredAt'].map((key) =>
				tx(lang, `home.saved.${key}`)
			)
		);
		expect(
			rows
				.slice(1)
				.map((row) => row[3])
				.sort()
		).toEqual([...RIGHT, WRONG].map((q) => q.id).sort());
		expect(rows.slice(1).every((row) => row[0] === 'Class 9' && row[1] === 'Layla R')).toBe(true);
		expect(rows[1]![2]).toBe(LESSON.title[lang]);

		// A reload asks nothing more of the server and still says so.
		let syncs = 0;
		context.on('request', (request) => {
			if (request.url().endsWith('/api/sync')) syncs++;
		});
		await page.reload();
		await expect(notice).toContainText(tx(lang, 'home.removed', { className: 'Class 9' }));
		expect(syncs).toBe(0);
		await context.close();
		await classroom.teacher.dispose();
	});

	test(`${lang}: a removed student's phone with nothing waiting stops saying all was sent`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: LESSON.id }]);
		const context = await browser.newContext({ baseURL, ...PHONE });
		const page = await context.newPage();
		const studentId = await join(page, lang, classroom.code, 'Omar R');
		await page.goto(`${prefix(lang)}/lessons/${LESSON.id}`);
		await setReading(page, lang, 'target');
		await answerRight(page, LESSON, LESSON.questions[0]!, lang);
		await expect.poll(async () => (await deviceRecords(page, LESSON.id)).outbox).toEqual([]);
		await page.goto(`${prefix(lang)}/`);
		await expect(page.getByText(tx(lang, 'home.allSent'))).toBeVisible();

		const base = `/teach/classes/${classroom.classId}`;
		await postForm(classroom.teacher, baseURL!, `${base}?/remove`, { student: studentId });
		await page.reload();
		await expect(page.locator('[data-removed]')).toContainText(
			tx(lang, 'home.removed', { className: 'Class 9' })
		);
		await expect(page.getByText(tx(lang, 'home.allSent'))).toHaveCount(0);
		await expect(page.getByRole('button', { name: tx(lang, 'home.saveAnswers') })).toHaveCount(0);
		await context.close();
		await classroom.teacher.dispose();
	});
}
