/**
 * The classroom loop, end to end against the production build: a teacher (Arabic UI, laptop) makes
 * a class and assigns both lessons; a student (English UI, phone) joins by the link, answers
 * offline and comes back online; the teacher sees the results and downloads them. Around it:
 * replayed batches, another teacher's ids, sign-in, pages without JavaScript, print and paper.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Page,
	type Request
} from './fixtures';
import {
	createClassOnPage,
	LAPTOP,
	newEmail,
	parseCsv,
	PASSWORD,
	PHONE,
	PASSWORD_HASH_TIMEOUT,
	postForm,
	signUpOnPage
} from './classroom';
import { tx } from './i18n';
import { answerRight, card, loadLessons, setReading } from './lessons';
import { holdScripts } from './slow';

const LESSONS = loadLessons();

/** A date `days` from today, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function newContext(browser: Browser, baseURL: string | undefined, options = {}) {
	return browser.newContext({ baseURL, ...LAPTOP, ...options });
}

/** How many answers wait in the device's outbox (IndexedDB), as the page sees it. */
function outboxCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('qiraa');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const count = open.result.transaction('outbox').objectStore('outbox').count();
					count.onsuccess = () => {
						open.result.close();
						resolve(count.result);
					};
				};
			})
	);
}

test('a class from sign-up to results: join by link, answer offline, the outbox syncs once, export', async ({
	browser,
	baseURL,
	request
}) => {
	// A whole class in one test: 18 to 23 s alone on two cores, 36 to 55 s with other suites
	// running beside it, against a 30 s budget.
	test.slow();
	const lesson = LESSONS[0]!;
	const other = LESSONS[1]!;
	const teacherContext = await newContext(browser, baseURL);
	const teacher = await teacherContext.newPage();
	const className = 'الصف العاشر (أ)';
	let classId = '';
	let joinLink = '';

	await test.step('the teacher signs up, makes a class and assigns both lessons', async () => {
		await signUpOnPage(teacher, 'ar', 'أ. سلمى');
		await expect(teacher.locator('html')).toHaveAttribute('dir', 'rtl');
		classId = await createClassOnPage(teacher, 'ar', className);
		await expect(teacher.locator('[data-join-code]')).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
		joinLink = (await teacher.locator('[data-join-link]').textContent())!;
		expect(joinLink).toMatch(new RegExp(`^${baseURL}/join/[2-9A-HJKMNP-Z]{6}$`));
		await expect(teacher.getByRole('img', { name: tx('ar', 'teach.join.qrAlt') })).toBeVisible();

		await teacher.getByRole('link', { name: tx('ar', 'teach.assignments.assign') }).click();
		for (const item of LESSONS) {
			await expect(teacher.locator(`li:has(input[value="${item.id}"]) .figures`)).toContainText(
				item.level ?? ''
			);
			await teacher.getByRole('checkbox', { name: item.title.ar }).check();
		}
		await teacher.getByLabel(tx('ar', 'teach.assign.due')).fill(day(7));
		await teacher
			.getByRole('button', { name: tx('ar', 'teach.assign.submit'), exact: true })
			.click();
		await expect(teacher).toHaveURL(`/teach/classes/${classId}#assignments`);
		await expect(teacher.locator('#assignments li[data-lesson]')).toHaveCount(2);
	});

	const studentContext = await browser.newContext({ baseURL, ...PHONE });
	const student = await studentContext.newPage();
	let token = '';
	let studentId = '';
	let batch: unknown;
	const wrongQuestion = lesson.questions.find((q, i) => i >= 3 && q.type === 'choice')!;
	const wrongChoice =
		wrongQuestion.type === 'choice' ? wrongQuestion.choices.find((c) => !c.correct)! : undefined;
	const rightQuestions = lesson.questions.slice(0, 3);

	await test.step('a student opens the join link on a phone and joins in English', async () => {
		await student.goto(joinLink);
		await student.getByRole('link', { name: 'English' }).click();
		await expect(student).toHaveURL(new URL(joinLink).pathname.replace(/^/, '/en'));
		await student.getByLabel(tx('en', 'join.name')).fill('ليلى م.');
		const joined = student.waitForResponse((r) => r.url().endsWith('/api/join'));
		await student.getByRole('button', { name: tx('en', 'join.submit') }).click();
		const body = (await (await joined).json()) as { token: string; studentId: string };
		({ token, studentId } = body);
		await expect(student).toHaveURL('/en');
		await expect(student.locator(`a[href="/en/lessons/${other.id}"]`).first()).toBeVisible();
		await student.locator(`a[href="/en/lessons/${lesson.id}"]`).first().click();
		await expect(student).toHaveURL(`/en/lessons/${lesson.id}`);
		await student.waitForLoadState('networkidle');
	});

	await test.step('offline, the student answers three questions right and one wrong', async () => {
		await studentContext.setOffline(true);
		await setReading(student, 'ar', 'target');
		for (const question of rightQuestions) await answerRight(student, lesson, question, 'ar');
		const box = card(student, wrongQuestion);
		await box.getByRole('radio', { name: wrongChoice!.ar, exact: true }).check();
		await box.locator('button.check').click();
		await expect(box.locator('.verdict.bad')).toBeVisible();
		expect(await outboxCount(student)).toBe(4);
	});

	await test.step('back online, the outbox goes out by itself and empties', async () => {
		// The page (on `online`) and the service worker (Background Sync) both wake up and take
		// turns: whichever goes first sends the four answers, the other finds nothing left. The
		// worker's requests are reported on the context, not on the page, so watch the context. A
		// request made in the moment the connection comes back can fail and be tried again: only
		// requests the server answered count.
		let posts = 0;
		const count = (r: Request) => {
			if (r.url().endsWith('/api/sync') && r.method() === 'POST') posts++;
		};
		studentContext.on('requestfinished', count);
		const synced = studentContext.waitForEvent('response', {
			predicate: (r) => r.url().endsWith('/api/sync') && r.request().method() === 'POST' && r.ok()
		});
		await studentContext.setOffline(false);
		const response = await synced;
		batch = response.request().postDataJSON();
		const { results } = (await response.json()) as { results: { status: string }[] };
		expect(results.map((result) => result.status)).toEqual(Array(4).fill('stored'));
		await expect.poll(() => outboxCount(student)).toBe(0);
		// Each answer went once: the second sender did not repeat the batch.
		expect(posts).toBe(1);
		studentContext.off('requestfinished', count);
	});

	const resultsPath = `/teach/classes/${classId}/lessons/${lesson.id}`;
	const row = teacher.locator(`tr[data-student="${studentId}"]`);

	await test.step('the teacher sees who got what right', async () => {
		await teacher.goto(`/teach/classes/${classId}`);
		await expect(teacher.locator(`#roster tr[data-student="${studentId}"]`)).toContainText(
			'ليلى م.'
		);
		await teacher
			.locator(`#assignments li[data-lesson="${lesson.id}"]`)
			.getByRole('link', { name: tx('ar', 'teach.assignments.results') })
			.click();
		await expect(teacher).toHaveURL(resultsPath);
		await expect(row.locator('[data-state="right"]')).toHaveCount(3);
		await expect(row.locator('[data-state="wrong"]')).toHaveCount(1);
		await expect(row.locator('[data-state="not-yet"]')).toHaveCount(lesson.questions.length - 4);
		await expect(row.locator('[data-answered]')).toHaveText(`4/${lesson.questions.length}`);
		await expect(row.locator('[data-late]')).toHaveCount(0);
		for (const question of rightQuestions) {
			await expect(teacher.locator(`tr[data-question="${question.id}"] [data-share]`)).toHaveText(
				/100/
			);
		}
		const missed = teacher.locator(`tr[data-question="${wrongQuestion.id}"]`);
		await expect(missed.locator('[data-share]')).toHaveText(/^0/);
		await expect(missed).toContainText(wrongChoice!.ar);
		await expect(teacher.locator('#missed-title')).toContainText(
			String(wrongQuestion.paragraph + 1)
		);
	});

	await test.step('the teacher downloads the results as CSV', async () => {
		const link = teacher.getByRole('link', { name: tx('ar', 'teach.results.csv') });
		const response = await teacher.request.get((await link.getAttribute('href'))!);
		expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=/);
		const download = teacher.waitForEvent('download');
		await link.click();
		const rows = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
		const csv = (key: string) => tx('ar', `teach.csv.${key}`);
		expect(rows[0]!.slice(0, 7)).toEqual(
			['student', 'lesson', 'answered', 'correct', 'score', 'complete', 'late'].map(csv)
		);
		expect(rows[0]).toHaveLength(8 + lesson.questions.length);
		expect(rows[0]![8]).toBe(`1. ${lesson.questions[0]!.prompt.ar}`);
		expect(rows).toHaveLength(2);
		const cells = lesson.questions.map((q) =>
			rightQuestions.includes(q) ? csv('right') : q === wrongQuestion ? csv('wrong') : ''
		);
		const score = String(Math.round((3 / lesson.questions.length) * 1000) / 10);
		expect(rows[1]!.slice(0, 7)).toEqual([
			'ليلى م.',
			lesson.title.ar,
			'4',
			'3',
			score,
			csv('no'),
			csv('no')
		]);
		// The last answer's time, on the class's clock, then a mark per question.
		expect(rows[1]![7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		expect(rows[1]!.slice(8)).toEqual(cells);
	});

	await test.step('the same batch sent twice, once at the same moment, stores nothing twice', async () => {
		const send = () =>
			request.post('/api/sync', {
				headers: { origin: baseURL!, authorization: `Bearer ${token}` },
				data: batch
			});
		for (const response of [await send(), ...(await Promise.all([send(), send()]))]) {
			expect(response.status()).toBe(200);
			const { results } = (await response.json()) as { results: { status: string }[] };
			expect(results.map((r) => r.status)).toEqual([
				'duplicate',
				'duplicate',
				'duplicate',
				'duplicate'
			]);
		}
		const all = await teacher.request.get(`/teach/classes/${classId}/export.csv`);
		const rows = parseCsv(await all.text()).filter((r) => r[1] === studentId);
		expect(rows).toHaveLength(4);
		await teacher.reload();
		await expect(row.locator('[data-answered]')).toHaveText(`4/${lesson.questions.length}`);
		// The question cells are built once the page runs: wait for them before counting none.
		await expect(row.locator('[data-state]')).toHaveCount(lesson.questions.length);
		await expect(row.locator('.tries')).toHaveCount(0);
	});

	await test.step('a due date moved into the past marks the answers late', async () => {
		await teacher.goto(`/teach/classes/${classId}`);
		// Typed before the page has hydrated, the date could be reset by it: wait for the scripts.
		await teacher.waitForLoadState('networkidle');
		const item = teacher.locator(`#assignments li[data-lesson="${lesson.id}"]`);
		await item.locator('input[type="date"]').fill(day(-2));
		await item.getByRole('button', { name: tx('ar', 'teach.assignments.saveDue') }).click();
		await expect(item).toContainText(tx('ar', 'teach.assignments.late_one'));
		await teacher.goto(resultsPath);
		await expect(row.locator('[data-late]')).toHaveCount(4);
		await expect(teacher.locator('[data-figure="late"]')).toHaveText('1');
	});

	await test.step("the student's history lists every answer", async () => {
		await row.getByRole('link', { name: 'ليلى م.' }).click();
		await expect(teacher).toHaveURL(`/teach/classes/${classId}/students/${studentId}`);
		await expect(teacher.locator(`tr[data-lesson="${lesson.id}"] [data-correct]`)).toHaveText('3');
		// The count's heading says what it counts, as the results page does (it once read "right").
		await expect(
			teacher.getByRole('columnheader', { name: tx('ar', 'teach.results.shareCorrect') })
		).toBeVisible();
		await expect(teacher.getByRole('table').last().locator('tbody tr')).toHaveCount(4);
	});

	await studentContext.close();
	await teacherContext.close();
});

test("another teacher gets 404 for a class's pages, downloads and actions", async ({
	browser,
	baseURL,
	playwright
}) => {
	const lesson = LESSONS[0]!;
	// A script acting as our own pages do: it names their origin, as every browser does.
	const owner = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL! }
	});
	const origin = baseURL!;
	const signedUp = await postForm(owner, origin, '/teach/signup', {
		email: newEmail('owner'),
		password: PASSWORD
	});
	expect(signedUp.status()).toBe(303);
	const created = await postForm(owner, origin, '/teach?/create', { name: 'Owner class' });
	expect(created.status()).toBe(303);
	const classId = created.headers()['location']!.split('/').pop()!;
	const assigned = await postForm(owner, origin, `/teach/classes/${classId}/assign`, {
		lesson: lesson.id,
		due: ''
	});
	expect(assigned.status()).toBe(303);
	const ownerPage = await (await owner.get(`/teach/classes/${classId}`)).text();
	const code = /\/join\/([2-9A-HJKMNP-Z]{6})/.exec(ownerPage)![1]!;
	const joined = await owner.post('/api/join', { data: { code, name: 'Sam' } });
	const { studentId } = (await joined.json()) as { studentId: string };

	const stranger = await newContext(browser, baseURL);
	const page = await stranger.newPage();
	await signUpOnPage(page, 'en', 'Other teacher');
	const base = `/teach/classes/${classId}`;
	for (const path of [
		base,
		`${base}/assign`,
		`${base}/delete`,
		`${base}/show`,
		`${base}/lessons/${lesson.id}`,
		`${base}/students/${studentId}`,
		`${base}/export.csv`,
		`${base}/lessons/${lesson.id}/results.csv`,
		`/en${base}`,
		`/en${base}/lessons/${lesson.id}/results.csv`
	]) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}
	const actions: [string, Record<string, string>][] = [
		[`${base}?/rename`, { name: 'Taken over' }],
		[`${base}?/timeZone`, { timeZone: 'UTC' }],
		[`${base}?/archive`, { archived: '1' }],
		[`${base}?/rotate`, {}],
		[`${base}?/rejoin`, { student: studentId }],
		[`${base}?/remove`, { student: studentId }],
		[`${base}?/due`, { lesson: lesson.id, due: '2030-01-01' }],
		[`${base}?/unassign`, { lesson: lesson.id }],
		[`${base}/assign`, { lesson: lesson.id }],
		[`${base}/delete`, {}]
	];
	for (const [path, form] of actions) {
		expect((await postForm(page.request, origin, path, form)).status(), path).toBe(404);
	}
	// Nothing changed for the owner.
	const after = await (await owner.get(`/teach/classes/${classId}`)).text();
	expect(after).toContain('Owner class');
	expect(after).toContain(`/join/${code}`);
	expect(after).toContain('Sam');
	expect(after).not.toContain('value="2030-01-01"');
	// A visitor who is not signed in is sent to sign in, and back afterwards.
	const anonymous = await playwright.request.newContext({ baseURL });
	for (const path of [base, `${base}/export.csv`]) {
		const response = await anonymous.get(path, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe(`/teach/signin?next=${encodeURIComponent(path)}`);
	}
	expect((await postForm(anonymous, origin, `${base}?/rename`, { name: 'x' })).status()).toBe(303);
	await Promise.all([owner.dispose(), anonymous.dispose(), stranger.close()]);
});

