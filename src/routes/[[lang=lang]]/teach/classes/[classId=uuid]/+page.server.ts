import { redirect } from '@sveltejs/kit';
import { localisePath } from '$lib/i18n';
import { isLate, listAssignments, setDueDate, unassignLesson } from '$lib/server/assignments';
import {
	archiveClass,
	createRejoinCode,
	DEFAULT_TIME_ZONE,
	getClass,
	removeStudent,
	renameClass,
	roster,
	rotateJoinCode,
	setClassTimeZone
} from '$lib/server/classes';
import { classOverview } from '$lib/server/results';
import { timeZones } from '$lib/teach/format';
import { groupZones } from '$lib/teach/zones';
import { field, joinLinks, orNotFound, problem, teacherContext } from '$lib/server/teacher';
import { qrDataUrl } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';

/**
 * A class: its join code, link and QR code (the link uses the origin the teacher reached the
 * server by, or the computer's network addresses when that is `localhost`, so that phones on the
 * same network can open it), the assignments with how the class is
 * doing, and the roster. `?remove=<student id>` asks to confirm removing that student.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { teacher, db } = await teacherContext(locals);
	const summary = await orNotFound(getClass(db, teacher.id, params.classId));
	const [students, assignments, overview] = await Promise.all([
		roster(db, teacher.id, summary.id),
		listAssignments(db, teacher.id, summary.id),
		classOverview(db, teacher.id, summary.id)
	]);
	const links = joinLinks(url, summary.joinCode);
	const stats = new Map(overview.map((line) => [line.lessonId, line]));
	const removing = url.searchParams.get('remove');
	return {
		class: summary,
		...links,
		// Phones can install Qiraa and use it fully offline only from HTTPS (a phone never opens
		// the link on its own localhost).
		secure: new URL(links.joinUrl).protocol === 'https:',
		qr: await qrDataUrl(links.joinUrl),
		zones: groupZones(timeZones(DEFAULT_TIME_ZONE), locals.lang, summary.timeZone),
		assignments: assignments.map((assignment) => ({
			...assignment,
			// The due day has ended in the class's time zone.
			pastDue: isLate(new Date(), assignment.dueDate, summary.timeZone),
			stats: stats.get(assignment.lessonId) ?? null
		})),
		students,
		removing: students.find((student) => student.id === removing) ?? null
	};
};

const classPage = (locals: App.Locals, classId: string, hash = '') =>
	localisePath(`/teach/classes/${classId}`, locals.lang) + hash;

export const actions = {
	/** Renames the class (`name`, 1–80 characters). */
	rename: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const name = field(await request.formData(), 'name');
		try {
			await renameClass(db, teacher.id, params.classId, name);
		} catch (cause) {
			return problem(cause, 'rename', { name });
		}
	},

	/** Sets the IANA `timeZone` in which the class's due dates end. */
	timeZone: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const timeZone = field(await request.formData(), 'timeZone');
		try {
			await setClassTimeZone(db, teacher.id, params.classId, timeZone);
		} catch (cause) {
			return problem(cause, 'timeZone', { timeZone });
		}
	},

	/** Closes the class to new students (`archived=1`) or opens it again (`archived=0`). */
	archive: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const archived = field(await request.formData(), 'archived') !== '0';
		try {
			await archiveClass(db, teacher.id, params.classId, archived);
		} catch (cause) {
			return problem(cause, 'archive');
		}
	},

	/** Gives the class a new join code; the old one stops working at once. */
	rotate: async ({ locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		try {
			await rotateJoinCode(db, teacher.id, params.classId);
		} catch (cause) {
			return problem(cause, 'rotate');
		}
	},

	/** A one-time re-join code for `student`, shown once. */
	rejoin: async ({ request, locals, params, url }) => {
		const { teacher, db } = await teacherContext(locals);
		const studentId = field(await request.formData(), 'student');
		try {
			const { code, expiresAt } = await createRejoinCode(db, teacher.id, params.classId, studentId);
			return {
				rejoin: {
					studentId,
					code,
					url: joinLinks(url, code).joinUrl,
					expiresAt: expiresAt.toISOString()
				}
			};
		} catch (cause) {
			return problem(cause, 'rejoin');
		}
	},

	/** Removes `student` with all of their answers (confirmed through `?remove=`). */
	remove: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const studentId = field(await request.formData(), 'student');
		try {
			await removeStudent(db, teacher.id, params.classId, studentId);
		} catch (cause) {
			return problem(cause, 'remove');
		}
		redirect(303, classPage(locals, params.classId, '#roster'));
	},

	/** Changes the due date (`due`, YYYY-MM-DD; empty for none) of the assigned `lesson`. */
	due: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const data = await request.formData();
		const lesson = field(data, 'lesson');
		const due = field(data, 'due');
		try {
			await setDueDate(db, teacher.id, params.classId, lesson, due);
		} catch (cause) {
			return problem(cause, `due:${lesson}`, { due });
		}
	},

	/** Takes `lesson` off the class; answers already given stay. */
	unassign: async ({ request, locals, params }) => {
		const { teacher, db } = await teacherContext(locals);
		const lesson = field(await request.formData(), 'lesson');
		try {
			await unassignLesson(db, teacher.id, params.classId, lesson);
		} catch (cause) {
			return problem(cause, 'unassign');
		}
	}
} satisfies Actions;
