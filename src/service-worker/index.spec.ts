/**
 * The worker as wired in index.ts, in a stubbed service worker scope: what it precaches (the app,
 * no lesson), what it answers and from where, the lessons it keeps when opened or assigned, the
 * language an unprefixed page opens in offline, what it leaves to the network, and when it lets a
 * new version in.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	FakeExtendableEvent,
	FakeMessageEvent,
	ORIGIN,
	pageRequest,
	stubServiceWorkerScope
} from './scope.fixture';

const lists = vi.hoisted(() => ({
	build: [
		'/_app/immutable/entry/start.A1.js',
		'/_app/immutable/nodes/3.B2.js',
		'/_app/immutable/assets/font.C3.woff2',
		'/_app/immutable/nodes/9.T1.js'
	],
	files: ['/favicon.svg', '/robots.txt', '/manifest.webmanifest', '/icons/icon-192.png'],
	// Lessons are rendered on request; were one prerendered all the same, it would stay out.
	prerendered: ['/about', '/lessons/basra', '/lessons/basra/__data.json'],
	version: '2'
}));

vi.mock('$service-worker', () => lists);

vi.mock('./build-info', () => ({
	dataAssets: new Map([['/lessons/basra/__data.json', '/_app/immutable/assets/__data.L1.json']]),
	teacherOnly: new Set(['/_app/immutable/nodes/9.T1.js'])
}));

/** The library in both languages, with its data: precached, though rendered on request. */
const APP_PAGES = ['/', '/__data.json', '/en', '/en/__data.json'];
const PRECACHE = 'qiraa-precache-2';
const TEACHER_NODE = '/_app/immutable/nodes/9.T1.js';
const RUNTIME = 'qiraa-runtime-2';

let worker: ReturnType<typeof stubServiceWorkerScope>;

/** The server: every path answers with its own name, unless the test says otherwise. */
function serve(overrides: Record<string, () => Response> = {}) {
	worker.network.mockImplementation(async (request: Request) => {
		const { pathname } = new URL(request.url);
		return overrides[pathname]?.() ?? new Response(`server ${pathname}`);
	});
}

function offline() {
	worker.network.mockImplementation(async () => {
		throw new TypeError('Failed to fetch');
	});
}

async function install() {
	await worker.dispatch(new FakeExtendableEvent('install')).settled();
}

beforeAll(async () => {
	worker = stubServiceWorkerScope();
	await import('./index');
});

beforeEach(() => {
	worker.storage.caches.clear();
	worker.network.mockReset();
	worker.scope.skipWaiting.mockClear();
	serve();
});

describe('install', () => {
	it('precaches the shell, the fonts, the icons and the library, no lesson and not robots.txt', async () => {
		await install();
		const urls = (await worker.storage.open(PRECACHE)).urls().map((url) => url.split('?')[0]);
		expect(urls.sort()).toEqual(
			[
				...lists.build.filter((path) => path !== TEACHER_NODE),
				...APP_PAGES,
				'/about',
				'/favicon.svg',
				'/manifest.webmanifest',
				'/icons/icon-192.png'
			].sort()
		);
		const fetched = worker.network.mock.calls.map(([request]) => new URL(request.url).pathname);
		expect(fetched.filter((path) => path.includes('lessons'))).toEqual([]);
	});

	it('asks for the unprefixed library as it is, not as the device’s language would redirect it', async () => {
		await install();
		const library = worker.network.mock.calls
			.map(([request]) => request)
			.find((request) => new URL(request.url).pathname === '/');
		expect(library?.mode).not.toBe('navigate');
	});

	it('fetches unchanged hashed files from the previous version’s cache, not the network', async () => {
		const previous = await worker.storage.open('qiraa-precache-1');
		await previous.put(`${ORIGIN}/_app/immutable/assets/font.C3.woff2`, new Response('font v1'));
		await install();
		const fetched = worker.network.mock.calls.map(([request]) => new URL(request.url).pathname);
		expect(fetched).not.toContain('/_app/immutable/assets/font.C3.woff2');
		expect(fetched).toContain('/_app/immutable/entry/start.A1.js');
		const font = await worker.storage.match('/_app/immutable/assets/font.C3.woff2', {
			cacheName: PRECACHE
		});
		expect(await font?.text()).toBe('font v1');
	});

	it('fails rather than precache a page the server marks no-store', async () => {
		serve({ '/en': () => new Response('x', { headers: { 'Cache-Control': 'no-store' } }) });
		await expect(install()).rejects.toThrow();
	});

	it('does not skip waiting', async () => {
		await install();
		expect(worker.scope.skipWaiting).not.toHaveBeenCalled();
	});
});

describe('activate', () => {
	it('claims the open pages and retires caches of older versions', async () => {
		await worker.storage.open('qiraa-precache-0');
		await worker.storage.open('qiraa-runtime-1');
		await install();
		await worker.dispatch(new FakeExtendableEvent('activate')).settled();
		expect(worker.scope.clients.claim).toHaveBeenCalled();
		expect(await worker.storage.keys()).not.toContain('qiraa-precache-0');
		expect(await worker.storage.keys()).not.toContain('qiraa-runtime-1');
		expect(await worker.storage.keys()).toContain(PRECACHE);
	});
});

