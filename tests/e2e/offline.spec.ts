/**
 * Offline first, against the production build: after one visit the library opens with no
 * network in both interface languages; a lesson opened once, or assigned to the student's class,
 * opens offline too (kept on the phone, and marked so), while the install holds no lesson; the
 * app is installable; a new version waits for the student; and on an insecure origin (a teacher
 * laptop over plain http) the app still works.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, watchCsp, type Page } from './fixtures';
import type { Lesson } from '../../src/lib/lesson';
import ar from '../../src/lib/i18n/locales/pwa.ar.json' with { type: 'json' };
import en from '../../src/lib/i18n/locales/pwa.en.json' with { type: 'json' };
import { BUDGETS } from '../../scripts/bench/figures';
import { CHROMIUM_ARGS, findChromium } from './browser';
import { loadLessons, setReading } from './lessons';
import { makeClassroom, postForm } from './classroom';
import { waitForServiceWorker } from './device';
import { tx } from './i18n';

/** The lessons the page links to, each once. */
async function lessonLinks(page: Page): Promise<string[]> {
	const hrefs = await page
		.getByRole('main')
		.locator('a[href^="/lessons/"]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
	expect(hrefs.length).toBeGreaterThan(0);
	return [...new Set(hrefs)];
}

/** The lessons the library lists. */
async function lessonPaths(page: Page): Promise<string[]> {
	await page.goto('/');
	return lessonLinks(page);
}

/** The pages (not scripts, styles, fonts, data or icons) in the worker's precache. */
async function precachedPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const name = (await caches.keys()).find((key) => key.startsWith('qiraa-precache-'))!;
		return (await (await caches.open(name)).keys())
			.map((request) => new URL(request.url).pathname)
			.filter((path) => !path.startsWith('/_app/') && !/\.\w+$/.test(path));
	});
}

/** Waits until the worker keeps the lesson on the phone (its pages in both languages). */
async function waitForKept(page: Page, id: string): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(async (lesson) => {
					const index = await (await caches.open('qiraa-lessons')).match('/__qiraa/lessons.json');
					return index ? lesson in ((await index.json()) as object) : false;
				}, id),
			{ timeout: 20_000 }
		)
		.toBe(true);
}

/** What must be on a lesson page: its title and its first Arabic paragraph. */
async function lessonContent(page: Page): Promise<{ title: string; passage: string }> {
	const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
	const passage = (await page.getByRole('main').locator('p[lang="ar"]').first().innerText()).trim();
	expect(title).not.toBe('');
	expect(passage.length).toBeGreaterThan(20);
	return { title, passage };
}

/** Follows the library's link to a lesson, inside the app (SvelteKit fetches its data). */
async function openFromLibrary(page: Page, path: string): Promise<void> {
	await page.getByRole('main').locator(`a[href$="${path}"]`).first().click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
}

async function expectLesson(page: Page, content: { title: string; passage: string }) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(content.title);
	await expect(page.getByRole('main').locator('p[lang="ar"]').first()).toHaveText(content.passage);
}

/**
 * Answers the lesson's first `count` choice questions right, reading Arabic, through the
 * controls a student uses; returns the questions' ids.
 */
async function answerChoices(page: Page, lesson: Lesson, count: number): Promise<string[]> {
	await setReading(page, 'ar', 'target');
	const answered: string[] = [];
	for (const question of lesson.questions) {
		if (question.type !== 'choice' || answered.length === count) continue;
		const box = page.locator(`article[data-question="${question.id}"]`);
		const right = question.choices.find((choice) => choice.correct)!;
		await box.getByRole('radio', { name: right.ar, exact: true }).check();
		await box.locator('button.check').click();
		await expect(box.locator('.verdict.good')).toBeVisible();
		answered.push(question.id);
	}
	expect(answered).toHaveLength(count);
	return answered;
}

async function expectAnswered(page: Page, ids: string[]): Promise<void> {
	for (const id of ids) {
		await expect(page.locator(`article[data-question="${id}"] .verdict.good`)).toBeVisible();
	}
}

