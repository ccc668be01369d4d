/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Qiraa's service worker: after one visit, the app shell, every prerendered lesson in both
 * interface languages, the fonts and the icons open with no network. It handles same-origin GET
 * requests only, never touches `/api`, and waits for the student's word before a new version
 * takes over (the page sends SKIP_WAITING when they accept the reload).
 */
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
	isImmutableAsset,
	isNeverCached,
	isPageRequest,
	isTeacherArea,
	mayStore,
	shellFor,
	withoutSvelteKitParams
} from './policy';
import { dataAssets, teacherOnly } from './build-info';
import { precacheEntries } from './precache';
import { sendOutbox } from '$lib/client/outbox';
import { cacheNamesFor, retireOldCaches, seedPrecache } from './versions';

const sw = self as unknown as ServiceWorkerGlobalScope;
const names = cacheNamesFor(version);

/** One rule for every cache: only whole responses that the server allows to be stored. */
const storePolicy: WorkboxPlugin = {
	cacheWillUpdate: async ({ response }) => (mayStore(response) ? response : null)
};

const precache = new PrecacheController({ cacheName: names.precache, plugins: [storePolicy] });
const entries = precacheEntries(
	{ build, files, prerendered, version },
	{ dataAssets, unneeded: teacherOnly }
);
precache.addToCacheList(entries);

/** Files named by their content: an older version's copy is as good as a download. */
const hashed = entries.filter((entry) => entry.revision === null).map((entry) => entry.url);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		seedPrecache(sw.caches, names.precache, hashed, sw.location.origin).then(() =>
			precache.install(event)
		)
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(retireOldCaches(sw.caches, version));
});

// The first version takes the page that installed it at once; later ones are activated only by
// SKIP_WAITING, and every page they take then was already asked (or is reloading).
clientsClaim();

// Background Sync: the browser wakes the worker once it is online with answers still waiting,
// even when no page is open. The outbox uses only what a worker has too.
sw.addEventListener('sync', (event) => {
	const sync = event as ExtendableEvent & { tag?: string };
	if (sync.tag !== 'outbox') return;
	sync.waitUntil(
		sendOutbox().then((outcome) => {
			// Rejecting asks the browser to try again later.
			if (outcome.status === 'offline' || outcome.status === 'failed') {
				throw new Error(`outbox not sent: ${outcome.status}`);
			}
		})
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// Prerendered pages ignore the query string, and so does their copy: a lesson opened from a link
// with `?utm_…`, or its data fetched with `?x-sveltekit-invalidated=…`, is the same lesson. A
// page's data comes from the content-named copy it shares with its twins.
registerRoute(
	new PrecacheRoute(precache, {
		ignoreURLParametersMatching: [/./],
		directoryIndex: '',
		cleanURLs: false,
		urlManipulation: ({ url }) => {
			const asset = dataAssets.get(url.pathname);
			return asset ? [new URL(asset, url.origin)] : [];
		}
	})
);

// A hashed file the precache does not hold (an older version's, asked for by a page still running
// it; or the teacher area's): any cache holding it is right, as its name is its content. Else the
// network, and kept for next time.
registerRoute(
	({ url, sameOrigin }) => sameOrigin && isImmutableAsset(url),
	async ({ request, event }) => {
		const kept = await sw.caches.match(request);
		if (kept) return kept;
		const response = await fetch(request);
		if (mayStore(response)) {
			const copy = response.clone();
			event.waitUntil(sw.caches.open(names.runtime).then((cache) => cache.put(request, copy)));
		}
		return response;
	}
);

// Pages that are not prerendered: the network first (a bus's hanging connection gives up after a
// few seconds), then the copy from the last visit (never of the teacher area, whose pages hold
// students' names and results), then a redirect to the library in the URL's language. A redirect,
// not the library's HTML under the unknown URL: SvelteKit takes the route and its params (the
// language) from the URL when it hydrates, and no route matches it.
registerRoute(
	({ url, request, sameOrigin }) =>
		sameOrigin && !isNeverCached(url) && isPageRequest(request, url),
	new NetworkFirst({
		cacheName: names.runtime,
		networkTimeoutSeconds: 5,
		plugins: [
			{
				cacheWillUpdate: async ({ request, response }) =>
					mayStore(response) && !isTeacherArea(new URL(request.url)) ? response : null
			},
			{
				cacheKeyWillBeUsed: async ({ request }) => withoutSvelteKitParams(new URL(request.url)).href
			},
			{
				handlerDidError: async ({ request }) =>
					request.mode === 'navigate'
						? Response.redirect(new URL(shellFor(new URL(request.url)), sw.location.origin), 302)
						: undefined
			}
		]
	})
);
