import { formatProblem } from '$lib/lesson/problem';
import { previewDraft } from '$lib/server/drafts';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { PageServerLoad } from './$types';

// Rendered outside the teacher area's layouts (see +page@), so its options are stated here.
export const prerender = false;

/**
 * The draft compiled as publishing would, for the student's page to show; or, when it does not
 * compile, its problems as `lessons check` prints them. Named `preview`, not `lesson`: the root
 * layout keeps any page's `lesson` on the device, and a preview must leave nothing there.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const { teacher, db } = await teacherContext(locals);
	setHeaders({ 'cache-control': 'private, no-store' });
	const preview = await orNotFound(previewDraft(db, teacher.id, params.id));
	return {
		draftId: params.id,
		preview: preview.lesson ?? null,
		problems: preview.problems?.map(formatProblem) ?? []
	};
};
