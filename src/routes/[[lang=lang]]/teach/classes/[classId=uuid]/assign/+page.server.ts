import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { assignLessons, listAssignments } from '$lib/server/assignments';
import { getClass } from '$lib/server/classes';
import { lessonSearch, searchedPage } from '$lib/lesson/search';
import { lessonsForTeacher } from '$lib/server/lessons';
import { field, orNotFound, problem, teacherContext } from '$lib/server/teacher';
import type { Actions, PageServerLoad } from './$types';

/**
 * One page of the lessons this teacher may assign (the library, lessons shared with every teacher,
 * and their own imports), searched as the library is (`?q=&level=&genre=&page=`), each with its
 * difficulty figures and marked when already assigned.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { teacher, db } = await teacherContext(locals);
	const summary = await orNotFound(getClass(db, teacher.id, params.classId));
	const assigned = new Map(
		(await listAssignments(db, teacher.id, summary.id)).map((a) => [a.lessonId, a.dueDate])
	);
	const { filters, ...query } = lessonSearch(url.searchParams);
	const found = await lessonsForTeacher(db, teacher.id, query);
	return {
		class: { id: summary.id, name: summary.name, timeZone: summary.timeZone },
		...searchedPage(filters, found, (lesson) => ({
			id: lesson.id,
			title: lesson.title,
			source: lesson.source,
			level: lesson.level ?? null,
			readingMinutes: lesson.readingMinutes,
			readability: lesson.readability,
			questionCount: lesson.questionCount,
			paragraphCount: lesson.paragraphCount,
			mine: lesson.mine,
			assigned: assigned.has(lesson.id),
			dueDate: assigned.get(lesson.id) ?? null
		}))
	};
};

export const actions = {
	/**
	 * Assigns the checked lessons (`lesson`, one or more) with an optional due date (`due`,
	 * YYYY-MM-DD); a lesson assigned already gets the new date. Back to the class's assignments.
	 */
	default: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		const lessons = data.getAll('lesson').filter((id) => typeof id === 'string');
		const due = field(data, 'due');
		try {
			await assignLessons(db, teacher.id, params.classId, lessons, due);
		} catch (cause) {
			return problem(cause, 'assign', { due, lessons: lessons.join(' ') });
		}
		redirect(303, localisePath(`/teach/classes/${params.classId}`, locals.lang) + '#assignments');
	}
} satisfies Actions;
