import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { UnauthorizedError } from '$lib/server/errors';
import { bearerToken, errorResponse, NO_STORE } from '$lib/server/http';
import { studentFromToken } from '$lib/server/students';
import { studentAnswers } from '$lib/server/sync';
import type { RequestHandler } from './$types';

/**
 * The answers the server holds for the student behind `Authorization: Bearer <token>`, so a phone
 * that lacks them (a re-join on a new phone) gets its progress back: 200 `{ format: 1, lessons:
 * [{ lessonId, version, questions: { [questionId]: { answer, tries, grade, firstGrade, at } } }] }`,
 * or 401 for a missing or unknown token.
 */
export const GET: RequestHandler = async ({ request }) => {
	try {
		const db = await getDb();
		const student = await studentFromToken(db, bearerToken(request));
		if (!student) throw new UnauthorizedError('invalid-token', 'Unknown student token.');
		return json(await studentAnswers(db, student.id), { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
