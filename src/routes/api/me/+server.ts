import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { UnauthorizedError } from '$lib/server/errors';
import { bearerToken, errorResponse, NO_STORE } from '$lib/server/http';
import { studentFromToken, studentHome } from '$lib/server/students';
import type { RequestHandler } from './$types';

/**
 * The student behind `Authorization: Bearer <token>`: 200 `{ student: { id, name }, classes: [{
 * id, name, timeZone, archived, assignments: [{ lessonId, title, version, dueDate, assignedAt,
 * questionCount, answered }] }] }`, or 401 for a missing or unknown token (a removed student's).
 */
export const GET: RequestHandler = async ({ request }) => {
	try {
		const db = await getDb();
		const student = await studentFromToken(db, bearerToken(request));
		if (!student) throw new UnauthorizedError('invalid-token', 'Unknown student token.');
		return json(await studentHome(db, student), { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
