import { getLesson } from '$lib/server/lessons';
import { assignmentResults } from '$lib/server/results';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { PageServerLoad } from './$types';

/**
 * The results of one assignment: the students × questions grid, per-question figures and the
 * text of the paragraph the class missed most.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const results = await orNotFound(
		assignmentResults(db, teacher.id, params.classId, params.lessonId)
	);
	const figures = results.paragraphs.find((p) => p.index === results.mostMissedParagraph);
	const text = figures && (await getLesson(db, results.lesson.id))?.paragraphs[figures.index];
	return {
		results,
		missed: figures && text ? { ...figures, ar: text.ar, en: text.en } : null
	};
};
