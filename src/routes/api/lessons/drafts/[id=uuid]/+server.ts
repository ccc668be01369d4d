import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { draftErrorResponse, MAX_DRAFT_BODY_BYTES, teacherId } from '$lib/server/draft-api';
import { deleteDraft, getDraft, saveDraft } from '$lib/server/drafts';
import { NO_STORE, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** One of the teacher's drafts: 200 `{ id, article, lesson, revision, updatedAt }`, or 404 `unknown-draft`. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		return json(await getDraft(await getDb(), teacherId(locals), params.id), { headers: NO_STORE });
	} catch (error) {
		return draftErrorResponse(error);
	}
};

/**
 * Saves a draft: `PUT { article, lesson, revision }`, `revision` being the one the edit was based
 * on → 200 the draft at its next revision. 409 `stale-revision` with `draft` (the current one)
 * when it was saved elsewhere since; 404, 400, 413, 415 as the other endpoints.
 */
export const PUT: RequestHandler = async ({ request, locals, params }) => {
	try {
		const teacher = teacherId(locals);
		const body = await readJson(request, MAX_DRAFT_BODY_BYTES);
		return json(await saveDraft(await getDb(), teacher, params.id, body), { headers: NO_STORE });
	} catch (error) {
		return draftErrorResponse(error);
	}
};

/** Deletes a draft: 204, or 404 `unknown-draft`. A lesson published from it stays. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	try {
		await deleteDraft(await getDb(), teacherId(locals), params.id);
		return new Response(null, { status: 204, headers: NO_STORE });
	} catch (error) {
		return draftErrorResponse(error);
	}
};
