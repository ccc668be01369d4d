import { describe, expect, it } from 'vitest';
import {
	isImmutableAsset,
	isNeverCached,
	isPageRequest,
	isTeacherArea,
	mayStore,
	shellFor,
	withoutSvelteKitParams
} from './policy';
import { ORIGIN, pageRequest } from './scope.fixture';

const url = (path: string) => new URL(path, ORIGIN);

describe('isNeverCached', () => {
	it.each(['/api', '/api/', '/api/sync', '/api/classes/1?x=1', '/_app/version.json', '/healthz'])(
		'%s is always left to the network',
		(path) => expect(isNeverCached(url(path))).toBe(true)
	);

	it.each(['/', '/en', '/lessons/api', '/apis', '/_app/immutable/entry/start.js'])(
		'%s may be cached',
		(path) => expect(isNeverCached(url(path))).toBe(false)
	);
});

describe('isPageRequest', () => {
	it('takes navigations and SvelteKit data requests', () => {
		expect(isPageRequest(pageRequest('/join/abc', { navigate: true }), url('/join/abc'))).toBe(
			true
		);
		const data = '/join/abc/__data.json?x-sveltekit-invalidated=01';
		expect(isPageRequest(pageRequest(data), url(data))).toBe(true);
	});

	it('leaves scripts, images and other fetches alone', () => {
		expect(isPageRequest(pageRequest('/robots.txt'), url('/robots.txt'))).toBe(false);
		expect(isPageRequest(pageRequest('/healthz'), url('/healthz'))).toBe(false);
	});
});

describe('isTeacherArea', () => {
	it.each(['/teach', '/teach/classes/1', '/en/teach', '/en/teach/__data.json'])('%s is', (path) =>
		expect(isTeacherArea(url(path))).toBe(true)
	);

	it.each(['/', '/teachers', '/lessons/teach', '/en/lessons/x'])('%s is not', (path) =>
		expect(isTeacherArea(url(path))).toBe(false)
	);
});

it('isImmutableAsset knows the hashed build output', () => {
	expect(isImmutableAsset(url('/_app/immutable/chunks/Ab12.js'))).toBe(true);
	expect(isImmutableAsset(url('/_app/version.json'))).toBe(false);
});

describe('mayStore', () => {
	it('keeps whole responses', () => {
		expect(mayStore(new Response('ok'))).toBe(true);
		expect(mayStore(new Response('ok', { headers: { 'Cache-Control': 'max-age=60' } }))).toBe(true);
	});

	it.each(['no-store', 'private, no-store', 'No-Store, max-age=0', 'no-cache,no-store'])(
		'refuses Cache-Control: %s',
		(value) =>
			expect(mayStore(new Response('x', { headers: { 'Cache-Control': value } }))).toBe(false)
	);

	it('refuses errors and partial content', () => {
		expect(mayStore(new Response('missing', { status: 404 }))).toBe(false);
		expect(mayStore(new Response('part', { status: 206 }))).toBe(false);
		expect(mayStore(new Response('oops', { status: 500 }))).toBe(false);
	});

	it('does not mistake a similar directive', () => {
		const response = new Response('x', { headers: { 'Cache-Control': 'no-store-ish=1' } });
		expect(mayStore(response)).toBe(true);
	});
});

describe('shellFor', () => {
	it.each([
		['/teach', '/'],
		['/join/ABC', '/'],
		['/en/teach', '/en'],
		['/en', '/en'],
		['/english', '/']
	])('%s falls back to %s', (path, shell) => expect(shellFor(url(path))).toBe(shell));
});

it('withoutSvelteKitParams drops only SvelteKit’s own parameters', () => {
	const clean = withoutSvelteKitParams(
		url('/a/__data.json?q=1&x-sveltekit-invalidated=01&x-sveltekit-trailing-slash=1')
	);
	expect(clean.pathname + clean.search).toBe('/a/__data.json?q=1');
});
