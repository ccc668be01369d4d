import { fail, redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { formatProblem } from '$lib/lesson/problem';
import { lessonSearch, searchedPage } from '$lib/lesson/search';
import { InvalidLessonError } from '$lib/server/errors';
import { copyLessonToDraft, deleteDraft, listDrafts } from '$lib/server/drafts';
import { importedBy, importLesson, lessonsForTeacher, setShared } from '$lib/server/lessons';
import { readUpload } from '$lib/server/lesson-upload';
import { field, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/**
 * The lessons this teacher imported, with whether each is shared, and their drafts; and one page
 * of every lesson they may use (shipped, shared, their own), searched as the library is
 * (`?q=&level=&genre=&page=`), to download or to copy into a draft.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { teacher, db } = await teacherContext(locals);
	const { filters, ...query } = lessonSearch(url.searchParams);
	const found = await lessonsForTeacher(db, teacher.id, query);
	return {
		lessons: await importedBy(db, teacher.id),
		drafts: await listDrafts(db, teacher.id),
		library: searchedPage(filters, found, (lesson) => ({
			id: lesson.id,
			title: lesson.title,
			origin: lesson.origin,
			mine: lesson.mine
		}))
	};
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
	/**
	 * Opens any lesson this teacher may use (`id`: shipped, shared or their own) as a new draft of
	 * theirs, under an id of its own; goes on to the editor. 404 for a lesson they may not see.
	 */
	copy: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		let draftId: string;
		try {
			({ id: draftId } = await copyLessonToDraft(
				db,
				teacher.id,
				field(await request.formData(), 'id')
			));
		} catch (cause) {
			return problem(cause, 'copy');
		}
		redirect(303, localisePath(`/teach/lessons/drafts/${draftId}`, locals.lang));
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
