import { redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { SESSION_COOKIE, sessionCookieOptions, signIn, signupOpen } from '$lib/server/auth';
import { getDb } from '$lib/server/db/instance';
import { safeNext } from '$lib/teach/next';
import { field, problem } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The sign-in form; a teacher who is signed in already goes straight on. */
export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), locals.lang);
	if (locals.teacher) redirect(303, next);
	return { next, signupOpen: signupOpen(env.SIGNUP) };
};

export const actions = {
	/**
	 * Signs in with `email` and `password` (rate-limited per address and per IP), starts a new
	 * session in place of any old one, and goes on to `next` (a teacher page) or the classes.
	 */
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const data = await request.formData();
		const email = field(data, 'email');
		const next = safeNext(field(data, 'next'), locals.lang);
		let session;
		try {
			({ session } = await signIn(await getDb(), {
				email,
				password: field(data, 'password'),
				ip: getClientAddress(),
				previousToken: cookies.get(SESSION_COOKIE)
			}));
		} catch (cause) {
			return problem(cause, 'signin', { email });
		}
		cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
		redirect(303, next);
	}
} satisfies Actions;
