import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { UnauthorizedError } from '$lib/server/errors';
import { bearerToken, errorResponse, NO_STORE, readJson } from '$lib/server/http';
import { syncAttempts } from '$lib/server/sync';
import type { RequestHandler } from './$types';

/**
 * The device outbox's batch: `POST { attempts: [{ id, lessonId, questionId, answer, answeredAt }] }`
 * with `Authorization: Bearer <student token>`. Answers 200 `{ results: [{ id, status, reason?,
 * correct?, score? }] }`, one per item in order; 400, 401, 413 or 415 `{ error, code }` when the
 * request as a whole is refused; 410 `{ code: 'removed' }` when the teacher removed the student.
 */
export const POST: RequestHandler = async ({ request }) => {
	try {
		const token = bearerToken(request);
		if (token === null) {
			throw new UnauthorizedError('missing-token', 'Send the student token as a Bearer token.');
		}
		const body = await readJson(request);
		return json(await syncAttempts(await getDb(), token, body), { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
