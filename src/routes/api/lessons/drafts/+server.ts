import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { draftErrorResponse, MAX_DRAFT_BODY_BYTES, teacherId } from '$lib/server/draft-api';
import { createDraft, listDrafts } from '$lib/server/drafts';
import { NO_STORE, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The teacher's drafts, most recently saved first: 200 `{ drafts: [{ id, title, revision, updatedAt }] }`. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		const drafts = await listDrafts(await getDb(), teacherId(locals));
		return json({ drafts }, { headers: NO_STORE });
	} catch (error) {
		return draftErrorResponse(error);
	}
};

/**
 * Starts a draft from a lesson's two files: `POST { article, lesson }` → 201 the draft
 * `{ id, article, lesson, revision: 1, updatedAt }`. 400 `invalid-body` or `too-many-drafts`,
 * 413 for a file or body over the limit, 415 for a body that is not JSON, 401 without a session.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		const teacher = teacherId(locals);
		const body = await readJson(request, MAX_DRAFT_BODY_BYTES);
		const draft = await createDraft(await getDb(), teacher, body);
		return json(draft, { status: 201, headers: NO_STORE });
	} catch (error) {
		return draftErrorResponse(error);
	}
};
