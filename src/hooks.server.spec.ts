import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { assignLessons } from '$lib/server/assignments';
import { createSession, SESSION_COOKIE, SESSION_MS } from '$lib/server/auth';
import { TABLES, type Db } from '$lib/server/db/database';
import { useTestDatabase } from '$lib/server/db/engines.fixture';
import { attempt, makeClass, makeTeacher } from '$lib/server/services.fixture';

const database = vi.hoisted(() => ({ get: (): unknown => undefined, opened: 0 }));
vi.mock('$lib/server/db/instance', () => ({
	getDb: async () => {
		database.opened++;
		return database.get();
	},
	getDatabase: async () => ({ db: database.get() })
}));
vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

const { handle } = await import('./hooks.server');
const { POST: postJoin } = await import('./routes/api/join/+server');
const { POST: postSync } = await import('./routes/api/sync/+server');
const { actions: classActions } = await import('./routes/[[lang=lang]]/teach/+page.server');

const CLASS_ROUTE = '/[[lang=lang]]/teach/classes/[classId=uuid]';

/** A request as the hook sees it, with a cookie jar that records what the hook does to it. */
function request(path: string, routeId: string | null, cookie?: string) {
	const url = new URL(`http://localhost${path}`);
	const lang = path.startsWith('/en/') || path === '/en' ? 'en' : undefined;
	// The device already keeps the page's language (the language tests below start from none).
	const kept: Record<string, string | undefined> = { [SESSION_COOKIE]: cookie, lang: lang ?? 'ar' };
	const jar = {
		get: vi.fn((name: string) => kept[name]),
		set: vi.fn(),
		delete: vi.fn()
	};
	const event = {
		request: new Request(url),
		url,
		params: lang ? { lang } : {},
		route: { id: routeId },
		cookies: jar,
		locals: {}
	} as unknown as RequestEvent;
	const resolve = vi.fn(async () => new Response('ok'));
	return { event, jar, resolve, run: () => handle({ event, resolve }) };
}

async function redirectOf(run: () => unknown) {
	try {
		await run();
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
	return null;
}

describe('hooks: the teacher area', () => {
	const db = useTestDatabase('sqlite');
	database.get = () => db();

	it('leaves student pages and the API alone, even with a session cookie', async () => {
		const before = database.opened;
		for (const [path, route] of [
			['/', '/[[lang=lang]]'],
			['/api/sync', '/api/sync'],
			['/nowhere', null]
		] as const) {
			const { event, resolve, run } = request(path, route, 'x'.repeat(43));
			await run();
			expect(resolve).toHaveBeenCalled();
			expect(event.locals.teacher).toBeNull();
		}
		expect(database.opened).toBe(before);
	});

	it('sends a signed-out visitor to sign in, with the page to come back to', async () => {
		const ar = request('/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f?x=1', CLASS_ROUTE);
		expect(await redirectOf(ar.run)).toEqual({
			status: 303,
			location: `/teach/signin?next=${encodeURIComponent('/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f?x=1')}`
		});
		expect(ar.resolve).not.toHaveBeenCalled();
		const en = request('/en/teach', '/[[lang=lang]]/teach');
		expect(await redirectOf(en.run)).toEqual({
			status: 303,
			location: `/en/teach/signin?next=${encodeURIComponent('/en/teach')}`
		});
	});

	it('lets a signed-out visitor open sign-in and sign-up', async () => {
		for (const page of ['signin', 'signup']) {
			const { event, resolve, run } = request(`/teach/${page}`, `/[[lang=lang]]/teach/${page}`);
			await run();
			expect(resolve).toHaveBeenCalled();
			expect(event.locals.teacher).toBeNull();
		}
	});

	it('drops a cookie that names no session, and asks to sign in', async () => {
		const { jar, run } = request('/teach', '/[[lang=lang]]/teach', 'A'.repeat(43));
		expect(await redirectOf(run)).toMatchObject({ status: 303 });
		expect(jar.delete).toHaveBeenCalledWith(SESSION_COOKIE, expect.objectContaining({ path: '/' }));
	});

	it('puts the session’s teacher in locals, and sets the cookie again when its expiry moves', async () => {
		const teacher = await makeTeacher(db(), 'Salma');
		const fresh = await createSession(db(), teacher.id);
		const current = request('/teach', '/[[lang=lang]]/teach', fresh.token);
		await current.run();
		expect(current.event.locals.teacher).toMatchObject({ id: teacher.id, name: 'Salma' });
		expect(current.jar.set).not.toHaveBeenCalled();

		const old = await createSession(
			db(),
			teacher.id,
			undefined,
			new Date(Date.now() - SESSION_MS + 60 * 60 * 1000)
		);
		const ageing = request('/teach', '/[[lang=lang]]/teach', old.token);
		await ageing.run();
		expect(ageing.event.locals.teacher).toMatchObject({ id: teacher.id });
		expect(ageing.jar.set).toHaveBeenCalledWith(
			SESSION_COOKIE,
			old.token,
			expect.objectContaining({ httpOnly: true, sameSite: 'lax', secure: false })
		);
	});
});

const ORIGIN = 'http://localhost:3000';

/** Every route module's source, to find what can change state: actions and non-GET handlers. */
const ROUTE_SOURCES = import.meta.glob<string>(
	['./routes/**/+server.ts', './routes/**/+page.server.ts'],
	{
		query: '?raw',
		import: 'default',
		eager: true
	}
);

/** A URL path for a route file: its parameters filled with values of the right shape. */
function routePath(file: string): string {
	return (
		file
			.replace(/^\.\/routes/, '')
			.replace(/\/\+(server|page\.server)\.ts$/, '')
			.replace('/[[lang=lang]]', '')
			.replace(/\[\w+=uuid\]/g, '0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f')
			.replace(/\[\w+=\w+\]/g, 'tiny') || '/'
	);
}

/** Each state-changing endpoint as `METHOD path` (form actions as `POST path?/name`). */
function stateChangingEndpoints(): string[] {
	const found: string[] = [];
	for (const [file, source] of Object.entries(ROUTE_SOURCES)) {
		const path = routePath(file);
		for (const [, method] of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)) {
			found.push(`${method} ${path}`);
		}
		const actions = /export const actions = \{([\s\S]*?)\n\} satisfies Actions/.exec(source);
		for (const [, name] of actions?.[1]?.matchAll(/^\t(\w+): async/gm) ?? []) {
			found.push(`POST ${path}${name === 'default' ? '' : `?/${name}`}`);
		}
	}
	return found.sort();
}

