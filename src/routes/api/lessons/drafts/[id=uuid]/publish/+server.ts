import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { draftErrorResponse, teacherId } from '$lib/server/draft-api';
import { publishDraft } from '$lib/server/drafts';
import { NO_STORE, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Publishes a draft as saved: `POST { revision }` (the revision the teacher checked) → 201
 * `{ id, version }` for a new lesson, 200 for a new (or the same) version of one. 422 `{ problems }`
 * with the lines `lessons check` prints, nothing stored; 409 `stale-revision` with `draft`;
 * 403 `lesson-taken`; 404 `unknown-draft`.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	try {
		const teacher = teacherId(locals);
		const { revision } = ((await readJson(request, 1024)) ?? {}) as { revision?: unknown };
		const published = await publishDraft(await getDb(), teacher, params.id, revision);
		return json(
			{ id: published.id, version: published.version },
			{ status: published.created ? 201 : 200, headers: NO_STORE }
		);
	} catch (error) {
		return draftErrorResponse(error);
	}
};