test('sign-in: wrong password, session cookie, sign-out, back to the page asked for', async ({
	browser,
	baseURL
}) => {
	const context = await newContext(browser, baseURL);
	const page = await context.newPage();
	const email = await signUpOnPage(page, 'en', 'Dana');
	const first = (await context.cookies()).find((c) => c.name === 'qiraa_session')!;
	expect(first).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
	const classId = await createClassOnPage(page, 'en', 'Year 9');

	await page.getByRole('button', { name: tx('en', 'teach.nav.signOut') }).click();
	await expect(page).toHaveURL('/en/teach/signin');
	expect((await context.cookies()).find((c) => c.name === 'qiraa_session')).toBeUndefined();
	await page.goto(`/en/teach/classes/${classId}`);
	await expect(page).toHaveURL(/\/en\/teach\/signin\?next=/);

	const password = page.getByLabel(tx('en', 'teach.account.password'));
	await expect(password).toHaveAttribute('autocomplete', 'current-password');
	await page.getByLabel(tx('en', 'teach.account.email')).fill(email);
	await password.fill('not the password');
	await page.getByRole('button', { name: tx('en', 'teach.signin.submit') }).click();
	await expect(page.getByRole('main').getByRole('alert')).toHaveText(
		tx('en', 'teach.errors.invalid-credentials')
	);
	await expect(page.getByLabel(tx('en', 'teach.account.email'))).toHaveValue(email);

	await password.fill(PASSWORD);
	await page.getByRole('button', { name: tx('en', 'teach.signin.submit') }).click();
	await expect(page).toHaveURL(`/en/teach/classes/${classId}`, { timeout: PASSWORD_HASH_TIMEOUT });
	const second = (await context.cookies()).find((c) => c.name === 'qiraa_session')!;
	expect(second.value).not.toBe(first.value);
	await context.close();
});

