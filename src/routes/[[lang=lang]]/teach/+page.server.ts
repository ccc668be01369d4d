import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { createClass, DEFAULT_TIME_ZONE, listClasses } from '$lib/server/classes';
import { timeZones } from '$lib/teach/format';
import { groupZones } from '$lib/teach/zones';
import { field, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's classes, archived ones included, and what the "new class" form offers. */
export const load: PageServerLoad = async ({ locals }) => {
	const { teacher, db } = await teacherContext(locals);
	return {
		classes: await listClasses(db, teacher.id, { archived: true }),
		zones: groupZones(timeZones(DEFAULT_TIME_ZONE), locals.lang),
		defaultZone: DEFAULT_TIME_ZONE
	};
};

export const actions = {
	/** Creates a class from `name` and `timeZone` (default Asia/Baghdad) and opens its page. */
	create: async ({ request, locals }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		const values = { name: field(data, 'name'), timeZone: field(data, 'timeZone') };
		let id: string;
		try {
			({ id } = await createClass(db, teacher.id, {
				name: values.name,
				timeZone: values.timeZone || undefined
			}));
		} catch (cause) {
			return problem(cause, 'create', values);
		}
		redirect(303, localisePath(`/teach/classes/${id}`, locals.lang));
	}
} satisfies Actions;
