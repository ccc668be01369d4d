/**
 * Faults a phone meets (issue 8, item 6), against the production build: the network dropping in
 * the middle of a sync, the device's clock a year off, its storage full, and a newer version of
 * the app upgrading the device's database while an old tab is open. In every case the outbox
 * keeps each answer until the server has acknowledged it, and the server keeps it once.
 *
 * The service worker is blocked here, so that the page's own outbox is the only one sending and
 * each request is the one the test routes (Background Sync is left to the offline suite).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import type { CompiledQuestion, Lesson } from '../../src/lib/lesson';
import { joinOnPage, makeClassroom, storedAnswers } from './classroom';
import { deviceRecords } from './device';
import { tx } from './i18n';
import { card, loadLessons, setReading } from './lessons';

test.use({ serviceWorkers: 'block' });

const LESSONS = loadLessons();
const YEAR = 365 * 86_400_000;

/** A date `days` from today on the server's clock (the test runs beside it), as YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The lesson's choice questions, in order. */
const choices = (lesson: Lesson) =>
	lesson.questions.filter(
		(question): question is Extract<CompiledQuestion, { type: 'choice' }> =>
			question.type === 'choice'
	);

/** Chooses the right answer and presses Check, reading Arabic; the caller expects the outcome. */
async function check(page: Page, question: Extract<CompiledQuestion, { type: 'choice' }>) {
	const box = card(page, question);
	const right = question.choices.find((choice) => choice.correct)!;
	await box.getByRole('radio', { name: right.ar, exact: true }).check();
	await box.locator('button.check').click();
}

/** Answers right and waits for the verdict, which shows once the answer is saved. */
async function answer(page: Page, question: Extract<CompiledQuestion, { type: 'choice' }>) {
	await check(page, question);
	await expect(card(page, question).locator('.verdict.good')).toBeVisible();
}

