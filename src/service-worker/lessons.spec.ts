import { beforeEach, describe, expect, it, vi } from 'vitest';
import { keyFor, lessonOf, lessonUrls, LessonStore, outdated, unused, UNUSED_MS } from './lessons';
import { FakeCacheStorage, ORIGIN } from './scope.fixture';
import type { LessonIndex, StoredLesson } from '$lib/client/worker-messages';

const DAY = 24 * 60 * 60 * 1000;

describe('lessonOf', () => {
	it.each([
		['/lessons/basra-council', 'basra-council'],
		['/en/lessons/basra-council', 'basra-council'],
		['/lessons/basra-council/result', 'basra-council'],
		['/en/lessons/basra-council/result/__data.json', 'basra-council'],
		['/lessons/basra-council/__data.json', 'basra-council']
	])('finds the lesson of %s', (path, id) => {
		expect(lessonOf(new URL(path, ORIGIN))).toBe(id);
	});

	it.each(['/', '/en', '/lessons', '/lessons/Bad_Id', '/teach/lessons/x', '/lessons/a/b'])(
		'finds none in %s',
		(path) => {
			expect(lessonOf(new URL(path, ORIGIN))).toBeUndefined();
		}
	);
});

describe('lessonUrls and keyFor', () => {
	it('keeps both languages’ pages and each page’s data once', () => {
		const urls = lessonUrls('x');
		expect(urls).toHaveLength(6);
		for (const path of [
			'/lessons/x',
			'/en/lessons/x',
			'/lessons/x/result',
			'/en/lessons/x/result'
		]) {
			expect(urls).toContain(keyFor(new URL(path, ORIGIN)));
			expect(urls).toContain(keyFor(new URL(`${path}/__data.json`, ORIGIN)));
		}
	});
});

const stored = (over: Partial<StoredLesson> = {}): StoredLesson => ({
	version: 'v1',
	build: 'b1',
	bytes: 10,
	storedAt: 0,
	assigned: false,
	...over
});

describe('outdated', () => {
	it('asks for a download when missing, of another version, or made by another build', () => {
		expect(outdated(undefined, { id: 'x', version: 'v1' }, 'b1')).toBe(true);
		expect(outdated(stored(), { id: 'x', version: 'v2' }, 'b1')).toBe(true);
		expect(outdated(stored(), { id: 'x', version: 'v1' }, 'b2')).toBe(true);
		expect(outdated(stored(), { id: 'x', version: 'v1' }, 'b1')).toBe(false);
	});
});

describe('unused', () => {
	const now = 100 * DAY;
	const index: LessonIndex = {
		old: stored({ storedAt: now - 40 * DAY }),
		openedLately: stored({ storedAt: now - 40 * DAY, openedAt: now - 2 * DAY }),
		new: stored({ storedAt: now - DAY }),
		assignedOld: stored({ storedAt: now - 90 * DAY })
	};

	it('is what is neither assigned nor opened or stored for 30 days', () => {
		expect(unused(index, new Set(['assignedOld']), now)).toEqual(['old']);
	});

	it('keeps a lesson up to the day', () => {
		const edge = { x: stored({ storedAt: now - UNUSED_MS }) };
		expect(unused(edge, new Set(), now)).toEqual([]);
	});
});

describe('LessonStore', () => {
	let storage: FakeCacheStorage;
	let clock: number;
	let network: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
	let changed: ReturnType<typeof vi.fn<() => void>>;

	const store = (build = 'b1') =>
		new LessonStore({
			storage: storage as unknown as CacheStorage,
			origin: ORIGIN,
			build,
			fetch: network,
			now: () => clock,
			changed
		});

	beforeEach(() => {
		storage = new FakeCacheStorage();
		clock = 1000 * DAY;
		changed = vi.fn<() => void>();
		network = vi.fn(async (request: Request) => new Response(`${new URL(request.url).pathname}!`));
	});

	it('records the version, the build and the bytes it keeps', async () => {
		const lessons = store();
		await lessons.opened({ id: 'x', version: 'v1' });
		const entry = (await lessons.index()).x!;
		const bytes = lessonUrls('x').reduce((sum, path) => sum + `${path}!`.length, 0);
		expect(entry).toEqual({
			version: 'v1',
			build: 'b1',
			bytes,
			storedAt: clock,
			openedAt: clock,
			assigned: false
		});
		expect(changed).toHaveBeenCalled();
	});

	it('keeps the old copy whole when a new one fails halfway', async () => {
		const lessons = store();
		await lessons.assigned([{ id: 'x', version: 'v1' }]);
		network.mockImplementation(async (request) =>
			request.url.endsWith('/result')
				? new Response('gone', { status: 503 })
				: new Response('v2 page')
		);
		await lessons.assigned([{ id: 'x', version: 'v2' }]);
		expect((await lessons.index()).x?.version).toBe('v1');
		const page = await lessons.match(new URL('/lessons/x', ORIGIN));
		expect(await page?.text()).toBe('/lessons/x!');
	});

	it('tries again next time after a download failed offline', async () => {
		network.mockRejectedValue(new TypeError('Failed to fetch'));
		const lessons = store();
		await lessons.assigned([{ id: 'x', version: 'v1' }]);
		expect(await lessons.index()).toEqual({});
		network.mockImplementation(async () => new Response('page'));
		await lessons.assigned([{ id: 'x', version: 'v1' }]);
		expect((await lessons.index()).x?.assigned).toBe(true);
	});

	it('downloads again after an update of the app, whose pages name other scripts', async () => {
		await store('b1').opened({ id: 'x', version: 'v1' });
		network.mockClear();
		await store('b1').opened({ id: 'x', version: 'v1' });
		expect(network).not.toHaveBeenCalled();
		await store('b2').assigned([{ id: 'x', version: 'v1' }]);
		expect(network).toHaveBeenCalledTimes(6);
	});

	it('cleans up lessons no longer assigned and unopened for 30 days, and only those', async () => {
		const lessons = store();
		await lessons.assigned([
			{ id: 'a', version: 'v1' },
			{ id: 'b', version: 'v1' }
		]);
		await lessons.opened({ id: 'c', version: 'v1' });
		clock += 10 * DAY;
		await lessons.opened({ id: 'b', version: 'v1' });
		clock += 25 * DAY;
		await lessons.assigned([]);
		expect(Object.keys(await lessons.index()).sort()).toEqual(['b']);
		expect(await lessons.match(new URL('/en/lessons/a', ORIGIN))).toBeUndefined();
		const cache = await storage.open('qiraa-lessons');
		expect(cache.urls().filter((url) => url.includes('/lessons/a'))).toEqual([]);
		expect(cache.urls().filter((url) => url.includes('/lessons/b'))).toHaveLength(6);
	});

	it('never keeps a page the server marks no-store', async () => {
		network.mockImplementation(
			async () => new Response('x', { headers: { 'cache-control': 'no-store' } })
		);
		await store().opened({ id: 'x', version: 'v1' });
		expect(await store().index()).toEqual({});
	});

	it('runs one change at a time', async () => {
		const lessons = store();
		await Promise.all([
			lessons.opened({ id: 'a', version: 'v1' }),
			lessons.opened({ id: 'b', version: 'v1' }),
			lessons.assigned([{ id: 'c', version: 'v1' }])
		]);
		expect(Object.keys(await lessons.index()).sort()).toEqual(['a', 'b', 'c']);
	});
});
