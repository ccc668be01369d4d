/**
 * Script payloads typed as a teacher's name, a class name, students' names and a typed answer,
 * through the real forms and API, shown on every page where they appear, in both UI languages:
 * each reads as the literal text typed, and nothing of it becomes markup. (The Content Security
 * Policy would block an injected script anyway; these checks look at the DOM, so they hold
 * without it.) The CSV downloads keep the text and defuse formulas.
 */
import { expect, test, type Page } from './fixtures';
import { PASSWORD_HASH_TIMEOUT } from './classroom';
import { tx } from './i18n';
import { loadLessons } from './lessons';

const LESSON = loadLessons()[0]!;
const SHORT = LESSON.questions.find((q) => q.type === 'short');
const CHOICE = LESSON.questions.find((q) => q.type === 'choice')!;
const PASSWORD = 'olive trees by the shatt';
const LAPTOP = { viewport: { width: 1280, height: 900 } };

const TEACHER = '<svg onload=window.__xss=1>';
const CLASS = `<img src=x onerror="window.__xss=1">"><svg onload=window.__xss=1>`;
/** The student who joins through the join page. */
const JOINER = '<img src=x onerror="window.__xss=1">';
/** Students who join through the API, as any client may. */
const OTHERS = [
	'<script>window.__xss=1</script>',
	'"><svg onload=window.__xss=1>',
	"=cmd|' /C calc'!A0",
	'javascript:window.__xss=1'
];
const TYPED = '<img src=x onerror=window.__xss=1>';
const STUDENTS = [JOINER, ...OTHERS];

/** Nothing that was typed became an element, an attribute or a script, and none ran. */
async function expectInert(page: Page) {
	const where = page.url();
	expect(await page.evaluate(() => '__xss' in window), where).toBe(false);
	await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]'), where).toHaveCount(
		0
	);
	const scripts = await page
		.locator('script')
		.evaluateAll((all) => all.map((s) => s.textContent ?? ''));
	expect(
		scripts.filter((s) => s.includes('__xss=1') && !s.includes('\\u003C')),
		where
	).toEqual([]);
	const links = await page
		.locator('a[href]')
		.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).protocol));
	expect(
		links.filter((p) => p === 'javascript:'),
		where
	).toEqual([]);
}

/** Each text shows as it was typed, somewhere visible on the page. */
async function expectShown(page: Page, texts: string[]) {
	for (const text of texts) {
		await expect(
			page.getByText(text, { exact: false }).first(),
			`${page.url()}: ${text}`
		).toBeVisible();
	}
}