test('sign-in attempts are limited per address, with a message saying how long to wait', async ({
	browser,
	baseURL
}) => {
	// Eleven sign-ins, each a password hash: about 20 s beside the rest of the suite, more on a
	// busier machine.
	test.slow();
	const context = await newContext(browser, baseURL, { javaScriptEnabled: false });
	const page = await context.newPage();
	const email = newEmail('guess');
	await page.goto('/teach/signin');
	for (let attempt = 1; attempt <= 11; attempt++) {
		await page.getByLabel(tx('ar', 'teach.account.email')).fill(email);
		await page.getByLabel(tx('ar', 'teach.account.password')).fill(`guess number ${attempt}`);
		await page.getByRole('button', { name: tx('ar', 'teach.signin.submit') }).click();
		const expected = attempt <= 10 ? tx('ar', 'teach.errors.invalid-credentials') : /محاولات كثيرة/;
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(expected);
	}
	await context.close();
});

test('sign-up refuses a short or common password and lets a password be pasted', async ({
	browser,
	baseURL
}) => {
	const context = await newContext(browser, baseURL);
	const page = await context.newPage();
	await page.goto('/en/teach/signup');
	const password = page.getByLabel(tx('en', 'teach.account.password'));
	await expect(password).toHaveAttribute('autocomplete', 'new-password');
	expect(await password.getAttribute('onpaste')).toBeNull();
	await page.getByLabel(tx('en', 'teach.account.email')).fill(newEmail('weak'));
	// Past the browser's own length check, the server's rules speak. On the form, not the field:
	// a page that starts after this would set the field's `minlength` again.
	await password.evaluate((input: HTMLInputElement) => (input.form!.noValidate = true));
	for (const [value, reason] of [
		['short', 'password-too-short'],
		['password123', 'password-too-weak']
	] as const) {
		await password.fill(value);
		await page.getByRole('button', { name: tx('en', 'teach.signup.submit') }).click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			tx('en', `teach.errors.${reason}`)
		);
	}
	await context.close();
});

