import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { ValidationError } from '$lib/server/errors';
import { errorResponse, NO_STORE, readJson } from '$lib/server/http';
import { joinClass } from '$lib/server/students';
import type { RequestHandler } from './$types';

/**
 * Joins a class: `POST { code, name }` (or `{ code }` with a one-time re-join code). Answers 200
 * `{ studentId, token, classId, className, name, rejoined }`; the device keeps `token` secret.
 * 400 for a bad name, 403 for an archived class, 404 for an unknown code, 429 when this address
 * tried too many codes.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	try {
		const body = await readJson(request);
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			throw new ValidationError('invalid-body', 'Expected { code, name }.');
		}
		const { code, name } = body as { code?: unknown; name?: unknown };
		const joined = await joinClass(await getDb(), { code, name, ip: getClientAddress() });
		return json(joined, { headers: NO_STORE });
	} catch (error) {
		return errorResponse(error);
	}
};
