import {
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { LessonError } from '$lib/lesson/problem';
import { DEFAULT_LANG, dir, isLang, localisePath, type Lang } from '$lib/i18n';
import {
	choiceCookie,
	explicitChoice,
	LANG_COOKIE,
	LANG_COOKIE_MAX_AGE,
	languageRedirect,
	phoneLanguage,
	preferredLanguage
} from '$lib/i18n/choice';
import {
	SESSION_COOKIE,
	sessionCookieOptions,
	teacherFromSession,
	type TeacherAccount
} from '$lib/server/auth';
import { getDatabase, getDb } from '$lib/server/db/instance';
import { compressed } from '$lib/server/compress';
import { crossOriginRefusal } from '$lib/server/http';
import { logRequestError } from '$lib/server/log';
import { syncShippedLessons } from '$lib/server/shipped-lessons';
import { createTurns } from '$lib/server/turns';

/**
 * Opens the database (and runs migrations) before the first request, so a second server on the
 * same SQLite data folder stops at once with a clear message instead of failing later; then brings
 * the shipped lessons (`LESSONS_DIR`, default `./lessons`) into the lesson store. An invalid lesson
 * stops the server with the lines `npm run lessons -- check` prints, and nothing else.
 */
export const init: ServerInit = async () => {
	if (building) return;
	const { db } = await getDatabase();
	try {
		await syncShippedLessons(db, env.LESSONS_DIR || 'lessons');
	} catch (error) {
		if (dev || !(error instanceof LessonError)) throw error;
		process.stderr.write(`${error.message}\nThe server did not start: fix the lessons above.\n`);
		process.exit(1);
	}
};

const TEACH_ROUTE = /^\/\[\[lang=lang\]\]\/teach(\/|$)/;
/** The lesson store's API: a teacher's session, answered 401 (not sent to sign in) without one. */
const TEACHER_API_ROUTE = /^\/api\/lessons(\/|$)/;
/** Teacher pages a signed-out visitor may open. */
const PUBLIC_TEACH_ROUTES = new Set([
	'/[[lang=lang]]/teach/signin',
	'/[[lang=lang]]/teach/signup',
	'/[[lang=lang]]/teach/forgot',
	'/[[lang=lang]]/teach/reset/[token]'
]);

/**
 * The teacher behind the session cookie, or null. A session that moved its expiry gets its
 * cookie set again; a cookie naming no live session is dropped.
 */
async function sessionTeacher(event: RequestEvent): Promise<TeacherAccount | null> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token === undefined) return null;
	const found = await teacherFromSession(await getDb(), token);
	if (found === null) {
		event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));
		return null;
	}
	if (found.refreshed) {
		event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, found.expiresAt));
	}
	return found.teacher;
}

/** Where a signed-out visitor is sent, with the page to come back to after signing in. */
function signInPath(lang: Lang, url: URL): string {
	const next = encodeURIComponent(url.pathname + url.search);
	return `${localisePath('/teach/signin', lang)}?next=${next}`;
}

/** Pages in both UI languages: everything under the optional `/en` prefix. */
const LANG_ROUTE = /^\/\[\[lang=lang\]\](?:\/|$)/;

/**
 * Whether the request is a browser opening a page (typed, a link, the installed app), not the
 * app's own data request, the service worker downloading a page to keep, or a script fetching
 * one: only an opening follows and records the device's language choice. A browser that sends
 * no Fetch Metadata is known by asking for HTML.
 */
function opensPage(event: RequestEvent): boolean {
	const { method, headers } = event.request;
	const mode = headers.get('sec-fetch-mode');
	return (
		(method === 'GET' || method === 'HEAD') &&
		!event.isDataRequest &&
		(mode === null || mode === 'navigate') &&
		(headers.get('accept') ?? '').includes('text/html') &&
		LANG_ROUTE.test(event.route.id ?? '')
	);
}

/**
 * The device's UI language on opening a page (src/lib/i18n/choice.ts): an unprefixed page opens
 * under `/en` when the device chose English (its cookie), or made no choice and the phone reads
 * English; the page shown becomes the choice. Returns the redirect, or null to go on.
 */
function keepLanguage(event: RequestEvent, lang: Lang, unprefixed: boolean): Response | null {
	if (building || !opensPage(event)) return null;
	// A switch link's explicit choice: kept, then the same page without the marker.
	const explicit = explicitChoice(event.url);
	if (explicit) {
		return new Response(null, {
			status: 303,
			headers: {
				location: explicit.clean,
				'set-cookie': choiceCookie(explicit.lang, event.url.protocol === 'https:'),
				'cache-control': 'no-store'
			}
		});
	}
	const cookie = event.cookies.get(LANG_COOKIE);
	const chosen = isLang(cookie) ? cookie : undefined;
	if (unprefixed) {
		const phone = phoneLanguage(event.request.headers.get('accept-language'));
		const target = languageRedirect(event.url.pathname, preferredLanguage(chosen, phone));
		if (target !== null) {
			return new Response(null, {
				status: 307,
				headers: {
					location: target + event.url.search,
					vary: 'Cookie, Accept-Language',
					'cache-control': 'no-store'
				}
			});
		}
	}
	if (chosen !== lang) {
		event.cookies.set(LANG_COOKIE, lang, {
			path: '/',
			maxAge: LANG_COOKIE_MAX_AGE,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			// The page sets it too, when the student switches language.
			httpOnly: false
		});
	}
	return null;
}