test('what a teacher types before the page has started is kept when it starts', async ({
	browser,
	baseURL
}) => {
	const context = await newContext(browser, baseURL);
	const page = await context.newPage();
	// The page's scripts are held back until the form has been filled in, as on a slow phone.
	const release = await holdScripts(page);
	await page.goto('/en/teach/signup', { waitUntil: 'domcontentloaded' });
	const name = page.getByLabel(tx('en', 'teach.signup.name'));
	const email = page.getByLabel(tx('en', 'teach.account.email'));
	await name.fill('Early bird');
	await email.fill('early@school.example');
	release();
	await page.waitForLoadState('networkidle');
	await expect(name).toHaveValue('Early bird');
	await expect(email).toHaveValue('early@school.example');
	await context.close();
});

test('without JavaScript a teacher runs a class: rename, code, roster, due date, delete', async ({
	browser,
	baseURL,
	playwright
}) => {
	const context = await newContext(browser, baseURL, { javaScriptEnabled: false });
	const page = await context.newPage();
	await signUpOnPage(page, 'en', 'No-script teacher');
	const classId = await createClassOnPage(page, 'en', 'Evening class');
	const base = `/en/teach/classes/${classId}`;

	await page.getByLabel(tx('en', 'teach.classes.name'), { exact: true }).fill('Evening class B');
	await page.getByRole('button', { name: tx('en', 'teach.settings.rename') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evening class B');

	const code = await page.locator('[data-join-code]').textContent();
	await page.getByRole('button', { name: tx('en', 'teach.join.rotate') }).click();
	await expect(page.locator('[data-join-code]')).not.toHaveText(code!);
	const newCode = (await page.locator('[data-join-code]').textContent())!;

	const api = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL! }
	});
	const old = await api.post('/api/join', { data: { code, name: 'Late' } });
	expect(old.status()).toBe(404);
	const joined = await api.post('/api/join', { data: { code: newCode, name: 'Omar' } });
	const { studentId } = (await joined.json()) as { studentId: string };
	await api.dispose();

	await page.getByRole('link', { name: tx('en', 'teach.assignments.assign') }).click();
	await page.getByRole('checkbox', { name: LESSONS[1]!.title.en }).check();
	await page.getByRole('button', { name: tx('en', 'teach.assign.submit'), exact: true }).click();
	const item = page.locator(`#assignments li[data-lesson="${LESSONS[1]!.id}"]`);
	await expect(item).toContainText(tx('en', 'teach.assignments.noDue'));
	await item.locator('input[type="date"]').fill('2031-02-03');
	await item.getByRole('button', { name: tx('en', 'teach.assignments.saveDue') }).click();
	await expect(item).toContainText('3 Feb 2031');
	// A date no date input would send is refused with a reason, shown beside its form.
	const bad = await postForm(page.request, baseURL!, `${base}?/due`, {
		lesson: LESSONS[1]!.id,
		due: '2031-02-30'
	});
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain(tx('en', 'teach.errors.invalid-due-date'));

	const roster = page.locator(`#roster tr[data-student="${studentId}"]`);
	await roster.getByRole('button', { name: tx('en', 'teach.roster.rejoin') }).click();
	await expect(page.locator('[data-rejoin-code]')).toHaveText(/^[2-9A-HJKMNP-Z]{8}$/);

	// The student opens the re-join link on a new phone: no name to type, the class knows it.
	const rejoinCode = (await page.locator('[data-rejoin-code]').textContent())!;
	const phone = await browser.newContext({ baseURL, ...PHONE });
	const student = await phone.newPage();
	await student.goto(`/join/${rejoinCode}`);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText(tx('ar', 'join.rejoinTitle'));
	await expect(student.getByRole('textbox')).toHaveCount(0);
	await student.getByRole('button', { name: tx('ar', 'join.rejoinSubmit') }).click();
	await expect(student).toHaveURL('/');
	await expect(student.getByRole('main')).toContainText(
		tx('ar', 'home.class', { className: 'Evening class B' })
	);
	// The link works once.
	await student.goto(`/join/${rejoinCode}`);
	await student.getByRole('button', { name: tx('ar', 'join.rejoinSubmit') }).click();
	await expect(student.getByRole('main').getByRole('alert')).toHaveText(
		tx('ar', 'join.rejoinUnknown')
	);
	await phone.close();
	await roster.getByRole('link', { name: tx('en', 'teach.roster.remove') }).click();
	await expect(page).toHaveURL(`${base}?remove=${studentId}#roster`);
	await page.getByRole('button', { name: tx('en', 'teach.roster.removeSubmit') }).click();
	await expect(page.locator(`#roster tr[data-student="${studentId}"]`)).toHaveCount(0);

	await page.getByRole('button', { name: tx('en', 'teach.settings.archive') }).click();
	await expect(page.getByRole('main').getByRole('status')).toHaveText(
		tx('en', 'teach.class.archivedNote')
	);
	await page.getByRole('button', { name: tx('en', 'teach.settings.restore') }).click();
	await expect(page.locator('[data-join-code]')).toHaveText(newCode);

	await page.getByRole('link', { name: tx('en', 'teach.settings.delete') }).click();
	await expect(page).toHaveURL(`${base}/delete`);
	await expect(page.getByRole('link', { name: tx('en', 'teach.settings.export') })).toHaveAttribute(
		'href',
		`${base}/export.csv`
	);
	await page.getByRole('button', { name: tx('en', 'teach.delete.submit') }).click();
	await expect(page).toHaveURL('/en/teach');
	expect((await page.request.get(base)).status()).toBe(404);
	await context.close();
});