/** Rows of a CSV download: every cell quoted, CRLF line ends, a BOM first. */
function parseCsv(text: string): string[][] {
	return text
		.slice(1)
		.split('\r\n')
		.filter((line) => line !== '')
		.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

for (const lang of ['ar', 'en'] as const) {
	const prefix = lang === 'en' ? '/en' : '';

	test(`${lang}: script payloads in names and answers render as inert text on every page`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const teacherContext = await browser.newContext({ baseURL, ...LAPTOP });
		const teacher = await teacherContext.newPage();
		await teacher.goto(`${prefix}/teach/signup`);
		await teacher.getByLabel(tx(lang, 'teach.signup.name')).fill(TEACHER);
		await teacher
			.getByLabel(tx(lang, 'teach.account.email'))
			.fill(`xss-${lang}-${Date.now().toString(36)}@school.example`);
		await teacher.getByLabel(tx(lang, 'teach.account.password')).fill(PASSWORD);
		await teacher.getByRole('button', { name: tx(lang, 'teach.signup.submit') }).click();
		await expect(teacher).toHaveURL(`${prefix}/teach`, { timeout: PASSWORD_HASH_TIMEOUT });

		await teacher.getByLabel(tx(lang, 'teach.classes.name'), { exact: true }).fill(CLASS);
		await teacher.getByRole('button', { name: tx(lang, 'teach.classes.create') }).click();
		await expect(teacher).toHaveURL(/\/teach\/classes\/[0-9a-f-]{36}$/);
		const classPath = new URL(teacher.url()).pathname;
		const joinLink = (await teacher.locator('[data-join-link]').textContent())!;
		const code = joinLink.split('/').pop()!;
		await teacher.goto(`${classPath}/assign`);
		await teacher.getByRole('checkbox', { name: LESSON.title[lang] }).check();
		await teacher
			.getByRole('button', { name: tx(lang, 'teach.assign.submit'), exact: true })
			.click();
		await expect(teacher.locator('#assignments li[data-lesson]')).toHaveCount(1);

		// A student joins on the join page; the device's home shows the class by name.
		const studentContext = await browser.newContext({ baseURL });
		const student = await studentContext.newPage();
		await student.goto(`${prefix}/join/${code}`);
		await student.getByLabel(tx(lang, 'join.name')).fill(JOINER);
		const joined = student.waitForResponse((r) => r.url().endsWith('/api/join'));
		await student.getByRole('button', { name: tx(lang, 'join.submit') }).click();
		const { token, studentId } = (await (await joined).json()) as {
			token: string;
			studentId: string;
		};
		await expect(student).toHaveURL(prefix || '/');
		await expectShown(student, [CLASS]);
		await expectInert(student);
		const other = lang === 'en' ? '' : '/en';
		await student.goto(other || '/');
		await expectShown(student, [CLASS]);
		await expectInert(student);

		for (const name of OTHERS) {
			const response = await teacher.request.post('/api/join', {
				headers: { origin: baseURL! },
				data: { code, name }
			});
			expect(response.status(), name).toBe(200);
		}
		const attempts = [
			{ questionId: CHOICE.id, answer: { type: 'choice', choice: 0 } },
			...(SHORT ? [{ questionId: SHORT.id, answer: { type: 'short', text: TYPED, lang } }] : [])
		].map((item) => ({
			...item,
			id: crypto.randomUUID(),
			lessonId: LESSON.id,
			answeredAt: new Date().toISOString()
		}));
		const synced = await student.request.post('/api/sync', {
			headers: { origin: baseURL!, authorization: `Bearer ${token}` },
			data: { attempts }
		});
		expect(synced.status()).toBe(200);
		const { results } = (await synced.json()) as { results: { status: string }[] };
		expect(results.map((r) => r.status)).toEqual(attempts.map(() => 'stored'));

		const classId = classPath.split('/').pop()!;
		const pages: [string, string[]][] = [
			[`${prefix}/teach`, [TEACHER, CLASS]],
			[classPath, [CLASS, ...STUDENTS]],
			[`${classPath}/show`, [CLASS]],
			[`${classPath}/assign`, [CLASS]],
			[`${classPath}/delete`, [CLASS]],
			[`${classPath}/lessons/${LESSON.id}`, [CLASS, ...STUDENTS, ...(SHORT ? [TYPED] : [])]],
			[`${classPath}/students/${studentId}`, [CLASS, JOINER]],
			[`${prefix}/teach/lessons/${LESSON.id}/worksheet`, [TEACHER]]
		];
		for (const [path, texts] of pages) {
			await teacher.goto(path);
			await expectShown(teacher, texts);
			await expectInert(teacher);
		}
		// The remove-student dialog and the re-join code name the student too.
		await teacher.goto(classPath);
		await expectInert(teacher);

		for (const path of [
			`${prefix}/teach/classes/${classId}/export.csv`,
			`${prefix}/teach/classes/${classId}/lessons/${LESSON.id}/results.csv`
		]) {
			const response = await teacher.request.get(path);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			const cells = parseCsv(await response.text()).flat();
			for (const name of STUDENTS.filter((n) => !n.startsWith('='))) {
				expect(cells, `${path}: ${name}`).toContain(name);
			}
			expect(cells, path).toContain(`'${OTHERS[2]}`);
			expect(
				cells.filter((c) => /^[=+\-@]/.test(c)),
				path
			).toEqual([]);
		}
		await Promise.all([teacherContext.close(), studentContext.close()]);
	});
}
