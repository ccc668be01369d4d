import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { bearerToken, errorResponse, NO_STORE } from '$lib/server/http';
import { requireDeviceStudent, studentHome } from '$lib/server/students';
import type { RequestHandler } from './$types';

/**
 * The student behind `Authorization: Bearer <token>`: 200 `{ student: { id, name }, classes: [{
 * id, name, timeZone, archived, assignments: [{ lessonId, title, version, dueDate, assignedAt,
 * questionCount, answered }] }] }`, 401 for a missing or unknown token, or 410 `{ code: 'removed' }`
 * for a removed student's.
 */
export const GET: RequestHandler = async ({ request }) => {
	try {
		const db = await getDb();
		const student = await requireDeviceStudent(db, bearerToken(request));
		return json(await studentHome(db, student), { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