/** The ways a request can come from somewhere other than our own pages. */
const REFUSED: { what: string; method?: string; headers: Record<string, string>; code: string }[] =
	[
		{
			what: 'a form from another site',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			code: 'cross-origin'
		},
		{
			what: 'a multipart form from another site',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'multipart/form-data; boundary=x'
			},
			code: 'cross-origin'
		},
		{
			what: 'JSON sent as text/plain from another site',
			headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
			code: 'cross-origin'
		},
		{
			what: 'JSON from another site',
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			code: 'cross-origin'
		},
		{
			what: 'a body without a content type from another site',
			headers: { origin: 'https://evil.example' },
			code: 'cross-origin'
		},
		{
			what: 'a sandboxed page (Origin: null)',
			headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
			code: 'cross-origin'
		},
		{
			what: 'the same host on another port',
			headers: { origin: 'http://localhost:3001', 'content-type': 'application/json' },
			code: 'cross-origin'
		},
		{
			what: 'the same host over another scheme',
			headers: { origin: 'https://localhost:3000', 'content-type': 'application/json' },
			code: 'cross-origin'
		},
		{
			what: 'a form without an Origin',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			code: 'missing-origin'
		},
		{
			what: 'JSON without an Origin',
			headers: { 'content-type': 'application/json' },
			code: 'missing-origin'
		},
		{
			what: 'a PUT from another site',
			method: 'PUT',
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			code: 'cross-origin'
		},
		{
			what: 'a DELETE without an Origin',
			method: 'DELETE',
			headers: {},
			code: 'missing-origin'
		}
	];

/** How many rows each table holds: equal before and after means nothing was written. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Runs the hook on a request whose `resolve` hands it to `route` (the real endpoint or action). */
async function through(
	path: string,
	init: { method?: string; headers?: Record<string, string>; body?: string },
	route: (event: RequestEvent) => Promise<Response>,
	cookie?: string
) {
	const request = new Request(`${ORIGIN}${path}`, { method: init.method ?? 'POST', ...init });
	const url = new URL(request.url);
	const routeId = path.startsWith('/api/') ? url.pathname : '/[[lang=lang]]/teach';
	const event = {
		request,
		url,
		params: {},
		route: { id: routeId },
		cookies: { get: () => cookie, set: vi.fn(), delete: vi.fn() },
		locals: {},
		getClientAddress: () => '192.0.2.7'
	} as unknown as RequestEvent;
	const resolve = vi.fn(route);
	try {
		return { response: await handle({ event, resolve }), resolve };
	} catch (thrown) {
		if (isRedirect(thrown))
			return { response: new Response(null, { status: thrown.status }), resolve };
		throw thrown;
	}
}

