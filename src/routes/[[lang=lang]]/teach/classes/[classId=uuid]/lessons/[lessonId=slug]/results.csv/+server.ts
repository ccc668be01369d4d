import { assignmentCsv } from '$lib/server/results-csv';
import { csvResponse, fileName } from '$lib/teach/csv';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { RequestHandler } from './$types';

/**
 * The assignment's grid as CSV (UTF-8 with BOM, opens in Excel with Arabic intact), headings in
 * the UI language; named after the class and the lesson. 404 for another teacher's class.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const { csv, results } = await orNotFound(
		assignmentCsv(db, teacher.id, params.classId, params.lessonId, locals.lang)
	);
	return csvResponse(csv, fileName(results.class.name, results.lesson.title[locals.lang]));
};
