import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { acceptAnswer } from '$lib/server/accepted';
import { resultsPage } from '$lib/server/results-page';
import { field, orNotFound, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/**
 * The results of one assignment in the page's language: the students × questions grid (each
 * student's cells as one short string the browser builds the grid from), per-question figures,
 * the typed answers the teacher accepted, and the text of the paragraph the class missed most.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	// From `params`, not `locals`: a switch of language must load the page's texts again.
	const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
	return orNotFound(resultsPage(db, teacher.id, params.classId, params.lessonId, lang));
};

export const actions = {
	/**
	 * Accepts a typed answer (`text`) as right for a short-answer question (`questionId`) of this
	 * assignment; every student who gave it is re-graded at once.
	 */
	accept: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		try {
			const { regraded } = await acceptAnswer(db, teacher.id, {
				classId: params.classId,
				lessonId: params.lessonId,
				questionId: field(data, 'questionId'),
				text: field(data, 'text')
			});
			return { accepted: { questionId: field(data, 'questionId'), regraded } };
		} catch (cause) {
			return problem(cause, 'accept');
		}
	}
} satisfies Actions;