describe('hooks: requests that change state come only from our own pages', () => {
	const db = useTestDatabase('sqlite');

	it('finds every state-changing endpoint: the JSON API and every form action', () => {
		const endpoints = stateChangingEndpoints();
		expect(endpoints).toEqual(expect.arrayContaining(['POST /api/join', 'POST /api/sync']));
		expect(endpoints).toEqual(
			expect.arrayContaining([
				'POST /teach/signin',
				'POST /teach/signup',
				'POST /teach/signout',
				'POST /teach?/create'
			])
		);
		expect(endpoints.filter((e) => e.startsWith('POST /teach/classes/')).length).toBeGreaterThan(5);
	});

	describe.each(REFUSED)('refuses $what', ({ method = 'POST', headers, code }) => {
		it.each(stateChangingEndpoints().map((e) => e.replace(/^\w+ /, '')))(
			`${method} %s: 403 with a reason, the route never runs`,
			async (path) => {
				database.get = () => db();
				const before = await rowCounts(db());
				const route = vi.fn(async () => new Response('changed'));
				const { response, resolve } = await through(
					path,
					{ method, headers, body: method === 'DELETE' ? undefined : 'name=x' },
					route
				);
				expect(response.status).toBe(403);
				expect(await response.json()).toEqual({ error: expect.any(String), code });
				expect(resolve).not.toHaveBeenCalled();
				expect(route).not.toHaveBeenCalled();
				expect(await rowCounts(db())).toEqual(before);
			}
		);
	});

	it('lets reads from anywhere through, and our own pages’ writes', async () => {
		database.get = () => db();
		for (const [method, origin] of [
			['GET', 'https://evil.example'],
			['HEAD', undefined],
			['OPTIONS', 'https://evil.example'],
			['POST', ORIGIN]
		] as const) {
			const { resolve } = await through(
				'/api/join',
				{ method, headers: origin ? { origin } : {} },
				async () => new Response('ok')
			);
			expect(resolve).toHaveBeenCalledOnce();
		}
	});

	/** The real endpoints behind the hook: our origin writes, every refused variant writes nothing. */
	const REAL: {
		what: string;
		setUp: () => Promise<{
			path: string;
			body: string;
			json: boolean;
			token?: string;
			cookie?: string;
		}>;
		route: (event: RequestEvent) => Promise<Response>;
	}[] = [
		{
			what: 'joining a class',
			setUp: async () => {
				const { classInfo } = await makeClass(db());
				return {
					path: '/api/join',
					body: JSON.stringify({ code: classInfo.joinCode, name: 'Zaid' }),
					json: true
				};
			},
			route: async (event) => postJoin(event as never)
		},
		{
			what: 'syncing answers',
			setUp: async () => {
				const { teacherId, classInfo, joined } = await makeClass(db(), ['Huda']);
				await assignLessons(db(), teacherId, classInfo.id, 'tiny');
				const batch = { attempts: [attempt('tiny', 'vote-count', { type: 'choice', choice: 0 })] };
				return {
					path: '/api/sync',
					body: JSON.stringify(batch),
					json: true,
					token: joined[0]!.token
				};
			},
			route: async (event) => postSync(event as never)
		},
		{
			what: 'creating a class',
			setUp: async () => {
				const teacher = await makeTeacher(db());
				const { token } = await createSession(db(), teacher.id);
				return { path: '/teach?/create', body: 'name=New+class', json: false, cookie: token };
			},
			route: async (event) => {
				try {
					const failed: unknown = await classActions.create(event as never);
					return new Response(null, { status: isActionFailure(failed) ? failed.status : 200 });
				} catch (thrown) {
					if (isRedirect(thrown)) return new Response(null, { status: thrown.status });
					throw thrown;
				}
			}
		}
	];

	it.each(REAL)(
		'$what: written from our origin, untouched by every refused variant',
		async ({ setUp, route }) => {
			database.get = () => db();
			const { path, body, json, token, cookie } = await setUp();
			const send = async (headers: Record<string, string>, method = 'POST') => {
				const all: Record<string, string> = { ...headers };
				if (token) all['authorization'] = `Bearer ${token}`;
				if (json && all['content-type'] === undefined) all['content-type'] = 'application/json';
				if (!json) all['content-type'] ??= 'application/x-www-form-urlencoded';
				return through(
					path,
					{ method, headers: all, body: method === 'DELETE' ? undefined : body },
					route,
					cookie
				);
			};
			const before = await rowCounts(db());
			for (const { method, headers, code } of REFUSED) {
				const { response } = await send(headers, method);
				expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
					403,
					code
				]);
			}
			expect(await rowCounts(db())).toEqual(before);
			const { response } = await send({ origin: ORIGIN });
			expect([200, 303]).toContain(response.status);
			expect(await rowCounts(db())).not.toEqual(before);
		}
	);
});

