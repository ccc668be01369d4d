import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { deleteClass, getClass } from '$lib/server/classes';
import { orNotFound, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The confirmation step before a class is deleted, offering its export first. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	return { class: await orNotFound(getClass(db, teacher.id, params.classId)) };
};

export const actions = {
	/** Deletes the class with its students, answers and assignments; back to the classes. */
	default: async ({ locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		try {
			await deleteClass(db, teacher.id, params.classId);
		} catch (cause) {
			return problem(cause, 'delete');
		}
		redirect(303, localisePath('/teach', locals.lang));
	}
} satisfies Actions;
