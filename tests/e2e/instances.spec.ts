/**
 * Two instances of the built app on one PostgreSQL, as behind a load balancer: a lesson imported
 * through either is served by both, and a new version imported through one is what the other
 * serves next (nothing that matters is held in one instance's memory). Runs when
 * TEST_DATABASE_URL is set, as in CI.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, test, type APIRequestContext } from './fixtures';
import { joinAs, newEmail, PASSWORD, postForm } from './classroom';
import { startServer, type TestServer } from './server';

const URL_ = process.env.TEST_DATABASE_URL;
const SOURCE = join('lessons', 'basra-council-us-forces');

/** The shipped lesson's files under a new id and English title; `edit` marks a second version. */
function files(id: string, edit = '') {
	const lesson = readFileSync(join(SOURCE, 'lesson.yaml'), 'utf8')
		.replace(/^id: .*$/m, `id: ${id}`)
		.replace(/^( {2}en: ")Why the rush/m, `$1${edit}Why the rush`);
	return { article: readFileSync(join(SOURCE, 'article.ar.txt'), 'utf8'), lesson };
}

// Skipped only on a developer's machine without PostgreSQL; in CI a missing URL fails the test.
test.skip(!URL_ && !process.env.CI, 'needs TEST_DATABASE_URL (a PostgreSQL both instances share)');

test('two instances on one PostgreSQL serve a lesson imported through either, and its new version', async ({
	playwright
}) => {
	test.slow();
	expect(URL_, 'CI sets TEST_DATABASE_URL: two instances need one PostgreSQL').toBeTruthy();
	const schema = `qiraa_two_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: URL_ });
	await client.connect();
	await client.query(`create schema ${schema}`);
	const databaseUrl = new URL(URL_!);
	databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-two-'));
	const servers: TestServer[] = [];
	const contexts: APIRequestContext[] = [];
	try {
		for (let i = 0; i < 2; i++) {
			servers.push(await startServer({ dataDir, databaseUrl: databaseUrl.toString() }));
		}
		const [a, b] = servers as [TestServer, TestServer];
		expect([a.db, b.db]).toEqual(['postgres', 'postgres']);

		// One teacher, signed up on A, signed in on B: the session lives in the database.
		const email = newEmail('teacher');
		const onA = await playwright.request.newContext({ baseURL: a.origin });
		const onB = await playwright.request.newContext({ baseURL: b.origin });
		contexts.push(onA, onB);
		const signedUp = await postForm(onA, a.origin, '/teach/signup', { email, password: PASSWORD });
		expect(signedUp.status()).toBe(303);
		const signedIn = await postForm(onB, b.origin, '/teach/signin', { email, password: PASSWORD });
		expect(signedIn.status()).toBe(303);

		const viaA = `via-a-${randomBytes(3).toString('hex')}`;
		const viaB = `via-b-${randomBytes(3).toString('hex')}`;
		const imported = async (on: APIRequestContext, origin: string, body: object) => {
			const response = await on.post('/api/lessons', { headers: { origin }, data: body });
			expect(response.status(), await response.text()).toBe(201);
			return ((await response.json()) as { version: string }).version;
		};
		const firstA = await imported(onA, a.origin, files(viaA));
		await imported(onB, b.origin, files(viaB));

		for (const [on, origin] of [
			[onA, a.origin],
			[onB, b.origin]
		] as const) {
			for (const id of [viaA, viaB]) {
				const page = await on.get(`/en/lessons/${id}`);
				expect(page.status(), `${origin} /en/lessons/${id}`).toBe(200);
				expect(await page.text()).toContain('Why the rush');
				const stored = await on.get(`/api/lessons/${id}/files`);
				expect(await stored.json()).toEqual(files(id));
			}
		}

		// A class made on B gets the lesson imported on A; a student who joined on A sees it there.
		const created = await postForm(onB, b.origin, '/teach?/create', { name: 'Class 9' });
		const classId = created.headers()['location']!.split('/').pop()!;
		const assigned = await postForm(onB, b.origin, `/teach/classes/${classId}/assign`, {
			lesson: viaA,
			due: ''
		});
		expect(assigned.status()).toBe(303);
		const code = /\/join\/([2-9A-HJKMNP-Z]{6})/.exec(
			await (await onB.get(`/teach/classes/${classId}`)).text()
		)![1]!;
		const student = await playwright.request.newContext({ baseURL: a.origin });
		contexts.push(student);
		const { token } = await joinAs(student, a.origin, code, 'Huda');
		const me = await student.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
		expect(JSON.stringify(await me.json())).toContain(viaA);

		// A new version imported through B is the one A serves next.
		const secondA = await imported(onB, b.origin, files(viaA, 'Edited: '));
		expect(secondA).not.toBe(firstA);
		const page = await (await onA.get(`/en/lessons/${viaA}`)).text();
		expect(page).toContain('Edited: Why the rush');
		const again = await student.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
		expect(JSON.stringify(await again.json())).toContain(secondA);
		expect(await (await onA.get(`/api/lessons/${viaA}/files`)).json()).toEqual(
			files(viaA, 'Edited: ')
		);
	} finally {
		await Promise.all(contexts.map((context) => context.dispose()));
		await Promise.all(servers.map((server) => server.kill('SIGTERM')));
		await client.query(`drop schema if exists ${schema} cascade`);
		await client.end();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