test('a worksheet prints the passage and questions, the key only when asked', async ({
	browser,
	baseURL
}) => {
	const lesson = LESSONS[0]!;
	const context = await newContext(browser, baseURL);
	const page = await context.newPage();
	await signUpOnPage(page, 'ar', 'ورقة');
	await page.goto(`/teach/lessons/${lesson.id}/worksheet`);
	await expect(page.locator('.paragraph p[lang="ar"]')).toHaveCount(lesson.paragraphs.length);
	await expect(page.locator('.paragraph p[lang="en"]')).toHaveCount(lesson.paragraphs.length);
	await expect(page.locator('li.question')).toHaveCount(lesson.questions.length);
	const short = lesson.questions.find((q) => q.type === 'short')!;
	await expect(page.locator('section.key')).toHaveCount(0);
	await expect(
		page.getByRole('heading', { name: tx('ar', 'teach.worksheet.keyTitle') })
	).toHaveCount(0);

	await page.getByLabel(tx('ar', 'teach.worksheet.withKey')).check();
	await page.getByLabel(tx('ar', 'teach.worksheet.english'), { exact: true }).check();
	await page.getByRole('button', { name: tx('ar', 'teach.worksheet.update') }).click();
	await expect(page).toHaveURL(/q=en&key=1/);
	await expect(
		page.getByRole('heading', { name: tx('ar', 'teach.worksheet.keyTitle') })
	).toBeVisible();
	if (short.type === 'short')
		await expect(page.locator('section.key')).toContainText(short.answers.en[0]!);

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.teach-nav')).toBeHidden();
	await expect(page.locator('form.options')).toBeHidden();
	await expect(page.locator('section.key')).toHaveCSS('break-before', 'page');
	await context.close();
});

