import { SESSION_COOKIE } from '$lib/server/auth';
import { changePassword } from '$lib/server/recovery';
import { field, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The change-password form (the layout has the teacher). */
export const load: PageServerLoad = async ({ locals }) => {
	await teacherContext(locals);
	return {};
};

export const actions = {
	/**
	 * Changes the password from `current` to `password` (hard to guess, as at sign-up) and signs
	 * every other device out; this one stays signed in.
	 */
	default: async ({ request, locals, cookies }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		try {
			await changePassword(db, teacher.id, {
				current: field(data, 'current'),
				password: field(data, 'password'),
				session: cookies.get(SESSION_COOKIE)
			});
		} catch (cause) {
			return problem(cause, 'password');
		}
		return { changed: true };
	}
} satisfies Actions;
