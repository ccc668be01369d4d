import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { UnauthorizedError } from '$lib/server/errors';
import { errorResponse, NO_STORE } from '$lib/server/http';
import { lessonFiles } from '$lib/server/lessons';
import type { RequestHandler } from './$types';

/**
 * A lesson's two files as stored, `{ article, lesson }`, byte for byte: to move it to another
 * server or into `lessons/`. For a teacher who may use it (shipped, shared, or their own); 404
 * otherwise, 401 without a session.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	try {
		if (!locals.teacher) throw new UnauthorizedError('no-session', 'Sign in as a teacher first.');
		const files = await lessonFiles(await getDb(), locals.teacher.id, params.id);
		return json(files, { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
