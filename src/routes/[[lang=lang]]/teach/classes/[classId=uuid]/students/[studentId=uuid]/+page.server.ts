import { getClass } from '$lib/server/classes';
import { studentHistory } from '$lib/server/results';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { PageServerLoad } from './$types';

/** One student's history in the class: per lesson, and every answer in the order received. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const summary = await orNotFound(getClass(db, teacher.id, params.classId));
	const history = await orNotFound(studentHistory(db, teacher.id, summary.id, params.studentId));
	return {
		class: { id: summary.id, name: summary.name, timeZone: summary.timeZone },
		history
	};
};
