/**
 * What the server writes to its log (issue 8, item 7): a teacher signs up and signs in with a
 * password, a student types answers, and syncs fail on bad input; none of the password, the
 * answers or the student's token appears in the server's output. The server is the test's own
 * (the production build, as `npm start` runs it), so that all of its output is captured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { joinOnPage, newEmail, PASSWORD_HASH_TIMEOUT, postForm } from './classroom';
import { deviceRecords } from './device';
import { tx } from './i18n';
import { card, loadLessons, setReading } from './lessons';
import { startServer, type TestServer } from './server';

const PASSWORD = 'kestrel-PASSWORD-7d1c over the marshes';
const WRONG_PASSWORD = 'heron-WRONGPASS-52a0 by the river';
const ANSWER = 'ANSWER-MARKER-9f3e';

let server: TestServer;
let dataDir: string;

test.beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'qiraa-logs-'));
	server = await startServer({ dataDir });
});

test.afterAll(async () => {
	await server?.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
});

test('no password, answer or token reaches the server log', async ({ browser }) => {
	// Three password hashes and a student's six answers through the forms: 20–25 s beside the
	// rest of the suite, past the 30 s default now and then.
	test.slow();
	const origin = server.origin;
	const lesson = loadLessons().find((candidate) =>
		candidate.questions.some((question) => question.type === 'short')
	)!;
	const shorts = lesson.questions.filter((question) => question.type === 'short');

	// A teacher signs up and in through the forms, once with a wrong password.
	const teacherContext = await browser.newContext({ baseURL: origin });
	const teacher = await teacherContext.newPage();
	const email = newEmail('logs');
	await teacher.goto('/en/teach/signup');
	await teacher.getByLabel(tx('en', 'teach.signup.name')).fill('Log Teacher');
	await teacher.getByLabel(tx('en', 'teach.account.email')).fill(email);
	await teacher.getByLabel(tx('en', 'teach.account.password')).fill(PASSWORD);
	await teacher.getByRole('button', { name: tx('en', 'teach.signup.submit') }).click();
	await expect(teacher).toHaveURL('/en/teach', { timeout: PASSWORD_HASH_TIMEOUT });
	await teacher.getByRole('button', { name: tx('en', 'teach.nav.signOut') }).click();
	await expect(teacher).toHaveURL('/en/teach/signin');
	for (const password of [WRONG_PASSWORD, PASSWORD]) {
		await teacher.getByLabel(tx('en', 'teach.account.email')).fill(email);
		await teacher.getByLabel(tx('en', 'teach.account.password')).fill(password);
		await teacher.getByRole('button', { name: tx('en', 'teach.signin.submit') }).click();
	}
	await expect(teacher).toHaveURL('/en/teach', { timeout: PASSWORD_HASH_TIMEOUT });
	const created = await postForm(teacher.request, origin, '/teach?/create', { name: 'Logs' });
	const classId = created.headers()['location']!.split('/').pop()!;
	await postForm(teacher.request, origin, `/teach/classes/${classId}/assign`, {
		lesson: lesson.id,
		due: ''
	});
	const classPage = await (await teacher.request.get(`/teach/classes/${classId}`)).text();
	const code = /\/join\/([2-9A-HJKMNP-Z]{6})/.exec(classPage)![1]!;

	// A student joins and types answers, wrong twice each, which reach the server.
	const studentContext = await browser.newContext({
		baseURL: origin,
		viewport: { width: 390, height: 844 },
		serviceWorkers: 'block'
	});
	const student = await studentContext.newPage();
	await joinOnPage(student, code, 'Log Student');
	await student.goto(`/en/lessons/${lesson.id}`);
	await setReading(student, 'en', 'target');
	for (const question of shorts) {
		for (const attempt of [1, 2]) {
			await card(student, question).getByRole('textbox').fill(`${ANSWER} ${attempt}`);
			await card(student, question).locator('button.check').click();
		}
		await expect(card(student, question).locator('.verdict.bad')).toBeVisible();
	}
	await expect.poll(async () => (await deviceRecords(student, lesson.id)).outbox).toEqual([]);
	const token = await student.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('qiraa');
				open.onsuccess = () => {
					const get = open.result.transaction('meta').objectStore('meta').get('identity');
					get.onsuccess = () => resolve((get.result as { token: string }).token);
				};
			})
	);

	// Syncs that fail on bad input, each carrying the answer text.
	const sync = (body: string, auth = token) =>
		student.request.post('/api/sync', {
			headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${auth}` },
			data: body
		});
	const item = (answer: unknown) => ({
		id: crypto.randomUUID(),
		lessonId: lesson.id,
		questionId: shorts[0]!.id,
		answer,
		answeredAt: new Date().toISOString()
	});
	expect((await sync(`{"attempts": [${ANSWER}`)).status()).toBe(400);
	expect((await sync(JSON.stringify({ attempts: ANSWER }))).status()).toBe(400);
	expect((await sync(JSON.stringify({ attempts: [item({ ANSWER })] }))).status()).toBe(200);
	const nul = item({ type: 'short', text: `${ANSWER}\u0000`, lang: 'en' });
	expect((await sync(JSON.stringify({ attempts: [nul] }))).status()).toBe(200);
	expect((await sync(JSON.stringify({ attempts: [item(ANSWER)] }), ANSWER)).status()).toBe(401);
	const huge = JSON.stringify({ attempts: [item({ type: 'short', text: ANSWER.repeat(30_000) })] });
	expect((await sync(huge)).status()).toBe(413);

	await studentContext.close();
	await teacherContext.close();
	await server.kill('SIGTERM');
	const log = server.output();
	// The log was captured: the adapter's own start-up line is in it.
	expect(log).toContain(`Listening on ${origin}`);
	for (const secret of [PASSWORD, 'PASSWORD-7d1c', 'WRONGPASS-52a0', ANSWER, token, email]) {
		expect(log, secret).not.toContain(secret);
	}
});
