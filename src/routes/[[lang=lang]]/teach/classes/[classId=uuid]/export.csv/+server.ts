import { classCsv } from '$lib/server/results-csv';
import { getClass } from '$lib/server/classes';
import { csvResponse, fileName } from '$lib/teach/csv';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { RequestHandler } from './$types';

/**
 * Everything the class holds as CSV, a row per answer, to keep before deleting the class;
 * headings in the UI language. 404 for another teacher's class.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const summary = await orNotFound(getClass(db, teacher.id, params.classId));
	const csv = await classCsv(db, teacher.id, summary.id, locals.lang);
	return csvResponse(csv, fileName('Qiraa', summary.name));
};
