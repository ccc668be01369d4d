import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { SESSION_COOKIE, sessionCookieOptions, signOut } from '$lib/server/auth';
import { getDb } from '$lib/server/db/instance';
import type { Actions } from './$types';

export const actions = {
	/** Ends the session on the server and drops the cookie; back to the sign-in page. */
	default: async ({ cookies, url, locals }) => {
		await signOut(await getDb(), cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
		redirect(303, localisePath('/teach/signin', locals.lang));
	}
} satisfies Actions;