describe('a new version waits for the student', () => {
	it('skips waiting when the page says so', () => {
		worker.dispatch(new FakeMessageEvent({ type: 'SKIP_WAITING' }));
		expect(worker.scope.skipWaiting).toHaveBeenCalledOnce();
	});

	it.each([null, 'SKIP_WAITING', { type: 'OTHER' }])('ignores the message %j', (data) => {
		worker.dispatch(new FakeMessageEvent(data));
		expect(worker.scope.skipWaiting).not.toHaveBeenCalled();
	});
});

describe('requests it leaves to the network', () => {
	it.each([
		['an API call', pageRequest('/api/sync')],
		['an API page', pageRequest('/api/classes', { navigate: true })],
		['the version probe', pageRequest('/_app/version.json')],
		['a POST', pageRequest('/lessons/basra', { method: 'POST', navigate: true })],
		['another origin', new Request('https://fonts.example/a.woff2')],
		['a file it does not keep', pageRequest('/robots.txt')]
	])('%s', async (_, request) => {
		await install();
		expect(await worker.fetch(request)).toBeUndefined();
	});
});

describe('offline', () => {
	beforeEach(async () => {
		await install();
		offline();
	});

	it.each(['/', '/en'])('opens the precached library %s', async (path) => {
		const response = await worker.fetch(pageRequest(path, { navigate: true }));
		expect(await response?.text()).toBe(`server ${path}`);
	});

	it('answers SvelteKit’s data request whatever its query', async () => {
		const request = pageRequest('/en/__data.json?x-sveltekit-invalidated=01');
		const response = await worker.fetch(request);
		expect(await response?.text()).toBe('server /en/__data.json');
	});

	it('sends a lesson never kept to the library in its language', async () => {
		const response = await worker.fetch(pageRequest('/en/lessons/basra', { navigate: true }));
		expect(response?.headers.get('Location')).toBe(`${ORIGIN}/en`);
	});

	it('serves the app’s chunks', async () => {
		const response = await worker.fetch(pageRequest('/_app/immutable/nodes/3.B2.js'));
		expect(await response?.text()).toBe('server /_app/immutable/nodes/3.B2.js');
	});

	it.each([
		['/teach', '/'],
		['/en/join/ABC', '/en']
	])('sends %s, never kept, to the library at %s', async (path, shell) => {
		const response = await worker.fetch(pageRequest(path, { navigate: true }));
		expect(response?.status).toBe(302);
		expect(response?.headers.get('Location')).toBe(`${ORIGIN}${shell}`);
	});

	it('serves an old version’s chunk to a page still running it', async () => {
		const previous = await worker.storage.open('qiraa-precache-1');
		await previous.put(`${ORIGIN}/_app/immutable/nodes/3.OLD.js`, new Response('old node'));
		const response = await worker.fetch(pageRequest('/_app/immutable/nodes/3.OLD.js'));
		expect(await response?.text()).toBe('old node');
	});
});

describe('hashed files it does not precache', () => {
	beforeEach(install);

	it('come from the network once, then from the cache', async () => {
		const first = await worker.fetch(pageRequest(TEACHER_NODE));
		expect(await first?.text()).toBe(`server ${TEACHER_NODE}`);
		offline();
		const again = await worker.fetch(pageRequest(TEACHER_NODE));
		expect(await again?.text()).toBe(`server ${TEACHER_NODE}`);
		expect((await worker.storage.open(RUNTIME)).urls()).toEqual([TEACHER_NODE]);
	});
});

describe('pages that are not prerendered', () => {
	beforeEach(install);

	it('come from the network, and from the last copy once offline', async () => {
		const first = await worker.fetch(pageRequest('/join/ABC', { navigate: true }));
		expect(await first?.text()).toBe('server /join/ABC');
		offline();
		const again = await worker.fetch(pageRequest('/join/ABC', { navigate: true }));
		expect(await again?.text()).toBe('server /join/ABC');
	});

	it('keep one copy of their data whatever SvelteKit adds to the query', async () => {
		await worker.fetch(pageRequest('/join/ABC/__data.json?x-sveltekit-invalidated=01'));
		expect((await worker.storage.open(RUNTIME)).urls()).toEqual(['/join/ABC/__data.json']);
		offline();
		const response = await worker.fetch(
			pageRequest('/join/ABC/__data.json?x-sveltekit-invalidated=11')
		);
		expect(await response?.text()).toBe('server /join/ABC/__data.json');
	});

	it('are never kept when the server says no-store', async () => {
		serve({
			'/teach': () => new Response('private', { headers: { 'Cache-Control': 'private, no-store' } })
		});
		const response = await worker.fetch(pageRequest('/teach', { navigate: true }));
		expect(await response?.text()).toBe('private');
		expect((await worker.storage.open(RUNTIME)).urls()).toEqual([]);
	});

	it('are never kept in the teacher area', async () => {
		for (const path of ['/teach/classes/1', '/en/teach/__data.json']) {
			const response = await worker.fetch(pageRequest(path, { navigate: !path.endsWith('.json') }));
			expect(await response?.text()).toBe(`server ${path}`);
		}
		expect((await worker.storage.open(RUNTIME)).urls()).toEqual([]);
	});

	it('are not kept when they fail', async () => {
		serve({ '/lessons/nope': () => new Response('Not found', { status: 404 }) });
		const response = await worker.fetch(pageRequest('/lessons/nope', { navigate: true }));
		expect(response?.status).toBe(404);
		expect((await worker.storage.open(RUNTIME)).urls()).toEqual([]);
	});
});