/**
 * Per request: first, anything that could change state (a form action, `/api/sync`, `/api/join`,
 * sign-out …) is refused unless it comes from this app's own origin; SvelteKit's own check only
 * covers form content types, and only in production. Then the UI language comes from the URL
 * (`/en/…` or none for Arabic), so every page carries the right `<html lang dir>` in its first
 * byte and nothing is patched after load; an unprefixed page opened on a device that keeps
 * English is sent to its `/en` twin first. On the teacher's pages the session cookie gives
 * `locals.teacher`, and everything but sign-in and sign-up sends a signed-out visitor to sign in
 * (303, also for form actions and CSV downloads).
 */
export const handle: Handle = async ({ event, resolve }) => {
	const timing = serverTiming();
	const response = await answer({ event, resolve });
	if (timing) response.headers.set('server-timing', timing());
	return response;
};

/**
 * With SERVER_TIMING set (the bench sets it), each response says what it cost the server in a
 * `Server-Timing` header: `cpu` (the process's CPU time, all threads, which for one request at a
 * time is that request's cost, and hardly moves when other work shares the machine) and `app`
 * (wall time), in ms. Off by default: it is a measuring aid, not something visitors need.
 */
function serverTiming(): (() => string) | null {
	if (!env.SERVER_TIMING) return null;
	const cpu = process.cpuUsage();
	const started = performance.now();
	return () => {
		const used = process.cpuUsage(cpu);
		const cpuMs = (used.user + used.system) / 1000;
		return `cpu;dur=${cpuMs.toFixed(3)}, app;dur=${(performance.now() - started).toFixed(3)}`;
	};
}

/**
 * Pages opened (GET and HEAD under the language prefix: renders, their data, downloads) take
 * turns, one at a time (src/lib/server/turns.ts), so a burst of heavy pages cannot stall /healthz,
 * the students' sync and the app's files. One, not more: on PostgreSQL several renders resumed in
 * the same turn of the loop when their queries came back (40 results pages at once: /healthz p99
 * 79 ms with four at a time, 57 ms with two, 41 ms with one; 62, 67 and 58 renders/s). Form
 * actions do not queue: one may wait on a password hash or a mail server, and every page would
 * wait with it.
 */
const pageTurns = createTurns(1);

const answer: Handle = async ({ event, resolve }) => {
	const refused = crossOriginRefusal(event.request, event.url);
	if (refused) return refused;
	const param = event.params.lang;
	const lang = isLang(param) ? param : DEFAULT_LANG;
	event.locals.lang = lang;
	event.locals.teacher = null;
	const unprefixed = !isLang(param);
	const elsewhere = keepLanguage(event, lang, unprefixed);
	if (elsewhere) return elsewhere;
	const routeId = event.route.id ?? '';
	const render = async () => {
		if (TEACH_ROUTE.test(routeId)) {
			event.locals.teacher = await sessionTeacher(event);
			if (event.locals.teacher === null && !PUBLIC_TEACH_ROUTES.has(routeId)) {
				redirect(303, signInPath(lang, event.url));
			}
		} else if (TEACHER_API_ROUTE.test(routeId)) {
			event.locals.teacher = await sessionTeacher(event);
		}
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%dir%', dir(lang)),
			// A student page sends no `Link: modulepreload` header for its 20 modules: sent with the
			// headers, they took a phone's slow connection from the page's own HTML and the
			// passage's fonts, and the first paint waited. The page's inline script asks for them
			// once the HTML is in (Lighthouse on the Aegis lesson, paired: LCP 2.47–2.88 → 1.60–1.65
			// s; BENCHMARKS.md). A teacher's page keeps them: it starts sooner, and a form typed into
			// before the page has started can be reset by its start.
			preload: ({ type }) => type !== 'js' || TEACH_ROUTE.test(routeId)
		});
	};
	// A page fetched by another's `load` is already inside that one's turn: waiting for a turn of
	// its own could wait forever.
	const { method } = event.request;
	const takesTurn =
		(method === 'GET' || method === 'HEAD') && LANG_ROUTE.test(routeId) && !event.isSubRequest;
	const response = await (takesTurn ? pageTurns.run(render) : render());
	// SvelteKit marks every page's data `private, no-store` unless told otherwise. A student page's
	// data is the lesson or the library, the same for everyone: the service worker may keep it
	// (to open the page offline), revalidating each time. The teacher area's stays no-store.
	if (
		event.isDataRequest &&
		!TEACH_ROUTE.test(routeId) &&
		response.headers.get('cache-control') === 'private, no-store'
	) {
		response.headers.set('cache-control', 'no-cache');
	}
	// The same unprefixed URL answers a page or a redirect, by the device's choice.
	if (unprefixed && opensPage(event) && !building) {
		response.headers.append('vary', 'Cookie, Accept-Language');
	}
	return compressed(event.request, response);
};

/**
 * An error our code did not answer: logged by kind and place only, since SvelteKit's own log
 * would print the error's message, which can quote a request's answers or password. A fault (5xx)
 * gets its stack; a client's mistake SvelteKit refused (400 bad %-encoding, 413, 415) one line;
 * unknown pages (404) nothing. The visitor gets SvelteKit's generic message.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return;
	logRequestError(error, { method: event.request.method, routeId: event.route.id, status });
};
