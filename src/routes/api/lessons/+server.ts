import { json } from '@sveltejs/kit';
import { MAX_FILE_BYTES } from '$lib/lesson';
import { getDb } from '$lib/server/db/instance';
import { InvalidLessonError, UnauthorizedError } from '$lib/server/errors';
import { errorResponse, NO_STORE, readJson } from '$lib/server/http';
import { importLesson } from '$lib/server/lessons';
import type { RequestHandler } from './$types';

/** Room for both files at their limit, with JSON's escaping. */
const MAX_IMPORT_BYTES = 4 * MAX_FILE_BYTES;

/**
 * Imports a lesson into the store: `POST { article, lesson }` (the text of `article.ar.txt` and
 * `lesson.yaml`) with a teacher's session, from this app's own origin (hooks refuse others).
 * Answers 201 `{ id, version }` (200 when the same files were there already); 422 `{ error, code,
 * problems: [{ file, line, col, message }] }` with the lines `lessons check` prints, nothing stored;
 * 403 `lesson-taken` when the id is a shipped lesson or another teacher's; 401 without a session;
 * 400/413/415 for a malformed, oversized or non-JSON body.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		if (!locals.teacher) throw new UnauthorizedError('no-session', 'Sign in as a teacher first.');
		const body = await readJson(request, MAX_IMPORT_BYTES);
		const { id, version, created } = await importLesson(await getDb(), locals.teacher.id, body);
		return json({ id, version }, { status: created ? 201 : 200, headers: NO_STORE });
	} catch (error) {
		if (error instanceof InvalidLessonError) {
			return json(
				{ error: error.message, code: error.code, problems: error.problems },
				{ status: error.status, headers: NO_STORE }
			);
		}
		return errorResponse(error);
	}
};