test.describe('after one visit', () => {
	test('a lesson opened once is kept, marked, and opens offline in both interface languages, and after a reload', async ({
		page,
		context
	}) => {
		const lessons = await lessonPaths(page);
		await waitForServiceWorker(page);
		// Arabic first: once an English page has been opened, an unprefixed link opens in English
		// (the device's choice) until the student switches back with the language control.
		const pages = [...lessons, ...lessons.map((path) => `/en${path}`)];
		const online = new Map<string, { title: string; passage: string }>();
		for (const path of pages) {
			await page.goto(path);
			online.set(path, await lessonContent(page));
		}
		await page.getByRole('link', { name: 'العربية' }).click();
		await expect(page).toHaveURL(lessons.at(-1)!);
		for (const path of lessons) await waitForKept(page, path.split('/').pop()!);

		// The library marks them, and says what they take on the phone.
		await page.goto('/');
		for (const path of lessons) {
			await expect(page.getByRole('main').locator(`a[href="${path}"]`)).toContainText(
				tx('ar', 'pwa.kept.mark')
			);
		}
		const kept = tx('ar', 'pwa.kept.lessons_two').split('(')[0]!.trim();
		await expect(page.getByRole('main').getByText(kept)).toBeVisible();

		await context.setOffline(true);
		const offline = await context.newPage();

		const home = await offline.goto('/');
		expect(home?.fromServiceWorker()).toBe(true);
		expect(await lessonLinks(offline)).toEqual(lessons);

		for (const path of pages) {
			const response = await offline.goto(path);
			expect(response?.fromServiceWorker(), path).toBe(true);
			await expect(offline.locator('html')).toHaveAttribute(
				'lang',
				path.startsWith('/en') ? 'en' : 'ar'
			);
			await expectLesson(offline, online.get(path)!);
			await offline.reload();
			await expectLesson(offline, online.get(path)!);
			// Its result page is kept with it.
			const result = await offline.goto(`${path}/result`);
			expect(result?.status(), path).toBe(200);
			await expect(offline.getByRole('heading', { level: 1 })).toBeVisible();
		}

		// Inside the app, SvelteKit fetches the lesson's __data.json: it is kept too.
		await offline.goto('/en');
		await expect(offline.locator('html')).toHaveAttribute('lang', 'en');
		await openFromLibrary(offline, `/en${lessons[0]}`);
		await expectLesson(offline, online.get(`/en${lessons[0]}`)!);
	});

	test('an assigned lesson shows within a minute, is downloaded unopened, and is answered offline', async ({
		page,
		context,
		playwright,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const lesson = loadLessons()[0]!;
		const classroom = await makeClassroom(playwright, baseURL!, []);
		try {
			await page.goto(`/join/${classroom.code}`);
			await waitForServiceWorker(page);
			await page.getByLabel(tx('ar', 'join.name')).fill('سارة');
			await page.getByRole('button', { name: tx('ar', 'join.submit') }).click();
			await expect(page).toHaveURL('/');
			await expect(page.getByText(tx('ar', 'home.noAssignments'))).toBeVisible();

			// The teacher assigns; the open app learns of it without a reload.
			const assigned = await postForm(
				classroom.teacher,
				baseURL!,
				`/teach/classes/${classroom.classId}/assign`,
				{ lesson: lesson.id, due: '' }
			);
			expect(assigned.status()).toBe(303);
			const item = page.locator('section.home li').filter({ hasText: lesson.title.ar });
			await expect(item).toBeVisible({ timeout: 60_000 });
			await expect(item).toContainText(tx('ar', 'pwa.kept.mark'), { timeout: 20_000 });

			await context.setOffline(true);
			const offline = await context.newPage();
			const response = await offline.goto(`/lessons/${lesson.id}`);
			expect(response?.fromServiceWorker()).toBe(true);
			const answered = await answerChoices(offline, lesson, 2);
			await offline.reload();
			await expectAnswered(offline, answered);
		} finally {
			await classroom.teacher.dispose();
		}
	});

	test('answers given offline stay on the device across reloads and wait to be sent', async ({
		page,
		context
	}) => {
		const lesson = loadLessons()[0]!;
		await page.goto(`/lessons/${lesson.id}`);
		await waitForServiceWorker(page);
		await waitForKept(page, lesson.id);
		await context.setOffline(true);

		const offline = await context.newPage();
		await offline.goto(`/lessons/${lesson.id}`);
		const answered = await answerChoices(offline, lesson, 2);
		const status = offline.getByRole('status').getByText(ar.pwa.offline);
		await expect(status).toContainText(ar.pwa.waiting_two);

		await offline.reload();
		await expectAnswered(offline, answered);
		await offline.close();
		const reopened = await context.newPage();
		await reopened.goto(`/lessons/${lesson.id}`);
		await expectAnswered(reopened, answered);
		await expect(reopened.getByRole('status').getByText(ar.pwa.offline)).toContainText(
			ar.pwa.waiting_two
		);
	});

	test('the offline bar goes soon after the connection returns, even if the first check fails', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		const status = page.getByRole('status').getByText(ar.pwa.offline);
		await expect(status).toBeVisible();
		// The check made the moment the connection returns fails, as it can on a phone whose
		// network is still coming up; the next ones reach the server.
		let refused = 0;
		await context.route('**/healthz', (route) =>
			refused++ === 0 ? route.abort('internetdisconnected') : route.continue()
		);
		await context.setOffline(false);
		await expect.poll(() => refused).toBeGreaterThan(0);
		// It used to ask again only after half a minute.
		await expect(status).toBeHidden({ timeout: 5_000 });
	});

	test('a page never kept sends the student to the library in the same language', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		// Were the worker's own fetch not offline, these would be the server's 404 pages.
		await page.goto('/lessons/no-such-lesson');
		await expect(page).toHaveURL('/');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page.goto('/en/no-such-page');
		await expect(page).toHaveURL('/en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// The English page shown is now the device's choice: an unprefixed one follows it. The page
		// tells the worker once it has started, when it also sets the cookie; going on before that
		// found the worker still on Arabic.
		await expect
			.poll(async () => (await context.cookies()).find((cookie) => cookie.name === 'lang')?.value)
			.toBe('en');
		await page.goto('/lessons/no-such-lesson');
		await expect(page).toHaveURL('/en');
	});

	test('the precache holds the app, the library in both languages, fonts and icons, no lesson, within budget', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);

		const stored = await page.evaluate(async () => {
			const name = (await caches.keys()).find((key) => key.startsWith('qiraa-precache-'))!;
			const cache = await caches.open(name);
			let bytes = 0;
			const paths: string[] = [];
			for (const request of await cache.keys()) {
				const url = new URL(request.url);
				paths.push(url.pathname);
				bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
			}
			return { paths, bytes };
		});
		expect(stored.paths.filter((path) => path.includes('/lessons/'))).toEqual([]);
		for (const path of ['/', '/en', '/manifest.webmanifest', '/icons/icon-192.png']) {
			expect(stored.paths).toContain(path);
		}
		expect(stored.paths.filter((path) => path.endsWith('.woff2')).length).toBeGreaterThan(0);
		expect(stored.paths.filter((path) => /\.(?:woff|ttf|otf)$/.test(path))).toEqual([]);
		expect(stored.paths).not.toContain('/robots.txt');
		expect(stored.paths.some((path) => path.startsWith('/api'))).toBe(false);

		// What the first visit costs over the network: the worker's own fetches, compressed.
		const [worker] = context.serviceWorkers();
		const transferred = await worker!.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0)
		);
		test.info().annotations.push({
			type: 'precache',
			description: `${stored.paths.length} files, ${Math.round(transferred / 1024)} KB transferred, ${Math.round(stored.bytes / 1024)} KB stored`
		});
		expect(transferred).toBeGreaterThan(0);
		expect(transferred).toBeLessThanOrEqual(BUDGETS.precache.limit);

		// Each page's data, as SvelteKit asks for it, comes from the precache.
		const kept = await precachedPages(page);
		await context.setOffline(true);
		for (const path of kept) {
			const data = await page.evaluate(
				async (url) => {
					const response = await fetch(url);
					return { ok: response.ok, type: ((await response.json()) as { type?: string }).type };
				},
				`${path.replace(/\/$/, '')}/__data.json?x-sveltekit-invalidated=01`
			);
			expect(data, path).toEqual({ ok: true, type: 'data' });
		}
	});

	test('the API is never cached', async ({ page, context }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await page.evaluate(() => fetch('/api/anything').then((response) => response.status));
		const apiKeys = await page.evaluate(async () => {
			const found: string[] = [];
			for (const name of await caches.keys()) {
				for (const request of await (await caches.open(name)).keys()) {
					if (new URL(request.url).pathname.startsWith('/api')) found.push(request.url);
				}
			}
			return found;
		});
		expect(apiKeys).toEqual([]);
		await context.setOffline(true);
		const result = await page.evaluate(() =>
			fetch('/api/anything').then(
				() => 'answered',
				() => 'failed'
			)
		);
		expect(result).toBe('failed');
	});
});

