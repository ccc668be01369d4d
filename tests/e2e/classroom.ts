/**
 * A class set up over HTTP, as fast as a test can: a teacher signs up through the form a browser
 * without JavaScript posts, makes a class, assigns lessons; students join with the code, over the
 * API or on a page. And what the teacher gets back: the class's answers as CSV.
 */
import {
	devices,
	expect,
	type APIRequest,
	type APIRequestContext,
	type Page
} from '@playwright/test';
import { compiledLessons } from '../../scripts/compile/folders';
import { tx } from './i18n';

let counter = 0;
/** An address no earlier run has used. */
export const newEmail = (who: string) =>
	`${who}-${Date.now().toString(36)}-${(counter++).toString(36)}@school.example`;

/** Posts a form as a browser without JavaScript does (same origin, asking for HTML). */
export function postForm(
	request: APIRequestContext,
	origin: string,
	path: string,
	form: Record<string, string>
) {
	return request.post(path, { headers: { origin, accept: 'text/html' }, form, maxRedirects: 0 });
}

export interface Classroom {
	/** The teacher's signed-in request context. */
	teacher: APIRequestContext;
	classId: string;
	code: string;
}

/** A lesson to assign, due at the end of `due` (YYYY-MM-DD, the class's time zone) or never. */
export interface Assign {
	lesson: string;
	due?: string;
}

/** A new teacher with a class that has `assign` assigned. The caller disposes of `teacher`. */
export async function makeClassroom(
	playwright: { request: APIRequest },
	origin: string,
	assign: Assign[]
): Promise<Classroom> {
	// A new connection for every request. The server closes a connection idle for 5 s; Node's
	// client, unlike a browser, does not send a form again when the kept-alive connection it
	// reused was closed under it (ECONNRESET), and a test's teacher often waits longer than that
	// while its students answer.
	const teacher = await playwright.request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { connection: 'close' }
	});
	const signedUp = await postForm(teacher, origin, '/teach/signup', {
		email: newEmail('teacher'),
		password: 'olive trees by the shatt'
	});
	expect(signedUp.status()).toBe(303);
	const created = await postForm(teacher, origin, '/teach?/create', { name: 'Class 9' });
	expect(created.status()).toBe(303);
	const classId = created.headers()['location']!.split('/').pop()!;
	for (const { lesson, due = '' } of assign) {
		const assigned = await postForm(teacher, origin, `/teach/classes/${classId}/assign`, {
			lesson,
			due
		});
		expect(assigned.status()).toBe(303);
	}
	const page = await (await teacher.get(`/teach/classes/${classId}`)).text();
	const code = /\/join\/([2-9A-HJKMNP-Z]{6})/.exec(page)![1]!;
	return { teacher, classId, code };
}

/** Joins the class as a student over the API; returns the device's token and the student's id. */
export async function joinAs(
	request: APIRequestContext,
	origin: string,
	code: string,
	name: string
): Promise<{ token: string; studentId: string }> {
	const joined = await request.post('/api/join', { headers: { origin }, data: { code, name } });
	expect(joined.status()).toBe(200);
	return (await joined.json()) as { token: string; studentId: string };
}

/**
 * Joins the class on a phone's page, as a student does, in English unless told; leaves it on the
 * home page. The phone keeps that language as its choice.
 */
export async function joinOnPage(
	page: Page,
	code: string,
	name: string,
	lang: 'ar' | 'en' = 'en'
): Promise<void> {
	const prefix = lang === 'en' ? '/en' : '';
	await page.goto(`${prefix}/join/${code}`);
	if ((await page.locator('html').getAttribute('lang')) !== lang) {
		await page.getByRole('link', { name: lang === 'ar' ? 'العربية' : 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
	}
	await page.getByLabel(tx(lang, 'join.name')).fill(name);
	await page.getByRole('button', { name: tx(lang, 'join.submit') }).click();
	await expect(page).toHaveURL(lang === 'en' ? /\/en$/ : /\/$/);
}

/** The rows of a CSV file as the services write it: BOM, every cell quoted, CRLF. */
export function parseCsv(text: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return text
		.slice(1)
		.split('\r\n')
		.filter((line) => line !== '')
		.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

/** One stored answer, from the class export (English). */
export interface StoredAnswer {
	studentName: string;
	studentId: string;
	lessonId: string;
	questionId: string;
	late: boolean;
	/** The device's clock, as it sent it (to the minute). */
	answeredAt: string;
	/** The server's clock (to the minute). */
	receivedAt: string;
}

/** `YYYY-MM-DD HH:MM` on the wall clocks of `zone`, as an ISO instant. */
export function fromWallClock(wall: string, zone: string): string {
	const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall)!.map(Number);
	const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
	// The zone's offset at that moment: its wall clock read back as if it were UTC.
	const parts: Record<string, number> = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(guess))
			.map((part) => [part.type, Number(part.value)])
	);
	const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
	return new Date(guess - (shown - guess)).toISOString();
}