/** Every URL the worker keeps for the lesson `basra`. */
const BASRA = [
	'/lessons/basra',
	'/en/lessons/basra',
	'/lessons/basra/result',
	'/en/lessons/basra/result',
	'/lessons/basra/__data.json',
	'/lessons/basra/result/__data.json'
];

async function tell(data: unknown) {
	await worker.dispatch(new FakeMessageEvent(data)).settled();
}

describe('lessons on the phone', () => {
	beforeEach(install);

	it('keeps a lesson the student opened, in both languages, and opens it offline', async () => {
		await tell({ type: 'OPENED', lesson: { id: 'basra', version: 'v1' } });
		expect((await worker.storage.open('qiraa-lessons')).urls().sort()).toEqual(
			[...BASRA, '/__qiraa/lessons.json'].sort()
		);
		offline();
		for (const path of ['/lessons/basra', '/en/lessons/basra/result']) {
			const response = await worker.fetch(pageRequest(path, { navigate: true }));
			expect(await response?.text()).toBe(`server ${path}`);
		}
		// The English page's data is the Arabic one's: the same lesson, kept once.
		const data = await worker.fetch(
			pageRequest('/en/lessons/basra/__data.json?x-sveltekit-invalidated=01')
		);
		expect(await data?.text()).toBe('server /lessons/basra/__data.json');
	});

	it('downloads assigned lessons never opened, and tells the pages', async () => {
		const page = { postMessage: vi.fn() };
		worker.scope.clients.matchAll.mockResolvedValue([page]);
		await tell({
			type: 'ASSIGNED',
			lessons: [
				{ id: 'basra', version: 'v1' },
				{ id: 'mosul', version: 'v3' }
			]
		});
		offline();
		const response = await worker.fetch(pageRequest('/lessons/mosul', { navigate: true }));
		expect(await response?.text()).toBe('server /lessons/mosul');
		expect(page.postMessage).toHaveBeenCalledWith({ type: 'LESSONS_CHANGED' });
		worker.scope.clients.matchAll.mockResolvedValue([]);
	});

	it('downloads a kept lesson again only when its version changed', async () => {
		await tell({ type: 'OPENED', lesson: { id: 'basra', version: 'v1' } });
		serve({ '/lessons/basra': () => new Response('version 2') });
		await tell({ type: 'ASSIGNED', lessons: [{ id: 'basra', version: 'v1' }] });
		offline();
		let response = await worker.fetch(pageRequest('/lessons/basra', { navigate: true }));
		expect(await response?.text()).toBe('server /lessons/basra');

		serve({ '/lessons/basra': () => new Response('version 2') });
		await tell({ type: 'ASSIGNED', lessons: [{ id: 'basra', version: 'v2' }] });
		offline();
		response = await worker.fetch(pageRequest('/lessons/basra', { navigate: true }));
		expect(await response?.text()).toBe('version 2');
	});

	it('ignores malformed messages', async () => {
		await tell({ type: 'OPENED', lesson: { id: 'basra' } });
		await tell({ type: 'ASSIGNED', lessons: 'basra' });
		expect(await worker.storage.has('qiraa-lessons')).toBe(false);
	});

	it('keeps its lessons when a new version activates', async () => {
		await tell({ type: 'OPENED', lesson: { id: 'basra', version: 'v1' } });
		await worker.dispatch(new FakeExtendableEvent('activate')).settled();
		expect(await worker.storage.has('qiraa-lessons')).toBe(true);
	});
});

describe('the UI language offline', () => {
	beforeEach(async () => {
		await install();
		offline();
	});

	it('opens an unprefixed page in English on a device that chose English', async () => {
		await tell({ type: 'LANG', lang: 'en' });
		const response = await worker.fetch(pageRequest('/?utm=qr', { navigate: true }));
		expect(response?.status).toBe(302);
		expect(response?.headers.get('Location')).toBe(`${ORIGIN}/en?utm=qr`);
		await tell({ type: 'LANG', lang: 'ar' });
		expect(await (await worker.fetch(pageRequest('/', { navigate: true })))?.text()).toBe(
			'server /'
		);
	});

	it('leaves the app’s data requests alone', async () => {
		await tell({ type: 'LANG', lang: 'en' });
		const response = await worker.fetch(pageRequest('/__data.json'));
		expect(await response?.text()).toBe('server /__data.json');
		await tell({ type: 'LANG', lang: 'ar' });
	});
});