test('teacher pages have no accessibility violations and fit a phone', async ({
	browser,
	baseURL
}) => {
	// Axe over every teacher page in both languages, the results page with its forms included.
	test.slow();
	const context: BrowserContext = await browser.newContext({ baseURL, ...PHONE });
	const page = await context.newPage();
	await signUpOnPage(page, 'ar', 'هدى');
	const classId = await createClassOnPage(page, 'ar', 'الصف التاسع');
	await page.goto(`/teach/classes/${classId}/assign`);
	await page.getByRole('checkbox', { name: LESSONS[0]!.title.ar }).check();
	await page.getByRole('button', { name: tx('ar', 'teach.assign.submit'), exact: true }).click();
	await expect(page).toHaveURL(`/teach/classes/${classId}#assignments`);
	const code = (await page.locator('[data-join-code]').textContent())!;
	const joined = await page.request.post('/api/join', {
		headers: { origin: baseURL! },
		data: { code, name: 'ليلى م.' }
	});
	const { studentId } = (await joined.json()) as { studentId: string };
	for (const path of [
		'/teach',
		`/teach/classes/${classId}`,
		`/teach/classes/${classId}/assign`,
		`/teach/classes/${classId}/lessons/${LESSONS[0]!.id}`,
		`/en/teach/classes/${classId}`,
		`/en/teach/classes/${classId}/lessons/${LESSONS[0]!.id}`,
		`/teach/classes/${classId}/students/${studentId}`,
		`/teach/lessons/${LESSONS[0]!.id}/worksheet?key=1`
	]) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.length}`)).toEqual([]);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(390);
	}
	await context.close();
});
