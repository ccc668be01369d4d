/**
 * Cross-site defences against the running server: the security headers and the Content Security
 * Policy on every kind of response, the browser enforcing the policy (and the guard in
 * ./fixtures seeing it), and writes from another origin refused without changing anything.
 */
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSWORD_HASH_TIMEOUT } from './classroom';
import { tx } from './i18n';
import { loadLessons } from './lessons';

const LESSON = loadLessons()[0]!;
const FOREIGN = 'http://evil.test';
const PASSWORD = 'olive trees by the shatt';

const POLICY = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-ancestors 'none'"
];

/** Every source in the policy is our own origin, a keyword, a hash or nonce, or data: images. */
function thirdPartySources(policy: string): string[] {
	return policy.split(';').flatMap((directive) => {
		const [name, ...sources] = directive.trim().split(/\s+/);
		return sources
			.filter((s) => !/^'(self|none|unsafe-inline|sha256-[\w+/=]+|nonce-[\w+/=]+)'$/.test(s))
			.filter((s) => !(name === 'img-src' && s === 'data:'))
			.map((s) => `${name} ${s}`);
	});
}

/** The headers every response carries; a script, font or data file carries only these. */
function expectBaseHeaders(response: APIResponse, what: string) {
	const headers = response.headers();
	expect.soft(headers['x-content-type-options'], what).toBe('nosniff');
	expect.soft(headers['referrer-policy'], what).toBe('same-origin');
	expect.soft(headers['cross-origin-resource-policy'], what).toBe('same-origin');
}

/** A document's (or the worker's) headers and policy; the policy. */
function expectSecured(response: APIResponse, what: string) {
	const headers = response.headers();
	expectBaseHeaders(response, what);
	expect.soft(headers['x-frame-options'], what).toBe('DENY');
	expect.soft(headers['cross-origin-opener-policy'], what).toBe('same-origin');
	expect.soft(headers['permissions-policy'], what).toMatch(/camera=\(\).*geolocation=\(\)/);
	const policy = headers['content-security-policy'] ?? '';
	for (const directive of POLICY) expect.soft(policy, what).toContain(directive);
	expect.soft(thirdPartySources(policy), what).toEqual([]);
	return policy;
}