describe('hooks: the UI language a device keeps', () => {
	const LESSON_ROUTE = '/[[lang=lang]]/lessons/[id=slug]';

	/** A page opened by the browser, with the device's cookie and the phone's languages. */
	function open(
		path: string,
		{
			cookie,
			accept,
			mode = 'navigate',
			data = false,
			html = true
		}: {
			cookie?: string;
			accept?: string;
			mode?: string | null;
			data?: boolean;
			html?: boolean;
		} = {}
	) {
		const url = new URL(`http://localhost${path}`);
		const headers = new Headers({
			accept: html ? 'text/html,application/xhtml+xml,*/*;q=0.8' : '*/*'
		});
		if (accept) headers.set('accept-language', accept);
		if (mode) headers.set('sec-fetch-mode', mode);
		const jar = { get: vi.fn(() => cookie), set: vi.fn(), delete: vi.fn() };
		const event = {
			request: new Request(url, { headers }),
			url,
			params: /^\/en(\/|$)/.test(path) ? { lang: 'en' } : {},
			route: { id: LESSON_ROUTE },
			isDataRequest: data,
			cookies: jar,
			locals: {}
		} as unknown as RequestEvent;
		const resolve = vi.fn(async () => new Response('page'));
		return { jar, resolve, run: () => handle({ event, resolve }) };
	}

	it('opens an unprefixed link in English on a device that chose English', async () => {
		const visit = open('/lessons/basra?from=qr', { cookie: 'en', accept: 'ar-IQ' });
		const response = await visit.run();
		expect(response.status).toBe(307);
		expect(response.headers.get('location')).toBe('/en/lessons/basra?from=qr');
		expect(response.headers.get('vary')).toContain('Cookie');
		expect(visit.resolve).not.toHaveBeenCalled();
	});

	it('keeps Arabic for a device that chose it, even on an English phone', async () => {
		const visit = open('/lessons/basra', { cookie: 'ar', accept: 'en-US' });
		const response = await visit.run();
		expect(await response.text()).toBe('page');
		expect(response.headers.get('vary')).toContain('Accept-Language');
		expect(visit.jar.set).not.toHaveBeenCalled();
	});

	it.each([
		['en-US,en;q=0.9', 307],
		['ar-EG,ar;q=0.9', 200],
		[undefined, 200]
	])('follows the phone (%s) on a first visit', async (accept, status) => {
		const visit = open('/', { accept });
		expect((await visit.run()).status).toBe(status);
	});

	it('makes an explicit English page the choice', async () => {
		const visit = open('/en/lessons/basra', { cookie: 'ar' });
		expect((await visit.run()).status).toBe(200);
		expect(visit.jar.set).toHaveBeenCalledWith(
			'lang',
			'en',
			expect.objectContaining({ path: '/', httpOnly: false })
		);
	});

	it('records the Arabic page a first visit shows', async () => {
		const visit = open('/lessons/basra', { accept: 'ar' });
		await visit.run();
		expect(visit.jar.set).toHaveBeenCalledWith('lang', 'ar', expect.anything());
	});

	it.each([
		['the worker downloading a page to keep', { mode: 'same-origin' }],
		['the app’s data request', { data: true }],
		['a script asking for anything', { mode: null, html: false }]
	])('neither moves nor records %s', async (_, how) => {
		const visit = open('/lessons/basra', { cookie: 'en', ...how });
		expect((await visit.run()).status).toBe(200);
		const english = open('/en/lessons/basra', { cookie: 'ar', ...how });
		await english.run();
		expect(english.jar.set).not.toHaveBeenCalled();
	});
});

describe('hooks: a student page’s data may be kept', () => {
	function data(routeId: string, cacheControl: string) {
		const url = new URL('http://localhost/lessons/basra/__data.json');
		const event = {
			request: new Request(url),
			url,
			params: {},
			route: { id: routeId },
			isDataRequest: true,
			cookies: { get: vi.fn(), set: vi.fn(), delete: vi.fn() },
			locals: {}
		} as unknown as RequestEvent;
		const resolve = vi.fn(
			async () => new Response('{}', { headers: { 'cache-control': cacheControl } })
		);
		return handle({ event, resolve });
	}

	it('turns SvelteKit’s default no-store into no-cache for a lesson', async () => {
		const response = await data('/[[lang=lang]]/lessons/[id=slug]', 'private, no-store');
		expect(response.headers.get('cache-control')).toBe('no-cache');
	});

	it('leaves what a load set, and the teacher area, alone', async () => {
		expect(
			(await data('/[[lang=lang]]/lessons/[id=slug]', 'max-age=60')).headers.get('cache-control')
		).toBe('max-age=60');
		const teach = await data('/[[lang=lang]]/teach/signin', 'private, no-store');
		expect(teach.headers.get('cache-control')).toBe('private, no-store');
	});
});