test('Chromium finds the app installable', async ({ baseURL, cspViolations }) => {
	// A persistent profile: Chromium never offers to install from an incognito one, which is
	// what an ordinary Playwright context is.
	const profile = mkdtempSync(join(tmpdir(), 'qiraa-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findChromium(),
		args: CHROMIUM_ARGS,
		baseURL
	});
	await watchCsp(context, cspViolations);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		for (const path of ['/', '/en/lessons/basra-council-us-forces']) {
			await page.goto(path);
			await waitForServiceWorker(page);
			const cdp = await context.newCDPSession(page);
			const manifest = await cdp.send('Page.getAppManifest');
			expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
			expect(manifest.errors).toEqual([]);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		}
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('on an insecure origin the app works online, without a worker, and says why', async ({
	baseURL,
	cspViolations
}) => {
	const insecure = `http://classroom.test:${new URL(baseURL!).port}`;
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP classroom.test 127.0.0.1']
	});
	try {
		const page = await browser.newPage({ locale: 'ar-IQ' });
		await watchCsp(page.context(), cspViolations);
		await page.goto(`${insecure}/`);
		expect(
			await page.evaluate(() => ({
				secure: window.isSecureContext,
				serviceWorker: 'serviceWorker' in navigator,
				randomUUID: typeof crypto.randomUUID
			}))
		).toEqual({ secure: false, serviceWorker: false, randomUUID: 'undefined' });
		await expect(page.getByRole('status').getByText(ar.pwa.insecure)).toBeVisible();

		const lessons = await lessonLinks(page);
		for (const path of lessons) {
			await page.goto(`${insecure}/`);
			// The English page before kept English as the choice: back to Arabic by its switch.
			if ((await page.locator('html').getAttribute('lang')) !== 'ar') {
				await page.getByRole('link', { name: 'العربية' }).click();
				await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
			}
			await openFromLibrary(page, path);
			await lessonContent(page);
			await page.goto(`${insecure}/en${path}`);
			await lessonContent(page);
			await expect(page.getByRole('status').getByText(en.pwa.insecure)).toBeVisible();
		}
		// Answers are kept on the device (IndexedDB needs no secure context) under ids made
		// without crypto.randomUUID: a failed save would show instead of the verdicts.
		const lesson = loadLessons()[0]!;
		await page.goto(`${insecure}/lessons/${lesson.id}`);
		const answered = await answerChoices(page, lesson, 2);
		await page.reload();
		await expectAnswered(page, answered);
		await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
	} finally {
		await browser.close();
	}
});

