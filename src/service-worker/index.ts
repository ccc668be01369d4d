/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Qiraa's service worker: after one visit, the app shell, the library in both interface
 * languages, the fonts and the icons open with no network; a lesson opens offline once it was
 * opened or assigned (lessons.ts keeps it, outside the precache, so the install does not grow with
 * the library). An unprefixed page opened offline follows the device's language choice. It
 * handles same-origin GET requests only, never touches `/api`, and waits for the student's word
 * before a new version takes over (the page sends SKIP_WAITING when they accept the reload).
 */
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
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
import { LanguageChoice } from './language';
import { LessonStore, lessonOf } from './lessons';
import { precacheEntries } from './precache';
import { explicitChoice, languageRedirect } from '$lib/i18n/choice';
import { sendOutbox } from '$lib/client/outbox';
import { LESSONS_CHANGED, readMessage } from '$lib/client/worker-messages';
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

const lessons = new LessonStore({
	storage: sw.caches,
	origin: sw.location.origin,
	build: version,
	fetch: (request) => fetch(request),
	// Every open page redraws which lessons are on the phone.
	changed: () =>
		void sw.clients
			.matchAll({ type: 'window' })
			.then((pages) => pages.forEach((page) => page.postMessage({ type: LESSONS_CHANGED })))
});
const language = new LanguageChoice(
	sw.caches,
	sw.location.origin,
	() => sw.navigator.languages ?? []
);

sw.addEventListener('message', (event) => {
	const message = readMessage(event.data);
	if (message === undefined) return;
	switch (message.type) {
		case 'SKIP_WAITING':
			void sw.skipWaiting();
			break;
		case 'LANG':
			event.waitUntil(language.choose(message.lang));
			break;
		case 'OPENED':
			event.waitUntil(lessons.opened(message.lesson));
			break;
		case 'ASSIGNED':
			event.waitUntil(lessons.assigned(message.lessons));
			break;
	}
});

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

/** How long a page waits on the network before a kept copy is shown (a bus's hanging connection). */
const NETWORK_TIMEOUT_MS = 5000;

/** A kept copy of a page or its data: the lesson store's, the last visit's, or the precache's. */
async function keptCopy(url: URL): Promise<Response | undefined> {
	const clean = withoutSvelteKitParams(url);
	clean.searchParams.delete('__WB_REVISION__');
	return (
		(await lessons.match(clean)) ??
		(await (await sw.caches.open(names.runtime)).match(clean.href)) ??
		(await precache.matchPrecache(clean.pathname))
	);
}

/**
 * Offline, or the network gave up: an unprefixed page on a device that keeps English opens as
 * its `/en` twin (as the server would send it); then the kept copy; then, for a page never kept,
 * a redirect to the library in the URL's language. A redirect, not the library's HTML under the
 * unknown URL: SvelteKit takes the route and its params (the language) from the URL when it
 * hydrates, and no route matches it.
 */
async function offlinePage(request: Request, url: URL): Promise<Response | undefined> {
	const explicit = request.mode === 'navigate' ? explicitChoice(url) : undefined;
	if (explicit) return Response.redirect(new URL(explicit.clean, url.origin), 303);
	if (request.mode === 'navigate') {
		const target = languageRedirect(url.pathname, await language.preferred());
		if (target !== null) return Response.redirect(new URL(target + url.search, url.origin), 302);
	}
	const kept = await keptCopy(url);
	if (kept || request.mode !== 'navigate') return kept;
	return Response.redirect(new URL(shellFor(url), url.origin), 302);
}

// Pages and their data: the network first, so a new lesson or version shows at once; a copy of
// a page that is neither a lesson (lessons.ts keeps those) nor the teacher area's (its pages hold
// students' names and results) is kept for the next offline visit.
registerRoute(
	({ url, request, sameOrigin }) =>
		sameOrigin && !isNeverCached(url) && isPageRequest(request, url),
	async ({ request, url, event }) => {
		// A language switch link: the choice is the worker's at once (the server keeps its own).
		const explicit = request.mode === 'navigate' ? explicitChoice(url) : undefined;
		if (explicit) await language.choose(explicit.lang);
		const network = fetch(request).then((response) => {
			if (mayStore(response) && !isTeacherArea(url) && lessonOf(url) === undefined) {
				const copy = response.clone();
				const key = withoutSvelteKitParams(url).href;
				event.waitUntil(sw.caches.open(names.runtime).then((cache) => cache.put(key, copy)));
			}
			return response;
		});
		// Settled here too, so a network that fails after the timeout is not an unhandled rejection.
		network.catch(() => undefined);
		let timeout: ReturnType<typeof setTimeout> | undefined;
		const timer = new Promise<undefined>((resolve) => {
			timeout = setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined);
		});
		try {
			const first = await Promise.race([network, timer]);
			if (first) return first;
			return (await offlinePage(request, url)) ?? (await network);
		} catch {
			return (await offlinePage(request, url)) ?? Response.error();
		} finally {
			clearTimeout(timeout);
		}
	}
);

// Everything else the precache holds (the build's files, the icons): from the precache. Hashed
// files ignore the query string, as does their copy.
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