test('security headers on every kind of response, and the CSP on documents and the worker', async ({
	request
}) => {
	const home = await request.get('/');
	const html = await home.text();
	const asset = /\/_app\/immutable\/[\w/.-]+\.js(?=["'])/.exec(html)![0];
	// Every page is rendered on request now (lessons are data): each gets a nonce of its own.
	const nonces = new Set<string>();
	const pages = [
		'/',
		'/en',
		`/lessons/${LESSON.id}`,
		`/en/lessons/${LESSON.id}/result`,
		'/teach/signin',
		'/en/teach/signup',
		'/en/teach/signin'
	];
	for (const path of pages) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const nonce = /script-src 'self' 'nonce-([\w+/=]+)'/.exec(expectSecured(response, path));
		expect(nonce, path).not.toBeNull();
		nonces.add(nonce![1]!);
	}
	expect(nonces.size).toBe(pages.length);
	const others: [string, number, Promise<APIResponse>][] = [
		['a 404 page', 404, request.get('/en/no/such/page')],
		['the service worker', 200, request.get('/service-worker.js')],
		['an SVG, which can open as a document', 200, request.get('/favicon.svg')]
	];
	for (const [what, status, pending] of others) {
		const response = await pending;
		expect(response.status(), what).toBe(status);
		expectSecured(response, what);
	}
	// What is never shown as a document carries none of a document's headers: on a lesson's 30
	// files they were kilobytes of every first visit.
	const files: [string, number, Promise<APIResponse>][] = [
		['the API', 401, request.get('/api/me')],
		['a refused write', 403, request.post('/api/join', { headers: { origin: FOREIGN }, data: {} })],
		['the health check', 200, request.get('/healthz')],
		['an /_app script', 200, request.get(asset)],
		[
			'the UI messages',
			200,
			request.get(/\/_app\/immutable\/assets\/[\w.-]+\.json/.exec(html)![0])
		],
		['the manifest', 200, request.get('/manifest.webmanifest')]
	];
	for (const [what, status, pending] of files) {
		const response = await pending;
		expect(response.status(), what).toBe(status);
		expectBaseHeaders(response, what);
		expect.soft(response.headers()['content-security-policy'], what).toBeUndefined();
		expect.soft(response.headers()['permissions-policy'], what).toBeUndefined();
	}
});

test('the browser enforces the policy: no inline script, no framing', async ({
	page,
	cspViolations
}) => {
	await page.goto('/en');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__xss = 1';
		document.body.append(script);
	});
	expect(await page.evaluate(() => 'x' in window && '__xss' in window)).toBe(false);
	await expect.poll(() => cspViolations.join('\n')).toContain('script-src');

	await page.route(`${FOREIGN}/**`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><iframe src="${new URL('/en', page.url())}"></iframe>`
		})
	);
	await page.goto(`${FOREIGN}/frame`);
	// Chromium shows its error page in place of the framed app (and reports to no console).
	await expect.poll(() => page.frames()[1]?.url()).toBe('chrome-error://chromewebdata/');
	// The inline script was provoked on purpose: the guard saw it, which is what this test is about.
	cspViolations.length = 0;
});

/** A teacher with one class, signed in on `api`; returns the class's id and join code. */
async function teacherWithClass(api: APIRequestContext, origin: string) {
	const headers = { origin, accept: 'text/html' };
	const email = `guard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}@school.example`;
	const form = { name: 'Guard', email, password: PASSWORD };
	expect((await api.post('/teach/signup', { headers, form, maxRedirects: 0 })).status()).toBe(303);
	const created = await api.post('/teach?/create', {
		headers,
		form: { name: 'Guarded class' },
		maxRedirects: 0
	});
	const classId = created.headers()['location']!.split('/').pop()!;
	const page = await (await api.get(`/teach/classes/${classId}`)).text();
	const code = /\/join\/([2-9A-HJKMNP-Z]{6})/.exec(page)![1]!;
	return { classId, code, email };
}

/** What the teacher's pages show: the classes and a class's roster. */
async function teacherView(api: APIRequestContext, classId: string) {
	const classes = await (await api.get('/teach')).text();
	const roster = await (await api.get(`/teach/classes/${classId}`)).text();
	return {
		classes: classes.match(/href="\/teach\/classes\/[0-9a-f-]{36}"/g)?.length ?? 0,
		roster: /Mallory/.test(roster),
		classNames: /Forged/.test(classes)
	};
}

test('writes from another origin, or without one, are refused and change nothing', async ({
	playwright,
	baseURL
}) => {
	const api = await playwright.request.newContext({ baseURL });
	const { classId, code } = await teacherWithClass(api, baseURL!);
	const before = await teacherView(api, classId);
	expect(before).toEqual({ classes: 1, roster: false, classNames: false });

	const json = JSON.stringify({ code, name: 'Mallory' });
	const variants: [string, Record<string, string>, string][] = [
		[
			'a form',
			{ origin: FOREIGN, 'content-type': 'application/x-www-form-urlencoded' },
			'name=Forged'
		],
		[
			'a multipart form',
			{ origin: FOREIGN, 'content-type': 'multipart/form-data; boundary=b' },
			'--b\r\ncontent-disposition: form-data; name="name"\r\n\r\nForged\r\n--b--\r\n'
		],
		['JSON as text/plain', { origin: FOREIGN, 'content-type': 'text/plain' }, json],
		['JSON', { origin: FOREIGN, 'content-type': 'application/json' }, json],
		['no content type', { origin: FOREIGN }, json],
		['no Origin, JSON', { 'content-type': 'application/json' }, json],
		['no Origin, a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=Forged'],
		['Origin null', { origin: 'null', 'content-type': 'application/json' }, json]
	];
	const endpoints = [
		'/api/join',
		'/api/sync',
		'/teach?/create',
		`/en/teach/classes/${classId}?/rename`,
		`/teach/classes/${classId}/delete`,
		'/teach/signout',
		'/teach/signup'
	];
	for (const path of endpoints) {
		for (const [what, headers, data] of variants) {
			const response = await api.post(path, { headers, data, maxRedirects: 0 });
			expect(response.status(), `${what} to ${path}`).toBe(403);
			expect((await response.text()).length, `${what} to ${path}: a reason`).toBeGreaterThan(10);
		}
	}
	expect(await teacherView(api, classId)).toEqual(before);
	await api.dispose();
});

test('a page on another site cannot post a form or JSON to the app', async ({
	page,
	playwright,
	baseURL
}) => {
	const api = await playwright.request.newContext({ baseURL });
	const { classId, code, email } = await teacherWithClass(api, baseURL!);
	const before = await teacherView(api, classId);
	// The same browser is signed in as the teacher too.
	await signIn(page, email);

	const target = new URL('/teach?/create', baseURL).href;
	const join = new URL('/api/join', baseURL).href;
	// Another origin on this machine (Chromium keeps public sites from fetching local ones at
	// all): the same server by another host name, with the attacker's page put in its place.
	const attacker = new URL('/attack', baseURL);
	attacker.hostname = '127.0.0.1';
	await page.route(attacker.href, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><form method="post" action="${target}"><input name="name" value="Forged"><button>go</button></form>`
		})
	);
	await page.goto(attacker.href);
	const forged = page.waitForResponse(target);
	await page.getByRole('button', { name: 'go' }).click();
	expect((await forged).status()).toBe(403);

	await page.goto(attacker.href);
	const sent = page.waitForRequest(join);
	// The server answers 403, and Cross-Origin-Resource-Policy then hides even that from the page.
	const outcome = await page.evaluate(
		([url, body]) =>
			fetch(url!, {
				method: 'POST',
				mode: 'no-cors',
				headers: { 'content-type': 'text/plain' },
				body
			}).then(
				() => 'read',
				() => 'blocked'
			),
		[join, JSON.stringify({ code, name: 'Mallory' })]
	);
	expect((await sent).headers()['origin']).toBe(attacker.origin);
	expect(outcome).toBe('blocked');
	expect(await teacherView(api, classId)).toEqual(before);
	await api.dispose();
});

async function signIn(page: Page, email: string) {
	await page.goto('/en/teach/signin');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.getByRole('button', { name: tx('en', 'teach.signin.submit') }).click();
	await expect(page).toHaveURL('/en/teach', { timeout: PASSWORD_HASH_TIMEOUT });
}
