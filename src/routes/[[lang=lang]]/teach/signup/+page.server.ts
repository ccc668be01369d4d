import { fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { localisePath } from '$lib/i18n';
import {
	createSession,
	PASSWORD_MIN_LENGTH,
	SESSION_COOKIE,
	sessionCookieOptions,
	signUp,
	signupOpen,
	signupsPerHour
} from '$lib/server/auth';
import { getDb } from '$lib/server/db/instance';
import { field, problem } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The sign-up form, or word that sign-up is closed (`SIGNUP=closed`). */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.teacher) redirect(303, localisePath('/teach', locals.lang));
	return { open: signupOpen(env.SIGNUP), minLength: PASSWORD_MIN_LENGTH };
};

export const actions = {
	/**
	 * Creates a teacher's account from `name` (optional), `email` and `password` (8 characters or
	 * more, hard to guess; limited per IP), signs them in and opens their classes.
	 */
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const open = signupOpen(env.SIGNUP);
		if (!open) return fail(403, { form: 'signup', reason: 'signup-closed' });
		const data = await request.formData();
		const values = { name: field(data, 'name'), email: field(data, 'email') };
		let session;
		try {
			const db = await getDb();
			const teacher = await signUp(
				db,
				{ ...values, password: field(data, 'password'), ip: getClientAddress() },
				{ open, perHour: signupsPerHour(env.SIGNUP_PER_HOUR) }
			);
			session = await createSession(db, teacher.id, cookies.get(SESSION_COOKIE));
		} catch (cause) {
			return problem(cause, 'signup', values);
		}
		cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
		redirect(303, localisePath('/teach', locals.lang));
	}
} satisfies Actions;
