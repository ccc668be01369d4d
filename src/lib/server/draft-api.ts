/**
 * What the drafts API's endpoints share: the teacher behind the request, the body limit, and the
 * answers for the errors that carry more than `{ error, code }`: a stale save's current draft
 * (409) and a lesson's problems (422, the lines `lessons check` prints).
 */
import { json } from '@sveltejs/kit';
import { MAX_FILE_BYTES } from '$lib/lesson';
import { StaleDraftError } from './drafts';
import { InvalidLessonError, UnauthorizedError } from './errors';
import { errorResponse, NO_STORE } from './http';

/** Room for both files at their limit, with JSON's escaping, and a revision. */
export const MAX_DRAFT_BODY_BYTES = 4 * MAX_FILE_BYTES;

/** The signed-in teacher's id, or UnauthorizedError (401). */
export function teacherId(locals: App.Locals): string {
	if (!locals.teacher) throw new UnauthorizedError('no-session', 'Sign in as a teacher first.');
	return locals.teacher.id;
}

/** Answers an error of a drafts endpoint; rethrows faults. */
export function draftErrorResponse(error: unknown): Response {
	if (error instanceof StaleDraftError) {
		return json(
			{ error: error.message, code: error.code, draft: error.current },
			{ status: error.status, headers: NO_STORE }
		);
	}
	if (error instanceof InvalidLessonError) {
		return json(
			{ error: error.message, code: error.code, problems: error.problems },
			{ status: error.status, headers: NO_STORE }
		);
	}
	return errorResponse(error);
}
