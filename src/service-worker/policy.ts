/**
 * What the service worker may touch and keep. Pure functions of URLs, requests and responses, so
 * the rules are tested without a browser.
 */

/**
 * The server's answers about classes and sync, the build's version probe, and the health check
 * that tells a page whether the server can be reached: always live.
 */
export function isNeverCached(url: URL): boolean {
	return (
		url.pathname === '/healthz' ||
		url.pathname === '/api' ||
		url.pathname.startsWith('/api/') ||
		url.pathname === '/_app/version.json'
	);
}

/** A page, or the data SvelteKit fetches for one when navigating inside the app. */
export function isPageRequest(request: Request, url: URL): boolean {
	return request.mode === 'navigate' || url.pathname.endsWith('/__data.json');
}

/** The teacher area, in either interface language: online only, and personal. */
export function isTeacherArea(url: URL): boolean {
	return /^(?:\/en)?\/teach(?:\/|$)/.test(url.pathname);
}

/** Hashed build output: a URL names one content forever, so any cache holding it is right. */
export function isImmutableAsset(url: URL): boolean {
	return url.pathname.startsWith('/_app/immutable/');
}

const NO_STORE = /(?:^|,)\s*no-store\s*(?:,|$)/i;

/**
 * Whether a response may be kept: a whole (200) answer the server did not mark `no-store`.
 * Everything the worker caches passes here, the precache included.
 */
export function mayStore(response: Response): boolean {
	return response.status === 200 && !NO_STORE.test(response.headers.get('Cache-Control') ?? '');
}

/** The page shown offline for a page that was never kept: the library in the URL's language. */
export function shellFor(url: URL): string {
	return url.pathname === '/en' || url.pathname.startsWith('/en/') ? '/en' : '/';
}

/**
 * SvelteKit adds which loads to rerun (`x-sveltekit-invalidated`) and a trailing-slash flag to
 * its data requests; the answer is the same page data whatever they say, so one copy is kept.
 */
export function withoutSvelteKitParams(url: URL): URL {
	const clean = new URL(url);
	for (const name of [...clean.searchParams.keys()]) {
		if (name.startsWith('x-sveltekit-')) clean.searchParams.delete(name);
	}
	return clean;
}