/**
 * Every answer the server holds for a class, as its teacher downloads them. The export names
 * lessons by title and questions by number and text, and gives times in the class's time zone
 * (named in the headings): they are read back into ids and instants here.
 */
export async function storedAnswers(classroom: Classroom): Promise<StoredAnswer[]> {
	const response = await classroom.teacher.get(`/en/teach/classes/${classroom.classId}/export.csv`);
	expect(response.status()).toBe(200);
	const [header, ...rows] = parseCsv(await response.text());
	const zone = /\(([^)]+)\)$/.exec(header![9]!)![1]!;
	const lessons = compiledLessons();
	return rows
		.filter((row) => row[2] !== '')
		.map((row) => {
			const lesson = lessons.find((candidate) => candidate.title.en === row[2]);
			const number = Number(/^(\d+)\./.exec(row[3]!)?.[1]);
			return {
				studentName: row[0]!,
				studentId: row[1]!,
				lessonId: lesson?.id ?? row[2]!,
				questionId: lesson?.questions[number - 1]?.id ?? row[3]!,
				late: row[8] === 'yes',
				answeredAt: fromWallClock(row[9]!, zone),
				receivedAt: fromWallClock(row[10]!, zone)
			};
		});
}

/** The password every teacher in the browser tests signs up with. */
export const PASSWORD = 'olive trees by the shatt';
/** A teacher's laptop and a student's phone, both set to an Arabic locale as Qiraa's users are. */
export const LAPTOP = { viewport: { width: 1280, height: 900 }, locale: 'ar-IQ' };
export const PHONE = {
	...devices['Pixel 7'],
	viewport: { width: 390, height: 844 },
	locale: 'ar-IQ'
};

/**
 * How long a sign-up or sign-in may take to land. The password hash is slow on purpose (scrypt at
 * OWASP's minimum: about 0.6 s and 128 MiB here), a fresh server also loads the password checker's
 * dictionaries on the first one, and two browser workers beside it make both several times slower.
 */
export const PASSWORD_HASH_TIMEOUT = 30_000;

/** Signs a new teacher up through the form; leaves them on their classes page. */
export async function signUpOnPage(page: Page, lang: 'ar' | 'en', name: string): Promise<string> {
	const prefix = lang === 'en' ? '/en' : '';
	const email = newEmail('teacher');
	await page.goto(`${prefix}/teach`);
	await expect(page).toHaveURL(
		`${prefix}/teach/signin?next=${encodeURIComponent(`${prefix}/teach`)}`
	);
	await page.getByRole('link', { name: tx(lang, 'teach.signup.title') }).click();
	await page.getByLabel(tx(lang, 'teach.signup.name')).fill(name);
	await page.getByLabel(tx(lang, 'teach.account.email')).fill(email);
	await page.getByLabel(tx(lang, 'teach.account.password')).fill(PASSWORD);
	await page.getByRole('button', { name: tx(lang, 'teach.signup.submit') }).click();
	await expect(page).toHaveURL(`${prefix}/teach`, { timeout: PASSWORD_HASH_TIMEOUT });
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	return email;
}

/** Creates a class through the form; leaves the teacher on its page and returns its id. */
export async function createClassOnPage(
	page: Page,
	lang: 'ar' | 'en',
	name: string
): Promise<string> {
	await page.getByLabel(tx(lang, 'teach.classes.name'), { exact: true }).fill(name);
	await page.getByRole('button', { name: tx(lang, 'teach.classes.create') }).click();
	await expect(page).toHaveURL(/\/teach\/classes\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return page.url().split('/').pop()!;
}
