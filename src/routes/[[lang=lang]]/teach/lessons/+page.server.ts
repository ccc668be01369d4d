import { fail } from '@sveltejs/kit';
import { formatProblem } from '$lib/lesson/problem';
import { InvalidLessonError } from '$lib/server/errors';
import { deleteDraft, listDrafts } from '$lib/server/drafts';
import { importedBy, importLesson, setShared } from '$lib/server/lessons';
import { readUpload } from '$lib/server/lesson-upload';
import { field, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The lessons this teacher imported, with whether each is shared, and their drafts. */
export const load: PageServerLoad = async ({ locals }) => {
	const { teacher, db } = await teacherContext(locals);
	return { lessons: await importedBy(db, teacher.id), drafts: await listDrafts(db, teacher.id) };
};

export const actions = {
	/**
	 * Imports a lesson from the two files (`lesson`, `article`) or a .zip of its folder (`zip`).
	 * A lesson with problems fails 422 with them as `path:line:col: message` lines, and nothing
	 * is stored.
	 */
	import: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		try {
			const upload = await readUpload(await request.formData());
			const imported = await importLesson(db, teacher.id, upload.files, {
				dir: upload.dir,
				paths: upload.paths
			});
			return { imported };
		} catch (cause) {
			if (cause instanceof InvalidLessonError) {
				return fail(422, {
					form: 'import',
					reason: cause.code,
					lines: cause.problems.map(formatProblem)
				});
			}
			return problem(cause, 'import');
		}
	},
	/** Lets every teacher on the server assign one of this teacher's lessons (`id`). */
	share: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		const id = field(await request.formData(), 'id');
		try {
			await setShared(db, teacher.id, id, true);
		} catch (cause) {
			return problem(cause, 'share');
		}
	},
	/** Deletes one of this teacher's drafts (`id`); a lesson published from it stays. */
	deleteDraft: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		try {
			await deleteDraft(db, teacher.id, field(await request.formData(), 'id'));
		} catch (cause) {
			return problem(cause, 'deleteDraft');
		}
	},
	/** Takes a shared lesson back to this teacher's own classes. */
	withdraw: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		const id = field(await request.formData(), 'id');
		try {
			await setShared(db, teacher.id, id, false);
		} catch (cause) {
			return problem(cause, 'share');
		}
	}
} satisfies Actions;
