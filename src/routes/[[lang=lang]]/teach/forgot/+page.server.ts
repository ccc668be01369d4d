import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db/instance';
import { mailSettings, resetMailer } from '$lib/server/mail';
import { requestResetMail } from '$lib/server/recovery';
import { field, problem } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The "forgot password" form where the server can send mail; else word to ask the operator. */
export const load: PageServerLoad = () => ({ mail: mailSettings(env) !== null });

export const actions = {
	/**
	 * E-mails a one-time reset link to `email` if it has an account, and says the same either way
	 * (limited per IP and per address).
	 */
	default: async ({ request, locals, getClientAddress }) => {
		const settings = mailSettings(env);
		if (settings === null) return { sent: false };
		const data = await request.formData();
		const email = field(data, 'email');
		try {
			await requestResetMail(
				await getDb(),
				{ email, ip: getClientAddress() },
				resetMailer(settings, locals.lang)
			);
		} catch (cause) {
			return problem(cause, 'forgot', { email });
		}
		return { sent: true };
	}
} satisfies Actions;
