import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { createSession, SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth';
import { getDb } from '$lib/server/db/instance';
import { resetLinkAccount, resetPassword } from '$lib/server/recovery';
import { field, problem } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** A reset link's page: whose password it sets, or word that the link no longer works. */
// The teacher area's layout already keeps every page, this one with a token in its address, out
// of every cache (cache-control: private, no-store).
export const load: PageServerLoad = async ({ params }) => {
	const account = await resetLinkAccount(await getDb(), params.token);
	return { email: account?.email ?? null };
};

export const actions = {
	/**
	 * Sets the new `password` with the link (once), signs every device out, signs this one in and
	 * opens the classes.
	 */
	default: async ({ request, params, cookies, url, locals }) => {
		const data = await request.formData();
		const db = await getDb();
		let session;
		try {
			const teacher = await resetPassword(db, {
				token: params.token,
				password: field(data, 'password')
			});
			session = await createSession(db, teacher.id, cookies.get(SESSION_COOKIE));
		} catch (cause) {
			return problem(cause, 'reset');
		}
		cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
		redirect(303, localisePath('/teach', locals.lang));
	}
} satisfies Actions;
