import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { DEFAULT_LANG, dir, isLang } from '$lib/i18n';
import { getDatabase } from '$lib/server/db/instance';

/**
 * Opens the database (and runs migrations) before the first request, so a second server on the
 * same SQLite data folder stops at once with a clear message instead of failing later.
 */
export const init: ServerInit = async () => {
	if (!building) await getDatabase();
};

/**
 * Per request: the UI language comes from the URL (`/en/…` or none for Arabic), so prerendered
 * pages carry the right `<html lang dir>` in their HTML and nothing is patched after load.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const param = event.params.lang;
	const lang = isLang(param) ? param : DEFAULT_LANG;
	event.locals.lang = lang;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%dir%', dir(lang))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};