/**
 * Two production builds of this working tree (each gets its own `version`), served in turn on
 * one origin: a deploy while a student has a lesson open.
 */
test.describe('a new version', () => {
	// Beside the suite's own server (E2E_PORT, default 4173), so two suites can run side by side.
	const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
	const origin = `http://localhost:${PORT}`;
	let dir: string;
	let app: string;
	let server: ChildProcess | undefined;

	test.describe.configure({ timeout: 300_000 });

	test.beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'qiraa-deploy-'));
		app = join(dir, 'app');
		for (const entry of [
			'src',
			'lessons',
			'static',
			'package.json',
			'svelte.config.js',
			'scripts/security.js',
			'scripts/arabic-font.ts',
			'scripts/compile',
			'vite.config.ts',
			'tsconfig.json'
		]) {
			cpSync(entry, join(app, entry), { recursive: true });
		}
		symlinkSync(join(process.cwd(), 'node_modules'), join(app, 'node_modules'), 'dir');
		for (const name of ['old', 'new']) {
			const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
				cwd: app,
				encoding: 'utf8'
			});
			if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
			// Beside node_modules, where the server finds its dependencies.
			renameSync(join(app, 'build'), join(app, `build-${name}`));
		}
	});

	test.afterAll(async () => {
		await stop(server);
		rmSync(dir, { recursive: true, force: true });
	});

	async function serve(build: 'old' | 'new'): Promise<void> {
		await stop(server);
		let output = '';
		server = spawn(process.execPath, [join(app, `build-${build}`)], {
			env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout?.on('data', (chunk) => (output += chunk));
		server.stderr?.on('data', (chunk) => (output += chunk));
		for (let tries = 0; tries < 100; tries++) {
			const up = await fetch(`${origin}/healthz`).then(
				(response) => response.ok,
				() => false
			);
			if (up) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`the ${build} build did not start on port ${PORT}:\n${output}`);
	}

	async function stop(child: ChildProcess | undefined): Promise<void> {
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill();
		await exited;
	}

	/** The app's scripts this page runs, and whether the server now has each of them. */
	async function scriptsMissingOnServer(page: Page): Promise<string[]> {
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => new URL(entry.name).pathname)
				.filter((path) => path.startsWith('/_app/immutable/') && path.endsWith('.js'))
		);
		const missing: string[] = [];
		for (const path of scripts) {
			// Node's client, unlike a browser, does not ask again when the server closes an idle
			// connection just as it is reused (ECONNRESET).
			const response = await page.request.get(`${origin}${path}`, { maxRetries: 1 });
			if (response.status() === 404) missing.push(path);
		}
		return missing;
	}

	test('waits for the student while a lesson is open, then takes over on reload', async ({
		page
	}) => {
		const failures: string[] = [];
		page.on('requestfailed', (request) => failures.push(`${request.url()} failed`));
		page.on('response', (response) => {
			if (response.status() >= 400) failures.push(`${response.url()} ${response.status()}`);
		});

		await serve('old');
		await page.goto(`${origin}/`);
		const lessons = await lessonLinks(page);
		await waitForServiceWorker(page);
		await openFromLibrary(page, lessons[0]!);
		const content = await lessonContent(page);
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));

		await serve('new');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration!.update();
		});
		const reload = page.getByRole('button', { name: ar.pwa.update.reload });
		await expect(reload).toBeVisible({ timeout: 30_000 });
		expect(
			await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
		).toBe(true);

		// The old version's files are gone from the server, yet the open app keeps going: back to
		// the library and into another lesson, with the old version's code from its precache.
		expect((await scriptsMissingOnServer(page)).length).toBeGreaterThan(0);
		// Time for an eager worker or page to reload by itself, which it must not.
		await page.waitForTimeout(1_000);
		await page.goBack();
		await expect(page).toHaveURL(`${origin}/`);
		await openFromLibrary(page, lessons.at(-1)!);
		await lessonContent(page);
		await page.goBack();
		await openFromLibrary(page, lessons[0]!);
		await expectLesson(page, content);
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

		await reload.click();
		await page.waitForFunction(() => !('sameDocument' in window));
		await expectLesson(page, content);
		await expect(reload).toBeHidden();
		expect(await scriptsMissingOnServer(page)).toEqual([]);
		expect(failures).toEqual([]);
	});
});

