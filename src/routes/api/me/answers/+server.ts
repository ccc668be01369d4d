import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { bearerToken, errorResponse, NO_STORE } from '$lib/server/http';
import { requireDeviceStudent } from '$lib/server/students';
import { studentAnswers } from '$lib/server/sync';
import type { RequestHandler } from './$types';

/**
 * The answers the server holds for the student behind `Authorization: Bearer <token>`, so a phone
 * that lacks them (a re-join on a new phone) gets its progress back: 200 `{ format: 1, lessons:
 * [{ lessonId, version, questions: { [questionId]: { answer, tries, grade, firstGrade, at } } }] }`,
 * 401 for a missing or unknown token, or 410 `removed` for a removed student's.
 */
export const GET: RequestHandler = async ({ request }) => {
	try {
		const db = await getDb();
		const student = await requireDeviceStudent(db, bearerToken(request));
		return json(await studentAnswers(db, student.id), { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
