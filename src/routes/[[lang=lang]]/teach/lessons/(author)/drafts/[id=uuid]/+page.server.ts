import { listClasses } from '$lib/server/classes';
import { getDraft } from '$lib/server/drafts';
import { orNotFound, teacherContext } from '$lib/server/teacher';
import type { PageServerLoad } from './$types';

/** The draft as saved, and the teacher's open classes, to assign the lesson once published. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { teacher, db } = await teacherContext(locals);
	const draft = await orNotFound(getDraft(db, teacher.id, params.id));
	const classes = (await listClasses(db, teacher.id)).map((c) => ({ id: c.id, name: c.name }));
	return { draft, classes };
};
