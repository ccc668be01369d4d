import { getLesson } from '$lib/server/lessons';
import { acceptAnswer, acceptedAnswers } from '$lib/server/accepted';
import { assignmentResults } from '$lib/server/results';
import { field, orNotFound, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/**
 * The results of one assignment: the students × questions grid, per-question figures, the
 * typed answers the teacher accepted, and the text of the paragraph the class missed most.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const results = await orNotFound(
		assignmentResults(db, teacher.id, params.classId, params.lessonId)
	);
	const accepted = await acceptedAnswers(db, teacher.id, results.class.id, results.lesson.id);
	const figures = results.paragraphs.find((p) => p.index === results.mostMissedParagraph);
	const text = figures && (await getLesson(db, results.lesson.id))?.paragraphs[figures.index];
	return {
		results,
		accepted,
		missed: figures && text ? { ...figures, ar: text.ar, en: text.en } : null
	};
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