/** Each file the worker precaches on a first visit to `origin`, with its size in bytes. */
async function precacheOf(page: Page, origin: string): Promise<Map<string, number>> {
	await page.goto(`${origin}/`);
	await waitForServiceWorker(page);
	const files = await page.evaluate(async () => {
		const name = (await caches.keys()).find((key) => key.startsWith('qiraa-precache-'))!;
		const cache = await caches.open(name);
		const found: [string, number][] = [];
		for (const request of await cache.keys()) {
			const bytes = (await (await cache.match(request))!.arrayBuffer()).byteLength;
			found.push([new URL(request.url).pathname, bytes]);
		}
		return found;
	});
	return new Map(files);
}

test.describe('a library of 50 lessons', () => {
	// Beside the suite's own server and the new-version test's.
	const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
	const origin = `http://localhost:${PORT}`;
	let dir: string;
	let server: ChildProcess | undefined;

	test.describe.configure({ timeout: 300_000 });

	test.beforeAll(async () => {
		// Lessons are data: the same build serves 50 lessons, compiled into its store at start.
		dir = mkdtempSync(join(tmpdir(), 'qiraa-library-'));
		const lessons = join(dir, 'lessons');
		cpSync('lessons', lessons, { recursive: true });
		// 48 copies of the real lessons under new ids, beside the 2 originals.
		const originals = readdirSync('lessons');
		for (let copy = 0; copy < 48; copy++) {
			const from = originals[copy % originals.length]!;
			const id = `copy-${copy}-${from}`;
			cpSync(join('lessons', from), join(lessons, id), { recursive: true });
			const yaml = join(lessons, id, 'lesson.yaml');
			writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^id: .*$/m, `id: ${id}`));
		}
		server = spawn(process.execPath, ['scripts/start.js'], {
			env: {
				...process.env,
				PORT: String(PORT),
				HOST: '127.0.0.1',
				DATA_DIR: join(dir, 'data'),
				DATABASE_URL: '',
				LESSONS_DIR: lessons
			},
			stdio: 'ignore'
		});
		for (let tries = 0; tries < 600; tries++) {
			const up = await fetch(`${origin}/healthz`).then(
				(response) => response.ok,
				() => false
			);
			if (up) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`the 50-lesson server did not start on port ${PORT}`);
	});

	test.afterAll(async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((resolve) => server!.once('exit', resolve));
			server.kill();
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	});

	test('installs the same precache as 2 lessons: the same files, only the library pages longer', async ({
		browser,
		baseURL
	}) => {
		const measure = async (at: string) => {
			const context = await browser.newContext({ locale: 'ar-IQ' });
			try {
				return await precacheOf(await context.newPage(), at);
			} finally {
				await context.close();
			}
		};
		const two = await measure(baseURL!);
		const fifty = await measure(origin);
		const health = await (await fetch(`${origin}/healthz`)).json();
		expect(health).toMatchObject({ ok: true });
		// All 50 are in the library (three pages of 20), and a copy's page is served.
		const third = await (await fetch(`${origin}/?page=3`)).text();
		expect(new Set(third.match(/href="\/lessons\/[\w-]+"/g)).size).toBe(10);
		const copy = readdirSync('lessons')[0]!;
		expect((await fetch(`${origin}/lessons/copy-0-${copy}`)).status).toBe(200);

		// The same build: the very same files.
		expect([...fifty.keys()].sort()).toEqual([...two.keys()].sort());
		const LIBRARY = new Set(['/', '/__data.json', '/en', '/en/__data.json']);
		const outside = (files: Map<string, number>) =>
			[...files].reduce((sum, [path, bytes]) => sum + (LIBRARY.has(path) ? 0 : bytes), 0);
		// Everything but the library pages weighs the same, within 1 %.
		expect(Math.abs(outside(fifty) - outside(two))).toBeLessThanOrEqual(outside(two) * 0.01);
		const grew = [...LIBRARY].reduce((sum, path) => sum + fifty.get(path)! - two.get(path)!, 0);
		const total = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);
		test.info().annotations.push({
			type: 'precache',
			description: `2 lessons: ${two.size} files, ${Math.round(total(two) / 1024)} KB; 50 lessons: ${fifty.size} files, ${Math.round(total(fifty) / 1024)} KB (the library pages ${Math.round(grew / 1024)} KB longer)`
		});
	});
});