/** Opens a lesson (English interface, Arabic reading) and waits for its saved answers to load. */
async function openLesson(page: Page, lesson: Lesson, prefix = '/en') {
	await page.goto(`${prefix}/lessons/${lesson.id}`);
	// The phone keeps the language last chosen: back to Arabic by its switch, as a student would.
	if (prefix === '' && (await page.locator('html').getAttribute('lang')) !== 'ar') {
		await page.getByRole('link', { name: 'العربية' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	}
	await page.waitForLoadState('networkidle');
	await setReading(page, 'ar', 'target');
}

test('the network drops mid-sync, after the server stored a batch and before it got one', async ({
	page,
	baseURL,
	playwright
}) => {
	const lesson = LESSONS[0]!;
	const questions = choices(lesson).slice(0, 5);
	expect(questions).toHaveLength(5);
	const classroom = await makeClassroom(playwright, baseURL!, [{ lesson: lesson.id }]);
	await joinOnPage(page, classroom.code, 'Noor');

	// First the reply is lost: the server has the batch, the device hears nothing back.
	let mode: 'reply lost' | 'request lost' = 'reply lost';
	let reachedServer = 0;
	await page.route('**/api/sync', async (route) => {
		if (mode === 'request lost') return route.abort('internetdisconnected');
		const response = await route.fetch();
		expect(response.status()).toBe(200);
		reachedServer++;
		return route.abort('connectionreset');
	});
	await openLesson(page, lesson);
	for (const question of questions.slice(0, 3)) await answer(page, question);
	await expect.poll(() => reachedServer).toBeGreaterThanOrEqual(3);
	let device = await deviceRecords(page, lesson.id);
	expect(device.outbox.map((item) => item.questionId).sort()).toEqual(
		questions
			.slice(0, 3)
			.map((q) => q.id)
			.sort()
	);
	// Each answer went out again with every later one: the server kept each once.
	expect((await storedAnswers(classroom)).map((a) => a.questionId).sort()).toEqual(
		questions
			.slice(0, 3)
			.map((q) => q.id)
			.sort()
	);

	// Then the request itself is lost: nothing reaches the server.
	mode = 'request lost';
	for (const question of questions.slice(3)) await answer(page, question);
	device = await deviceRecords(page, lesson.id);
	expect(device.outbox).toHaveLength(5);
	expect(await storedAnswers(classroom)).toHaveLength(3);

	// The network is back: opening the app sends the outbox, which empties.
	await page.unroute('**/api/sync');
	await page.reload();
	await expect.poll(async () => (await deviceRecords(page, lesson.id)).outbox).toEqual([]);
	expect((await deviceRecords(page, lesson.id)).answered).toEqual(
		questions.map((q) => q.id).sort()
	);
	const stored = await storedAnswers(classroom);
	expect(stored.map((a) => a.questionId).sort()).toEqual(questions.map((q) => q.id).sort());
	expect(new Set(stored.map((a) => a.studentId)).size).toBe(1);
	await classroom.teacher.dispose();
});

test("the device's clock a year ahead or behind: the server's clock decides what is late", async ({
	browser,
	baseURL,
	playwright
}) => {
	const [past, coming] = LESSONS;
	const classroom = await makeClassroom(playwright, baseURL!, [
		{ lesson: past!.id, due: day(-2) },
		{ lesson: coming!.id, due: day(2) }
	]);
	const offsets = new Map([
		['Ahead', YEAR],
		['Behind', -YEAR]
	]);
	for (const [name, offset] of offsets) {
		const context = await browser.newContext({
			baseURL,
			viewport: { width: 390, height: 844 },
			serviceWorkers: 'block'
		});
		const page = await context.newPage();
		await page.clock.setSystemTime(new Date(Date.now() + offset));
		await joinOnPage(page, classroom.code, name);
		const skew = (await page.evaluate(() => Date.now())) - Date.now();
		expect(Math.abs(skew - offset)).toBeLessThan(60_000);
		for (const lesson of [past!, coming!]) {
			await openLesson(page, lesson);
			await answer(page, choices(lesson)[0]!);
			await expect.poll(async () => (await deviceRecords(page, lesson.id)).outbox).toEqual([]);
		}
		await context.close();
	}

	const stored = await storedAnswers(classroom);
	expect(stored).toHaveLength(4);
	for (const item of stored) {
		// The device's clock was a year off, and the server kept what it said, for reference only.
		const offset = offsets.get(item.studentName)!;
		const skew = Date.parse(item.answeredAt) - Date.parse(item.receivedAt);
		expect(Math.abs(skew - offset)).toBeLessThan(10 * 60_000);
		expect(Math.abs(Date.parse(item.receivedAt) - Date.now())).toBeLessThan(10 * 60_000);
		// Late is received after the due date, by the server: a year-behind device cannot make a
		// past due date look kept, nor a year-ahead one make a coming due date look missed.
		expect(item.late, `${item.studentName}: ${item.lessonId}`).toBe(item.lessonId === past!.id);
	}
	expect(new Set(stored.map((a) => a.studentName))).toEqual(new Set(offsets.keys()));
	await classroom.teacher.dispose();
});

/**
 * A full disk, as IndexedDB reports it: every write fails with a QuotaExceededError while the
 * flag is set (kept in localStorage, so it holds across reloads). Chromium's DevTools quota
 * override (`Storage.overrideQuotaForOrigin`) is not used: Chromium 156 reports the override as
 * active yet still lets IndexedDB write past it.
 */
function diskFullSwitch(flag: string) {
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
		if (localStorage.getItem(flag) === 'full') {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		return put.apply(this, args);
	};
}

const DISK_FLAG = 'test:disk';

test('storage full: the student is told in their language, and nothing saved before is lost', async ({
	page
}) => {
	await page.addInitScript(diskFullSwitch, DISK_FLAG);
	const setDisk = (state: 'full' | 'free') =>
		page.evaluate(([flag, value]) => localStorage.setItem(flag, value), [
			DISK_FLAG,
			state
		] as const);
	const lesson = LESSONS[0]!;
	const [first, second, third] = choices(lesson);
	await openLesson(page, lesson);
	await answer(page, first!);
	await answer(page, second!);
	const saved = await deviceRecords(page, lesson.id);
	expect(saved.outbox).toHaveLength(2);

	await setDisk('full');
	await check(page, third!);
	await expect(
		page.getByRole('alert').filter({ hasText: tx('en', 'pwa.storage.full') })
	).toBeVisible();
	// The answer is not shown as kept: no verdict, and the student can check it again.
	await expect(card(page, third!).locator('.verdict')).toHaveCount(0);
	await expect(card(page, third!).locator('button.check')).toBeEnabled();

	await page.reload();
	await expect(card(page, second!).locator('.verdict.good')).toBeVisible();
	await expect(card(page, third!).locator('.verdict')).toHaveCount(0);
	expect(await deviceRecords(page, lesson.id)).toEqual(saved);
	await openLesson(page, lesson, '');
	await check(page, third!);
	await expect(
		page.getByRole('alert').filter({ hasText: tx('ar', 'pwa.storage.full') })
	).toBeVisible();
	expect(await deviceRecords(page, lesson.id)).toEqual(saved);

	// Space again: the same answer is kept with one more tap, and the message goes.
	await setDisk('free');
	await card(page, third!).locator('button.check').click();
	await expect(card(page, third!).locator('.verdict.good')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
	const after = await deviceRecords(page, lesson.id);
	expect(after.outbox.map((item) => item.questionId).sort()).toEqual(
		[first, second, third].map((q) => q!.id).sort()
	);
	expect(after.answered).toEqual([first, second, third].map((q) => q!.id).sort());
});

test('a newer version upgrades the device database while an old tab is open', async ({
	page,
	context
}) => {
	const lesson = LESSONS[0]!;
	const [first, second, third] = choices(lesson);
	await openLesson(page, lesson);
	await answer(page, first!);
	await answer(page, second!);
	const saved = await deviceRecords(page, lesson.id);

	// Another tab runs a newer version: it opens the database one version up and adds a store.
	const newer = await context.newPage();
	await newer.goto('/robots.txt');
	const upgrade = await newer.evaluate(
		() =>
			new Promise<{ from: number; to: number }>((resolve, reject) => {
				const probe = indexedDB.open('qiraa');
				probe.onsuccess = () => {
					const from = probe.result.version;
					probe.result.close();
					const open = indexedDB.open('qiraa', from + 1);
					open.onupgradeneeded = () => open.result.createObjectStore('drafts');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const to = open.result.version;
						open.result.close();
						resolve({ from, to });
					};
					setTimeout(() => reject(new Error('the upgrade is still blocked')), 10_000);
				};
			})
	);
	expect(upgrade.to).toBe(upgrade.from + 1);
	// Nothing saved before is lost, read at the new version.
	expect(await deviceRecords(newer, lesson.id)).toEqual(saved);

	// The old tab let go and says so at once, in its language, with a way to reload.
	const alert = page.getByRole('alert').filter({ hasText: tx('en', 'pwa.storage.outdated') });
	await expect(alert).toBeVisible();
	await expect(alert.getByRole('button', { name: tx('en', 'pwa.update.reload') })).toBeVisible();
	// Its code cannot write to the newer database: an answer is not shown as kept.
	await check(page, third!);
	await expect(card(page, third!).locator('.verdict')).toHaveCount(0);
	await expect(alert).toBeVisible();
	expect(await deviceRecords(newer, lesson.id)).toEqual(saved);
});

test('the connection drops before the questions’ code came: no card offers a check it cannot grade, and the cards come when it returns', async ({
	page,
	context
}) => {
	const lesson = LESSONS[0]!;
	const path = `/en/lessons/${lesson.id}`;
	// The grader's file, fetched after start: it fails while the connection is "cut".
	const built = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string }>;
	const grader = `/${built['src/lib/quiz/grade.ts']!.file}`;
	let cut = true;
	await page.route('**/_app/immutable/**/*.js', (route) =>
		cut && new URL(route.request().url()).pathname === grader
			? route.abort('internetdisconnected')
			: route.continue()
	);
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	const [first] = choices(lesson);
	// The questions stay readable as they came in the HTML, none of them offering a Check.
	await expect(page.locator(`[data-stub="${first!.id}"]`)).toBeVisible();
	await expect(page.locator('button.check')).toHaveCount(0);

	cut = false;
	await context.setOffline(true);
	await context.setOffline(false);
	await expect(page.locator('button.check')).toHaveCount(lesson.questions.length);
	await context.setOffline(true);
	await setReading(page, 'ar', 'target');
	await answer(page, first!);
	expect((await deviceRecords(page, lesson.id)).outbox).toHaveLength(1);
});
