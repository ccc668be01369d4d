import { beforeEach, describe, expect, it } from 'vitest';
import { cacheNamesFor, retireOldCaches, seedPrecache } from './versions';
import { FakeCacheStorage, ORIGIN } from './scope.fixture';

let storage: FakeCacheStorage;
const asStorage = () => storage as unknown as CacheStorage;

beforeEach(() => {
	storage = new FakeCacheStorage();
});

describe('seedPrecache', () => {
	it('copies unchanged hashed files from an older precache', async () => {
		const old = await storage.open(cacheNamesFor('1').precache);
		await old.put('/_app/immutable/assets/font.A.woff2', new Response('font'));
		await old.put('/_app/immutable/chunks/gone.B.js', new Response('old chunk'));
		const copied = await seedPrecache(
			asStorage(),
			cacheNamesFor('2').precache,
			['/_app/immutable/assets/font.A.woff2', '/_app/immutable/chunks/new.C.js'],
			ORIGIN
		);
		expect(copied).toBe(1);
		const target = await storage.open(cacheNamesFor('2').precache);
		expect(target.urls()).toEqual(['/_app/immutable/assets/font.A.woff2']);
		expect(await (await target.match('/_app/immutable/assets/font.A.woff2'))?.text()).toBe('font');
	});

	it('does nothing on a first install', async () => {
		expect(await seedPrecache(asStorage(), 'qiraa-precache-1', ['/a.js'], ORIGIN)).toBe(0);
		expect(await storage.keys()).toEqual([]);
	});

	it('ignores caches that are not Qiraa precaches', async () => {
		await (await storage.open('someone-else')).put('/a.js', new Response('x'));
		await (await storage.open(cacheNamesFor('1').runtime)).put('/a.js', new Response('x'));
		expect(await seedPrecache(asStorage(), cacheNamesFor('2').precache, ['/a.js'], ORIGIN)).toBe(0);
	});
});

describe('retireOldCaches', () => {
	it('keeps the precache of the version it replaces, and deletes anything older', async () => {
		for (const version of ['1', '2']) {
			await storage.open(cacheNamesFor(version).precache);
			await storage.open(cacheNamesFor(version).runtime);
			await retireOldCaches(asStorage(), version);
		}
		expect((await storage.keys()).sort()).toEqual([
			'qiraa-meta',
			'qiraa-precache-1',
			'qiraa-precache-2',
			'qiraa-runtime-2'
		]);
		await storage.open(cacheNamesFor('3').precache);
		const deleted = await retireOldCaches(asStorage(), '3');

		expect(deleted.sort()).toEqual(['qiraa-precache-1', 'qiraa-runtime-2']);
		expect((await storage.keys()).sort()).toEqual([
			'qiraa-meta',
			'qiraa-precache-2',
			'qiraa-precache-3'
		]);
	});

	it('keeps a precache that was installed but never activated out of the way', async () => {
		await storage.open(cacheNamesFor('1').precache);
		await retireOldCaches(asStorage(), '1');
		// Version 2 installed and waited, then version 3 replaced it before anyone accepted.
		await storage.open(cacheNamesFor('2').precache);
		await storage.open(cacheNamesFor('3').precache);
		await retireOldCaches(asStorage(), '3');
		expect((await storage.keys()).sort()).toEqual([
			'qiraa-meta',
			'qiraa-precache-1',
			'qiraa-precache-3'
		]);
	});

	it('keeps the lessons on the phone across versions', async () => {
		await storage.open('qiraa-lessons');
		await retireOldCaches(asStorage(), '1');
		await retireOldCaches(asStorage(), '2');
		expect(await storage.has('qiraa-lessons')).toBe(true);
	});

	it('leaves other applications’ caches alone', async () => {
		await storage.open('another-app');
		await retireOldCaches(asStorage(), '1');
		expect(await storage.has('another-app')).toBe(true);
	});

	it('is harmless when the same version activates again', async () => {
		await storage.open(cacheNamesFor('1').precache);
		await retireOldCaches(asStorage(), '1');
		expect(await retireOldCaches(asStorage(), '1')).toEqual([]);
		expect(await storage.has(cacheNamesFor('1').precache)).toBe(true);
	});
});
