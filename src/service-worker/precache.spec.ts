import { describe, expect, it } from 'vitest';
import { precacheEntries } from './precache';

const lists = {
	build: [
		'/_app/immutable/entry/start.A1.js',
		'/_app/immutable/nodes/3.B2.js',
		'/_app/immutable/assets/2.C3.css',
		'/_app/immutable/assets/noto-naskh-arabic-arabic-400-normal.D4.woff2',
		'/_app/immutable/assets/noto-naskh-arabic-arabic-400-normal.E5.woff'
	],
	files: [
		'/favicon.svg',
		'/robots.txt',
		'/manifest.webmanifest',
		'/icons/icon-192.png',
		'/icons/icon-512.png',
		'/icons/icon-maskable-512.png'
	],
	prerendered: [
		'/about',
		'/about/__data.json',
		'/en/about',
		'/en/__data.json',
		'/lessons/basra',
		'/lessons/basra/__data.json',
		'/en/lessons/basra/result',
		'/api/lessons.json'
	],
	version: '1700000000000'
};

describe('precacheEntries', () => {
	const entries = precacheEntries(lists);
	const urls = entries.map((entry) => entry.url);

	it('holds the app shell, with the hashed names as their own revision', () => {
		for (const url of lists.build.slice(0, 3)) {
			expect(entries).toContainEqual({ url, revision: null });
		}
	});

	it('holds the woff2 fonts and no other format', () => {
		expect(urls.filter((url) => url.includes('noto-naskh'))).toEqual([
			'/_app/immutable/assets/noto-naskh-arabic-arabic-400-normal.D4.woff2'
		]);
	});

	it('holds the manifest and every icon, but not robots.txt', () => {
		expect(urls).toEqual(
			expect.arrayContaining([
				'/favicon.svg',
				'/manifest.webmanifest',
				'/icons/icon-192.png',
				'/icons/icon-512.png',
				'/icons/icon-maskable-512.png'
			])
		);
		expect(urls).not.toContain('/robots.txt');
	});

	it('holds the library in both languages with its data, revised by the version', () => {
		for (const url of ['/', '/__data.json', '/en', '/en/__data.json']) {
			expect(entries).toContainEqual({ url, revision: lists.version });
		}
	});

	it('holds the other prerendered pages, but never a lesson’s', () => {
		for (const url of lists.prerendered.slice(0, 3)) {
			expect(entries).toContainEqual({ url, revision: lists.version });
		}
		expect(urls.filter((url) => url.includes('/lessons/'))).toEqual([]);
	});

	it('is the same with 2 lessons as with 2,000', () => {
		const pages = (count: number) =>
			Array.from({ length: count }, (_, i) =>
				['', '/en'].flatMap((prefix) => [
					`${prefix}/lessons/lesson-${i}`,
					`${prefix}/lessons/lesson-${i}/__data.json`,
					`${prefix}/lessons/lesson-${i}/result`
				])
			).flat();
		const two = precacheEntries({ ...lists, prerendered: pages(2) });
		const many = precacheEntries({ ...lists, prerendered: pages(2000) });
		expect(many).toEqual(two);
	});

	it('never holds anything under /api, even prerendered', () => {
		expect(urls.some((url) => url.startsWith('/api'))).toBe(false);
	});

	it('lists each URL once', () => {
		expect(new Set(urls).size).toBe(urls.length);
	});

	it('keeps data shared by several pages once, under its content name', () => {
		const shared = precacheEntries(lists, {
			dataAssets: new Map([
				['/about/__data.json', '/_app/immutable/assets/__data.L1.json'],
				['/en/about/__data.json', '/_app/immutable/assets/__data.L1.json'],
				['/gone/__data.json', '/_app/immutable/assets/__data.OLD.json']
			])
		});
		const sharedUrls = shared.map((entry) => entry.url);
		expect(shared).toContainEqual({ url: '/_app/immutable/assets/__data.L1.json', revision: null });
		expect(sharedUrls).not.toContain('/about/__data.json');
		// Data of pages this build did not prerender stays out.
		expect(sharedUrls).not.toContain('/_app/immutable/assets/__data.OLD.json');
		// Pages without a shared copy keep their own.
		expect(sharedUrls).toContain('/en/__data.json');
		expect(new Set(sharedUrls).size).toBe(sharedUrls.length);
	});

	it('leaves out the build files no student page needs', () => {
		const urls = precacheEntries(lists, {
			unneeded: new Set(['/_app/immutable/nodes/3.B2.js'])
		}).map((entry) => entry.url);
		expect(urls).not.toContain('/_app/immutable/nodes/3.B2.js');
		expect(urls).toContain('/_app/immutable/entry/start.A1.js');
	});
});
