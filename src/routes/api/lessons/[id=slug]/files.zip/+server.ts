import { getDb } from '$lib/server/db/instance';
import { UnauthorizedError } from '$lib/server/errors';
import { errorResponse, NO_STORE } from '$lib/server/http';
import { lessonZip } from '$lib/server/lesson-download';
import { lessonFiles } from '$lib/server/lessons';
import type { RequestHandler } from './$types';

/**
 * A lesson's two files as stored, byte for byte, in a .zip of its folder (`<id>/lesson.yaml`,
 * `<id>/article.ar.txt`): to keep, to move to another server, or to import back as it is. For a
 * teacher who may use the lesson (shipped, shared, or their own); 404 otherwise, 401 without a
 * session.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	try {
		if (!locals.teacher) throw new UnauthorizedError('no-session', 'Sign in as a teacher first.');
		const files = await lessonFiles(await getDb(), locals.teacher.id, params.id);
		return new Response(new Blob([lessonZip(params.id, files) as Uint8Array<ArrayBuffer>]), {
			headers: {
				...NO_STORE,
				'content-type': 'application/zip',
				'content-disposition': `attachment; filename="${params.id}.zip"`
			}
		});
	} catch (error) {
		return errorResponse(error);
	}
};
